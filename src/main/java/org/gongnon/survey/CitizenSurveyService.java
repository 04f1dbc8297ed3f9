package org.gongnon.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongnon.base.Problems;
import org.gongnon.base.TransientRetry;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.PanelService;
import org.gongnon.process.SessionDirectory;
import org.gongnon.security.CitizenPrincipal;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in citizen's surveys: consent, answers saved one by one as they are given (autosave), and a final,
 * idempotent submit. The citizen always comes from the session, never from a parameter. Every answer is
 * checked against its question on the server; a refused answer changes nothing.
 */
@Service
public class CitizenSurveyService {

    /** The row stayed locked through every attempt: "try again in a moment". */
    static final String BUSY = "survey.error.busy";

    private final SurveyWaveRepository waves;
    private final SurveyResponses responses;
    private final SurveyService surveys;
    private final PanelService panel;
    private final SessionDirectory sessions;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransientRetry retry;

    CitizenSurveyService(SurveyWaveRepository waves, SurveyResponses responses, SurveyService surveys,
                         PanelService panel, SessionDirectory sessions, CurrentUser currentUser, Clock clock,
                         TransientRetry retry) {
        this.waves = waves;
        this.responses = responses;
        this.surveys = surveys;
        this.panel = panel;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.clock = clock;
        this.retry = retry;
    }

    /** The waves addressed to me that are open now, or that I have started or submitted. */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional
    public List<MyWave> myWaves() {
        CitizenPrincipal me = currentUser.requireCitizen();
        if (!panel.amActiveMember()) {
            return List.of();
        }
        Instant now = clock.instant();
        long participantId = responses.participantId(me.processId(), me.panelMemberId());
        List<MyWave> list = new ArrayList<>();
        for (SurveyWave wave : waves.findByProcessIdOrderByNumberAsc(me.processId())) {
            if (wave.getStatus() == WaveStatus.DRAFT) {
                continue;
            }
            Optional<SurveyResponses.Participation> p = responses.participation(wave.getId(), participantId);
            boolean accepting = wave.acceptsAnswersAt(now);
            MyWave.State state;
            if (p.isPresent() && p.get().submitted()) {
                state = MyWave.State.SUBMITTED;
            } else if (!accepting) {
                if (p.isEmpty()) {
                    continue;
                }
                state = MyWave.State.CLOSED;
            } else if (!isInAudience(wave, me)) {
                continue;
            } else {
                state = p.isPresent() ? MyWave.State.IN_PROGRESS : MyWave.State.NOT_STARTED;
            }
            LocalDateTime closes = wave.getClosesAt() == null ? null
                    : LocalDateTime.ofInstant(wave.getClosesAt(), clock.getZone());
            list.add(new MyWave(wave.getId(), wave.title(), closes, state));
        }
        return list;
    }

    /** The form of one wave addressed to me, with my saved answers; resumes where I left off. */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional
    public CitizenSurvey open(long waveId) {
        CitizenPrincipal me = currentUser.requireCitizen();
        SurveyWave wave = myWave(waveId, me);
        long participantId = responses.participantId(me.processId(), me.panelMemberId());
        Optional<SurveyResponses.Participation> p = responses.participation(waveId, participantId);
        if (p.isEmpty() && !isInAudience(wave, me)) {
            throw new UserFacingException("survey.citizen.not-in-audience");
        }
        Questionnaire q = surveys.questionnaire(wave);
        Map<String, List<String>> answers = p.map(x -> decode(q, responses.answers(x.id()))).orElse(Map.of());
        boolean consented = p.isPresent() && p.get().consentVersion() == wave.getConsentVersion()
                || p.map(SurveyResponses.Participation::submitted).orElse(false);
        return new CitizenSurvey(waveId, wave.title(), wave.purpose(), wave.retention(), q,
                wave.acceptsAnswersAt(clock.instant()), consented,
                p.map(SurveyResponses.Participation::currentSection).orElse(0), answers,
                p.map(SurveyResponses.Participation::submittedAt).orElse(null));
    }

    /**
     * Records my separate consent to the processing of my opinions (PIPA) and starts my response. Repeating it
     * (another tab) is harmless. Retried like {@link #saveAnswer}.
     */
    @PreAuthorize(Roles.HAS_CITIZEN)
    public void consent(long waveId) {
        retry.runInTransaction(BUSY, () -> consentOnce(waveId));
    }

    private void consentOnce(long waveId) {
        CitizenPrincipal me = currentUser.requireCitizen();
        SurveyWave wave = myWave(waveId, me);
        requireAccepting(wave);
        if (!isInAudience(wave, me)) {
            throw new UserFacingException("survey.citizen.not-in-audience");
        }
        long participantId = responses.participantId(me.processId(), me.panelMemberId());
        responses.start(waveId, participantId, wave.getConsentVersion(), clock.instant());
    }

    /**
     * Saves one answer (an empty list clears it). Refused with a clear message, and nothing stored, when the
     * value does not fit the question, the wave is closed, consent is missing or the response was submitted.
     * A save that meets a locked row (a lock wait timeout, a deadlock) is run again as a whole; if the row stays
     * locked, the citizen is asked to try again ("survey.error.busy") and nothing is stored.
     */
    @PreAuthorize(Roles.HAS_CITIZEN)
    public Instant saveAnswer(long waveId, String questionCode, List<String> answer) {
        // The retry runs each attempt in a transaction of its own: it must not sit inside one.
        return retry.inTransaction(BUSY, () -> saveAnswerOnce(waveId, questionCode, answer));
    }

