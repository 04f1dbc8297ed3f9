package org.gongnon.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.MessageChannel;
import org.gongnon.process.OutboxService;
import org.gongnon.process.OutgoingMessage;
import org.gongnon.process.ProcessAccess;
import org.gongnon.process.SessionDirectory;
import org.gongnon.recruitment.Contact;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey waves for facilitators: settings, the questionnaire (build, copy from another wave, export and import
 * as a file), opening and closing, and live completion per stratum. Questions are frozen once anyone has
 * answered, so every stored answer always matches the questionnaire it was given to.
 */
@Service
public class SurveyService {

    static final int MAX_WAVES = 20;
    static final String REMINDER_PURPOSE = "survey-reminder";

    private final SurveyWaveRepository waves;
    private final SurveyResponses responses;
    private final ProcessAccess access;
    private final PanelSeatingService seating;
    private final SessionDirectory sessions;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final OutboxService outbox;
    private final String publicUrl;
    /** Parsed questionnaires by wave id and version: the citizen's every save needs one. */
    private final Map<Long, ParsedQuestionnaire> parsed = new ConcurrentHashMap<>();

    SurveyService(SurveyWaveRepository waves, SurveyResponses responses, ProcessAccess access,
                  PanelSeatingService seating, SessionDirectory sessions, CurrentUser currentUser, Clock clock,
                  OutboxService outbox, @Value("${gongnon.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.waves = waves;
        this.responses = responses;
        this.access = access;
        this.seating = seating;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private record ParsedQuestionnaire(long version, Questionnaire questionnaire) {
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<WaveSummary> waves(long processId) {
        access.requireView(processId);
        Map<Long, long[]> counts = responses.counts(processId);
        Instant now = clock.instant();
        List<WaveSummary> list = new ArrayList<>();
        for (SurveyWave wave : waves.findByProcessIdOrderByNumberAsc(processId)) {
            Questionnaire q = questionnaire(wave);
            long[] c = counts.getOrDefault(wave.getId(), new long[2]);
            WaveForm form = wave.toForm(clock.getZone());
            list.add(new WaveSummary(wave.getId(), wave.getNumber(), wave.getKind(), wave.title(), wave.getStatus(),
                    form.opensAt(), form.closesAt(), wave.getAudience(), q.questions().size(), q.tracked().size(),
                    c[0], c[1], wave.acceptsAnswersAt(now)));
        }
        return list;
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public WaveDetails wave(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireView(wave.getProcessId());
        return details(wave);
    }

    /** Defaults for a new wave: the next number, a window of a week from now, PIPA purpose and retention texts. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public WaveForm newWaveForm(long processId) {
        access.requireEdit(processId);
        int next = waves.findByProcessIdOrderByNumberAsc(processId).stream().mapToInt(SurveyWave::getNumber).max()
                .orElse(0) + 1;
        WaveKind kind = switch (next) {
            case 1 -> WaveKind.RECRUITMENT;
            case 2 -> WaveKind.PRE;
            case 3 -> WaveKind.MID;
            default -> WaveKind.POST;
        };
        LocalDateTime start = LocalDateTime.now(clock).withSecond(0).withNano(0);
        return new WaveForm(next, kind, LocalText.of("", ""), start, start.plusDays(7), WaveAudience.WHOLE_PANEL, null,
                SurveyTexts.DEFAULT_PURPOSE, SurveyTexts.DEFAULT_RETENTION, null);
    }

    /** The sessions a wave can be addressed to (audience "attendees of a session"). */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<SessionDirectory.SessionRef> sessions(long processId) {
        access.requireView(processId);
        return sessions.sessions(processId);
    }

    /** Whether the current user may change the process's surveys (officials and others only look). */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public boolean canEdit(long processId) {
        access.requireView(processId);
        return access.canEdit(processId);
    }

    /** Where citizens sign in with their code (for the QR code shown in the hall): they find the survey on their page. */
    @PreAuthorize(Roles.HAS_STAFF)
    public String signInAddress() {
        return publicUrl + "/code";
    }

    /** Creates (waveId null) or updates a wave's settings; every problem is reported at once, nothing half-saved. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public long saveWave(long processId, Long waveId, WaveForm form) {
        access.requireEdit(processId);
        SurveyWave wave;
        if (waveId == null) {
            if (waves.findByProcessIdOrderByNumberAsc(processId).size() >= MAX_WAVES) {
                throw new UserFacingException("survey.wave.too-many", MAX_WAVES);
            }
            wave = new SurveyWave(processId);
        } else {
            wave = load(waveId);
            if (wave.getProcessId() != processId) {
                throw new UserFacingException("survey.wave.not-found");
            }
            checkVersion(wave, form.version());
        }
        validate(processId, waveId, form);
        wave.apply(form, clock.getZone(), clock.instant(), currentUser.actorName());
        return flush(() -> waves.saveAndFlush(wave)).getId();
    }

    private void validate(long processId, Long waveId, WaveForm form) {
        Problems problems = new Problems();
        if (form.number() < 1 || form.number() > 99) {
            problems.add("number", "survey.wave.bad-number");
        } else if (waves.findByProcessIdOrderByNumberAsc(processId).stream()
                .anyMatch(w -> w.getNumber() == form.number() && !w.getId().equals(waveId))) {
            problems.add("number", "survey.wave.number-taken", form.number());
        }
        if (form.kind() == null) {
            problems.add("kind", "validation.required");
        }
        problems.requireText("title", form.title() == null ? null : form.title().ko(), 200);
        problems.optionalText("titleEn", form.title() == null ? null : form.title().en(), 200);
        if (form.opensAt() != null && form.closesAt() != null && !form.closesAt().isAfter(form.opensAt())) {
            problems.add("closesAt", "survey.wave.closes-before-opens");
        }
        if (form.audience() == null) {
            problems.add("audience", "validation.required");
        } else if (form.audience() == WaveAudience.SESSION_ATTENDEES) {
            boolean known = form.audienceSessionId() != null && sessions.sessions(processId).stream()
                    .anyMatch(s -> s.sessionId() == form.audienceSessionId());
            if (!known) {
                problems.add("audienceSession", "survey.wave.session-required");
            }
        }
        problems.requireText("purpose", form.purpose() == null ? null : form.purpose().ko(), 1000);
        problems.optionalText("purposeEn", form.purpose() == null ? null : form.purpose().en(), 1000);
        problems.requireText("retention", form.retention() == null ? null : form.retention().ko(), 500);
        problems.optionalText("retentionEn", form.retention() == null ? null : form.retention().en(), 500);
        problems.throwIfAny();
    }

    /** Replaces the questionnaire of a wave whose questions can still change; the whole document is checked first. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public long saveQuestionnaire(long waveId, Questionnaire questionnaire, long expectedVersion) {
        SurveyWave wave = loadForQuestions(waveId);
        checkVersion(wave, expectedVersion);
        questionnaire.validate();
        wave.setQuestionnaire(QuestionnaireFiles.write(questionnaire));
        wave.touch(clock.instant(), currentUser.actorName());
        return flush(() -> waves.saveAndFlush(wave)).getVersion();
    }

    /** Copies another wave's questionnaire (same process) into this one; tracked questions keep their codes. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public long copyQuestionnaire(long fromWaveId, long toWaveId) {
        SurveyWave from = load(fromWaveId);
        SurveyWave to = loadForQuestions(toWaveId);
        if (from.getProcessId() != to.getProcessId()) {
            throw new UserFacingException("survey.wave.not-found");
        }
        to.setQuestionnaire(from.getQuestionnaire());
        to.touch(clock.instant(), currentUser.actorName());
        return flush(() -> waves.saveAndFlush(to)).getVersion();
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public String exportQuestionnaire(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireView(wave.getProcessId());
        return QuestionnaireFiles.write(questionnaire(wave));
    }

    /** Imports a questionnaire file: refused as a whole (clear message) if it is not a valid questionnaire. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public long importQuestionnaire(long waveId, String fileContent) {
        SurveyWave wave = loadForQuestions(waveId);
        Questionnaire questionnaire = QuestionnaireFiles.read(fileContent);
        questionnaire.validate();
        wave.setQuestionnaire(QuestionnaireFiles.write(questionnaire));
        wave.touch(clock.instant(), currentUser.actorName());
        return flush(() -> waves.saveAndFlush(wave)).getVersion();
    }

    /** Opens a wave for answers; it needs a valid questionnaire. Re-opening a closed wave is allowed. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void open(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireEdit(wave.getProcessId());
        questionnaire(wave).validate();
        wave.setStatus(WaveStatus.OPEN);
        wave.touch(clock.instant(), currentUser.actorName());
        flush(() -> waves.saveAndFlush(wave));
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void close(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireEdit(wave.getProcessId());
        if (wave.getStatus() != WaveStatus.OPEN) {
            throw new UserFacingException("survey.wave.not-open");
        }
        wave.setStatus(WaveStatus.CLOSED);
        wave.touch(clock.instant(), currentUser.actorName());
        flush(() -> waves.saveAndFlush(wave));
    }

    /** Deletes a wave nobody has answered; a wave with answers is kept (close it instead). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void deleteWave(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireEdit(wave.getProcessId());
        if (responses.participations(waveId) > 0) {
            throw new UserFacingException("survey.wave.has-answers");
        }
        waves.delete(wave);
        parsed.remove(waveId);
    }

    /** Audience, started and submitted, overall and per value of each recruitment feature. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public Completion completion(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireView(wave.getProcessId());
        PanelRoster roster = seating.roster(wave.getProcessId());
        Set<Long> audience = audienceOf(wave, roster);
        Map<Long, Boolean> progress = responses.progressByMember(waveId);
        long started = audience.stream().filter(progress::containsKey).count();
        long submitted = audience.stream().filter(id -> Boolean.TRUE.equals(progress.get(id))).count();
        List<Completion.StratumCompletion> strata = new ArrayList<>();
        for (String feature : roster.features()) {
            Map<String, long[]> byValue = new LinkedHashMap<>();
            roster.values().getOrDefault(feature, List.of()).forEach(v -> byValue.put(v, new long[3]));
            for (RosterMember m : roster.members()) {
                String value = m.features().get(feature);
                if (value == null || !audience.contains(m.panelMemberId())) {
                    continue;
                }
                long[] c = byValue.computeIfAbsent(value, v -> new long[3]);
                c[0]++;
                if (progress.containsKey(m.panelMemberId())) {
                    c[1]++;
                }
                if (Boolean.TRUE.equals(progress.get(m.panelMemberId()))) {
                    c[2]++;
                }
            }
            byValue.forEach((value, c) -> strata.add(new Completion.StratumCompletion(feature, value, c[0], c[1], c[2])));
        }
        return new Completion(audience.size(), started, submitted, strata);
    }

    /**
     * Queues a reminder in the outbox for everyone in the wave's audience who has not submitted yet: a text
     * message when there is a phone number, else an e-mail. The wave must be taking answers.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ReminderResult sendReminders(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireEdit(wave.getProcessId());
        if (!wave.acceptsAnswersAt(clock.instant())) {
            throw new UserFacingException("survey.citizen.wave-closed");
        }
        PanelRoster roster = seating.roster(wave.getProcessId());
        Set<Long> audience = audienceOf(wave, roster);
        Map<Long, Boolean> progress = responses.progressByMember(waveId);
        Map<Long, Contact> contacts = seating.contacts(wave.getProcessId());
        List<OutgoingMessage> messages = new ArrayList<>();
        int without = 0;
        for (RosterMember m : roster.members()) {
            if (!audience.contains(m.panelMemberId()) || Boolean.TRUE.equals(progress.get(m.panelMemberId()))) {
                continue;
            }
            Contact c = contacts.get(m.panelMemberId());
            String body = m.displayName() + "님, ‘" + wave.title().ko() + "’ 설문에 참여해 주세요. "
                    + "개인 페이지에서 이어서 답할 수 있습니다: " + publicUrl + "/code";
            if (c != null && c.phone() != null && !c.phone().isBlank()) {
                messages.add(new OutgoingMessage(wave.getProcessId(), m.panelMemberId(), MessageChannel.SMS,
                        c.phone(), null, body, REMINDER_PURPOSE));
            } else if (c != null && c.email() != null && !c.email().isBlank()) {
                messages.add(new OutgoingMessage(wave.getProcessId(), m.panelMemberId(), MessageChannel.EMAIL,
                        c.email(), "[공론] ‘" + wave.title().ko() + "’ 설문 안내", body, REMINDER_PURPOSE));
            } else {
                without++;
            }
        }
        int queued = messages.isEmpty() ? 0 : outbox.enqueue(wave.getProcessId(), messages);
        return new ReminderResult(queued, without);
    }

    /** The panel member ids a wave is addressed to: the active panel, or the attendees of its session. */
    Set<Long> audienceOf(SurveyWave wave, PanelRoster roster) {
        Set<Long> active = new HashSet<>();
        roster.members().forEach(m -> active.add(m.panelMemberId()));
        if (wave.getAudience() == WaveAudience.SESSION_ATTENDEES) {
            Set<Long> attendees = wave.getAudienceSessionId() == null ? Set.of()
                    : sessions.attendees(wave.getProcessId(), wave.getAudienceSessionId());
            active.retainAll(attendees);
        }
        return active;
    }

    /** The wave's questionnaire, parsed once per version. */
    Questionnaire questionnaire(SurveyWave wave) {
        ParsedQuestionnaire cached = parsed.get(wave.getId());
        if (cached != null && cached.version() == wave.getVersion()) {
            return cached.questionnaire();
        }
        Questionnaire q = QuestionnaireFiles.read(wave.getQuestionnaire());
        parsed.put(wave.getId(), new ParsedQuestionnaire(wave.getVersion(), q));
        return q;
    }

    private WaveDetails details(SurveyWave wave) {
        return new WaveDetails(wave.getId(), wave.getProcessId(), wave.getStatus(), wave.toForm(clock.getZone()),
                questionnaire(wave), responses.participations(wave.getId()), wave.acceptsAnswersAt(clock.instant()));
    }

    private SurveyWave load(long waveId) {
        return waves.findById(waveId).orElseThrow(() -> new UserFacingException("survey.wave.not-found"));
    }

    private SurveyWave loadForQuestions(long waveId) {
        SurveyWave wave = load(waveId);
        access.requireEdit(wave.getProcessId());
        if (wave.getStatus() != WaveStatus.DRAFT || responses.participations(waveId) > 0) {
            throw new UserFacingException("survey.wave.questions-frozen");
        }
        return wave;
    }

    private static void checkVersion(SurveyWave wave, Long expected) {
        if (expected == null || wave.getVersion() != expected) {
            throw new UserFacingException("survey.concurrent-edit");
        }
    }

    private static <T> T flush(java.util.function.Supplier<T> save) {
        try {
            return save.get();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new UserFacingException("survey.concurrent-edit");
        }
    }
}
