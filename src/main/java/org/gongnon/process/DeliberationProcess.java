package org.gongnon.process;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.MapKeyJdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A public deliberation (공론화 과제): the question, who runs it, and its planned timeline. */
@Entity
@Table(name = "deliberation_process")
class DeliberationProcess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "public_question", nullable = false, length = 500)
    private String publicQuestion;

    @Column(length = 4000)
    private String description;

    @Column(nullable = false, length = 200)
    private String organiser;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ProcessStatus status;

    @Column(name = "retention_date", nullable = false)
    private LocalDate retentionDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "process_phase", joinColumns = @JoinColumn(name = "process_id"))
    @MapKeyColumn(name = "phase", length = 40)
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyJdbcTypeCode(SqlTypes.VARCHAR)
    private Map<Phase, PhaseDates> phases = new EnumMap<>(Phase.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DeliberationProcess() {
    }

    DeliberationProcess(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(ValidProcess valid, Instant now) {
        this.title = valid.title();
        this.publicQuestion = valid.publicQuestion();
        this.description = valid.description();
        this.organiser = valid.organiser();
        this.status = valid.status();
        this.retentionDate = valid.retentionDate();
        this.phases.clear();
        for (PhasePlan plan : valid.phases()) {
            phases.put(plan.phase(), new PhaseDates(plan.start(), plan.end()));
        }
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    String getTitle() {
        return title;
    }

    ProcessStatus getStatus() {
        return status;
    }

    Timeline timeline() {
        return new Timeline(phases.entrySet().stream()
                .map(e -> new PhasePlan(e.getKey(), e.getValue().plannedStart(), e.getValue().plannedEnd()))
                .toList());
    }

    ProcessForm toForm() {
        return new ProcessForm(id, version, title, publicQuestion, description, organiser, status, retentionDate,
                List.copyOf(timeline().phases()));
    }

    ProcessSummary toSummary() {
        return new ProcessSummary(id, title, publicQuestion, organiser, status, timeline());
    }

    CitizenPage toCitizenPage(String displayName) {
        return new CitizenPage(displayName, title, publicQuestion, organiser, timeline());
    }

    /** Input that passed validation, trimmed. Only this can change a process. */
    record ValidProcess(String title, String publicQuestion, String description, String organiser,
                        ProcessStatus status, LocalDate retentionDate, List<PhasePlan> phases) {
    }
}