    private Instant saveAnswerOnce(long waveId, String questionCode, List<String> answer) {
        CitizenPrincipal me = currentUser.requireCitizen();
        SurveyWave wave = myWave(waveId, me);
        requireAccepting(wave);
        Question question = surveys.questionnaire(wave).question(questionCode)
                .orElseThrow(() -> new UserFacingException("survey.answer.unknown-question"));
        List<String> value = answer == null ? List.of() : answer;
        question.validate(value);
        SurveyResponses.Participation p = requireParticipation(wave, me);
        Instant now = now();
        if (!responses.lockOpen(p.id(), now)) {
            throw new UserFacingException("survey.citizen.already-submitted");
        }
        if (value.isEmpty()) {
            responses.deleteAnswer(p.id(), questionCode);
        } else {
            responses.saveAnswer(p.id(), questionCode, AnswerCodec.encode(question, value), now);
        }
        return now;
    }

    /** Remembers the page I am on, so I resume there. Retried like {@link #saveAnswer}. */
    @PreAuthorize(Roles.HAS_CITIZEN)
    public void saveProgress(long waveId, int section) {
        retry.runInTransaction(BUSY, () -> saveProgressOnce(waveId, section));
    }

    private void saveProgressOnce(long waveId, int section) {
        CitizenPrincipal me = currentUser.requireCitizen();
        SurveyWave wave = myWave(waveId, me);
        requireAccepting(wave);
        SurveyResponses.Participation p = requireParticipation(wave, me);
        int last = Math.max(0, surveys.questionnaire(wave).sections().size() - 1);
        responses.setSection(p.id(), Math.max(0, Math.min(section, last)));
    }

    /**
     * Submits my response. Final and idempotent: a repeat returns the first submit's time (also after the wave
     * closed). Refused, listing the questions, when a required question that is shown has no answer. Retried
     * like {@link #saveAnswer}; a submit that gives up has not submitted anything.
     */
    @PreAuthorize(Roles.HAS_CITIZEN)
    public SubmitResult submit(long waveId) {
        return retry.inTransaction(BUSY, () -> submitOnce(waveId));
    }

    private SubmitResult submitOnce(long waveId) {
        CitizenPrincipal me = currentUser.requireCitizen();
        SurveyWave wave = myWave(waveId, me);
        long participantId = responses.participantId(me.processId(), me.panelMemberId());
        Optional<SurveyResponses.Participation> existing = responses.participation(waveId, participantId);
        if (existing.isPresent() && existing.get().submitted()) {
            return new SubmitResult(existing.get().submittedAt(), true);
        }
        // A closed wave refuses before anything else, as saving an answer and the page do.
        requireAccepting(wave);
        SurveyResponses.Participation p = requireParticipation(wave, existing);
        Instant now = now();
        // Lock the row first, so no answer lands between the completeness check and the submit.
        if (!responses.lockOpen(p.id(), now)) {
            return new SubmitResult(responses.latestSubmittedAt(p.id()), true);
        }
        Questionnaire q = surveys.questionnaire(wave);
        Map<String, List<String>> answers = decode(q, responses.answers(p.id()));
        Problems missing = new Problems();
        for (Question question : q.questions()) {
            if (question.required() && question.isShown(answers) && !answers.containsKey(question.code())) {
                missing.add(question.code(), "survey.citizen.required-missing");
            }
        }
        missing.throwIfAny();
        if (!responses.markSubmitted(p.id(), now)) {
            return new SubmitResult(responses.latestSubmittedAt(p.id()), true);
        }
        return new SubmitResult(now, false);
    }

    /** Now, at the database's precision, so what is returned equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private SurveyResponses.Participation requireParticipation(SurveyWave wave, CitizenPrincipal me) {
        long participantId = responses.participantId(me.processId(), me.panelMemberId());
        return requireParticipation(wave, responses.participation(wave.getId(), participantId));
    }

    private SurveyResponses.Participation requireParticipation(SurveyWave wave,
                                                               Optional<SurveyResponses.Participation> found) {
        SurveyResponses.Participation p = found
                .orElseThrow(() -> new UserFacingException("survey.citizen.consent-first"));
        if (!p.submitted() && p.consentVersion() != wave.getConsentVersion()) {
            throw new UserFacingException("survey.citizen.consent-changed");
        }
        return p;
    }

    private void requireAccepting(SurveyWave wave) {
        if (!wave.acceptsAnswersAt(clock.instant())) {
            throw new UserFacingException("survey.citizen.wave-closed");
        }
    }

    /** A wave of my own process that has been opened at some point; anything else looks like it does not exist. */
    private SurveyWave myWave(long waveId, CitizenPrincipal me) {
        if (!panel.amActiveMember()) {
            throw new UserFacingException("citizen.access-ended");
        }
        return waves.findById(waveId).filter(w -> w.getProcessId() == me.processId())
                .filter(w -> w.getStatus() != WaveStatus.DRAFT)
                .orElseThrow(() -> new UserFacingException("survey.wave.not-found"));
    }

    private boolean isInAudience(SurveyWave wave, CitizenPrincipal me) {
        if (wave.getAudience() == WaveAudience.WHOLE_PANEL) {
            return true;
        }
        Set<Long> attendees = wave.getAudienceSessionId() == null ? Set.of()
                : sessions.attendees(wave.getProcessId(), wave.getAudienceSessionId());
        return attendees.contains(me.panelMemberId());
    }

    static Map<String, List<String>> decode(Questionnaire q, Map<String, String> stored) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        stored.forEach((code, value) -> answers.put(code, AnswerCodec.decode(q.question(code).orElse(null), value)));
        return answers;
    }
}
