package org.gongnon.scheduling;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "deliberation_session")
class DeliberationSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "round_id", nullable = false)
    private long roundId;

    @Column(nullable = false, length = 150)
    private String title;

    @Column(name = "session_date", nullable = false)
    private LocalDate date;

    @Column(name = "starts_at", nullable = false)
    private LocalTime start;

    @Column(name = "ends_at", nullable = false)
    private LocalTime end;

    @Column(name = "venue_id")
    private Long venueId;

    @Column(name = "online_url", length = 500)
    private String onlineUrl;

    @Column(name = "audience_feature", length = 50)
    private String audienceFeature;

    @Column(name = "audience_value", length = 50)
    private String audienceValue;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "what_to_bring", length = 500)
    private String whatToBring;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AgendaItem> agenda = new ArrayList<>();

    protected DeliberationSession() {
    }

    DeliberationSession(long processId) {
        this.processId = processId;
    }

    /** Applies an already validated form. */
    void apply(SessionForm form, Instant now, String by) {
        roundId = form.roundId();
        title = form.title();
        date = form.date();
        start = form.start();
        end = form.end();
        venueId = form.venueId();
        onlineUrl = blankToNull(form.onlineUrl());
        audienceFeature = form.wholePanel() ? null : form.audienceFeature();
        audienceValue = form.wholePanel() ? null : form.audienceValue();
        required = form.required();
        whatToBring = blankToNull(form.whatToBring());
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        updatedBy = by;
        agenda.clear();
        for (int i = 0; i < form.agenda().size(); i++) {
            agenda.add(new AgendaItem(this, i, form.agenda().get(i)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Whether this session's audience and another's could share a person. */
    boolean sharesParticipantsWith(String otherFeature, String otherValue) {
        if (audienceFeature == null || otherFeature == null || otherFeature.isBlank()) {
            return true;
        }
        // Different features (e.g. 권역 and 연령대) can share people; the same feature with different values cannot.
        return !audienceFeature.equals(otherFeature) || audienceValue.equals(otherValue);
    }

    boolean overlaps(LocalDate otherDate, LocalTime otherStart, LocalTime otherEnd) {
        return date.equals(otherDate) && start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    SessionForm toForm() {
        return new SessionForm(id, version, processId, roundId, title, date, start, end, venueId,
                onlineUrl == null ? "" : onlineUrl, audienceFeature, audienceValue, required,
                whatToBring == null ? "" : whatToBring, false, agenda.stream().map(AgendaItem::toForm).toList());
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

    long getRoundId() {
        return roundId;
    }

    String getTitle() {
        return title;
    }

    LocalDate getDate() {
        return date;
    }

    LocalTime getStart() {
        return start;
    }

    LocalTime getEnd() {
        return end;
    }

    Long getVenueId() {
        return venueId;
    }

    String getOnlineUrl() {
        return onlineUrl;
    }

    String getAudienceFeature() {
        return audienceFeature;
    }

    String getAudienceValue() {
        return audienceValue;
    }

    boolean isRequired() {
        return required;
    }

    String getWhatToBring() {
        return whatToBring;
    }

    List<AgendaItemForm> agendaForms() {
        return agenda.stream().map(AgendaItem::toForm).toList();
    }

    boolean hasSmallGroups() {
        return agenda.stream().anyMatch(a -> a.toForm().kind() == AgendaKind.SMALL_GROUP);
    }
}
