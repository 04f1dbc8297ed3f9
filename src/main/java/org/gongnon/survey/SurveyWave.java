package org.gongnon.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A survey wave of a process: settings, status and the questionnaire document. */
@Entity
@Table(name = "survey_wave")
class SurveyWave {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "wave_number", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private WaveKind kind;

    @Column(name = "title_ko", nullable = false, length = 200)
    private String titleKo;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private WaveStatus status = WaveStatus.DRAFT;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience", nullable = false, length = 20)
    private WaveAudience audience;

    @Column(name = "audience_session_id")
    private Long audienceSessionId;

    @Column(name = "purpose_ko", nullable = false, length = 1000)
    private String purposeKo;

    @Column(name = "purpose_en", length = 1000)
    private String purposeEn;

    @Column(name = "retention_ko", nullable = false, length = 500)
    private String retentionKo;

    @Column(name = "retention_en", length = 500)
    private String retentionEn;

    @Column(name = "consent_version", nullable = false)
    private int consentVersion = 1;

    @Column(name = "questionnaire", nullable = false, columnDefinition = "LONGTEXT")
    private String questionnaire;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected SurveyWave() {
    }

    SurveyWave(long processId) {
        this.processId = processId;
        this.questionnaire = QuestionnaireFiles.write(Questionnaire.empty());
    }

    void apply(WaveForm form, ZoneId zone, Instant now, String actor) {
        boolean consentChanged = purposeKo != null && (!form.purpose().ko().equals(purposeKo)
                || !form.purpose().en().equals(nullToEmpty(purposeEn))
                || !form.retention().ko().equals(retentionKo)
                || !form.retention().en().equals(nullToEmpty(retentionEn)));
        number = form.number();
        kind = form.kind();
        titleKo = form.title().ko();
        titleEn = form.title().en();
        opensAt = form.opensAt() == null ? null : form.opensAt().atZone(zone).toInstant();
        closesAt = form.closesAt() == null ? null : form.closesAt().atZone(zone).toInstant();
        audience = form.audience();
        audienceSessionId = form.audience() == WaveAudience.SESSION_ATTENDEES ? form.audienceSessionId() : null;
        purposeKo = form.purpose().ko();
        purposeEn = form.purpose().en();
        retentionKo = form.retention().ko();
        retentionEn = form.retention().en();
        if (consentChanged) {
            consentVersion++;
        }
        touch(now, actor);
    }

    void touch(Instant now, String actor) {
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        updatedBy = actor;
    }

    WaveForm toForm(ZoneId zone) {
        return new WaveForm(number, kind, new LocalText(titleKo, titleEn),
                opensAt == null ? null : LocalDateTime.ofInstant(opensAt, zone),
                closesAt == null ? null : LocalDateTime.ofInstant(closesAt, zone), audience, audienceSessionId,
                new LocalText(purposeKo, purposeEn), new LocalText(retentionKo, retentionEn), version);
    }

    /** Open, and inside its window if it has one. */
    boolean acceptsAnswersAt(Instant now) {
        return status == WaveStatus.OPEN && (opensAt == null || !now.isBefore(opensAt))
                && (closesAt == null || now.isBefore(closesAt));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    long getProcessId() {
        return processId;
    }

    int getNumber() {
        return number;
    }

    WaveKind getKind() {
        return kind;
    }

    LocalText title() {
        return new LocalText(titleKo, titleEn);
    }

    WaveStatus getStatus() {
        return status;
    }

    void setStatus(WaveStatus status) {
        this.status = status;
    }

    Instant getOpensAt() {
        return opensAt;
    }

    Instant getClosesAt() {
        return closesAt;
    }

    WaveAudience getAudience() {
        return audience;
    }

    Long getAudienceSessionId() {
        return audienceSessionId;
    }

    LocalText purpose() {
        return new LocalText(purposeKo, purposeEn);
    }

    LocalText retention() {
        return new LocalText(retentionKo, retentionEn);
    }

    int getConsentVersion() {
        return consentVersion;
    }

    String getQuestionnaire() {
        return questionnaire;
    }

    void setQuestionnaire(String json) {
        this.questionnaire = json;
    }
}
