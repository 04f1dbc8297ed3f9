package org.gongnon.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many responses at once, for the demo: 300 members × 4 waves × ~15 answers through the citizen's
 * service one save at a time would take far too long at start-up, so they go in as JDBC batches. Every answer
 * is still checked against its question and stored in the same encoding as a save from the form
 * ({@link AnswerCodec}); a submitted response must have every shown required question answered, as at submit.
 * Admin only (the demo runs as the system); not for real responses, which only the citizen's form records.
 */
@Service
public class SyntheticResponseService {

    private final SurveyWaveRepository waves;
    private final SurveyResponses responses;
    private final SurveyService surveys;
    private final PanelSeatingService seating;

    SyntheticResponseService(SurveyWaveRepository waves, SurveyResponses responses, SurveyService surveys,
                             PanelSeatingService seating) {
        this.waves = waves;
        this.responses = responses;
        this.surveys = surveys;
        this.seating = seating;
    }

    /**
     * Records the responses to a wave that has been opened (it may be closed again). All or nothing: an answer a
     * question cannot hold, a member outside the panel, or a member who already has a response refuses them all.
     *
     * @return the number of responses written
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public int record(long waveId, List<SyntheticResponse> list) {
        SurveyWave wave = waves.findById(waveId).orElseThrow(() -> new IllegalArgumentException("no wave " + waveId));
        if (wave.getStatus() == WaveStatus.DRAFT) {
            throw new IllegalStateException("wave " + waveId + " has not been opened");
        }
        Questionnaire q = surveys.questionnaire(wave);
        Set<Long> panel = new HashSet<>();
        seating.roster(wave.getProcessId()).members().stream().map(RosterMember::panelMemberId).forEach(panel::add);
        Set<Long> seen = new HashSet<>();
        for (SyntheticResponse r : list) {
            if (!panel.contains(r.panelMemberId()) || !seen.add(r.panelMemberId())) {
                throw new IllegalArgumentException("not an active panel member, or twice: " + r.panelMemberId());
            }
        }
        Map<Long, Long> participants = responses.participantIds(wave.getProcessId(), seen);
        List<SurveyResponses.Recorded> recorded = new ArrayList<>();
        for (SyntheticResponse r : list) {
            for (String code : r.answers().keySet()) {
                if (q.question(code).isEmpty()) {
                    throw new IllegalArgumentException("no question " + code + " in wave " + waveId);
                }
            }
            Map<String, String> stored = new LinkedHashMap<>();
            for (Question question : q.questions()) {
                List<String> answer = r.answers().get(question.code());
                if (answer != null && !answer.isEmpty()) {
                    question.validate(answer);
                    stored.put(question.code(), AnswerCodec.encode(question, answer));
                }
            }
            if (r.submittedAt() != null) {
                for (Question question : q.questions()) {
                    if (question.required() && question.isShown(r.answers()) && !stored.containsKey(question.code())) {
                        throw new IllegalArgumentException("required question " + question.code() + " unanswered");
                    }
                }
            }
            Instant lastSaved = r.submittedAt() != null ? r.submittedAt() : r.consentedAt();
            recorded.add(new SurveyResponses.Recorded(participants.get(r.panelMemberId()), wave.getConsentVersion(),
                    r.consentedAt(), lastSaved, r.submittedAt(), stored));
        }
        if (!recorded.isEmpty()) {
            responses.insertRecorded(waveId, recorded);
        }
        return recorded.size();
    }
}
