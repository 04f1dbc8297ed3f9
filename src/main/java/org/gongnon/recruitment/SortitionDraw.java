package org.gongnon.recruitment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.gongnon.algorithms.sortition.Certificate;
import org.hibernate.annotations.Immutable;

/**
 * The record of one draw: inputs fingerprint, seed, algorithm, quotas and lottery as they were. Written
 * once and never changed ({@link Immutable}: Hibernate ignores any change to a loaded record); who
 * declined and who replaced them is recorded beside it, in {@link DrawReplacement}.
 */
@Entity
@Immutable
@Table(name = "sortition_draw")
class SortitionDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "drawn_at", nullable = false)
    private Instant drawnAt;

    @Column(name = "drawn_by", nullable = false, length = 100)
    private String drawnBy;

    @Column(nullable = false, length = 20)
    private String algorithm;

    @Column(name = "algorithm_version", nullable = false, length = 40)
    private String algorithmVersion;

    @Column(nullable = false)
    private long seed;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "panel_size", nullable = false)
    private int panelSize;

    @Column(name = "reserve_count", nullable = false)
    private int reserveCount;

    @Column(name = "min_probability", nullable = false)
    private double minProbability;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "quotas_csv", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String quotasCsv;

    @Column(name = "population_csv", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String populationCsv;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "distribution_csv", nullable = false, columnDefinition = "LONGTEXT")
    private String distributionCsv;

    /** Pool ids and quota-feature values as drawn (see changelog 014); null for draws recorded before. */
    @Column(name = "people_csv", columnDefinition = "LONGTEXT")
    private String peopleCsv;

    /** The published list this draw took its panel from, and the number drawn (null for a seeded draw). */
    @Column(name = "panel_list_id")
    private Long panelListId;

    @Column(name = "panel_number")
    private Integer panelNumber;

    /** M of the list, read with the record (a formula, not a column of its own). */
    @org.hibernate.annotations.Formula("(select l.panel_count from published_panel_list l where l.id = panel_list_id)")
    private Integer listPanelCount;

    @jakarta.persistence.Embedded
    private StoredCertificate certificate;

    protected SortitionDraw() {
    }

    SortitionDraw(long processId, Instant drawnAt, String drawnBy, String algorithm, String algorithmVersion,
                  long seed, String fingerprint, int panelSize, int reserveCount, double minProbability,
                  long durationMs, String quotasCsv, String populationCsv, String distributionCsv,
                  String peopleCsv, Certificate certificate) {
        this.peopleCsv = peopleCsv;
        this.processId = processId;
        // The database keeps microseconds; keep the same here so the returned record equals a reloaded one.
        this.drawnAt = drawnAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.drawnBy = drawnBy;
        this.algorithm = algorithm;
        this.algorithmVersion = algorithmVersion;
        this.seed = seed;
        this.fingerprint = fingerprint;
        this.panelSize = panelSize;
        this.reserveCount = reserveCount;
        this.minProbability = minProbability;
        this.durationMs = durationMs;
        this.quotasCsv = quotasCsv;
        this.populationCsv = populationCsv;
        this.distributionCsv = distributionCsv;
        this.certificate = StoredCertificate.of(certificate);
    }

    /** The certificate of a LEXIMIN or maximin draw; none for the others and for draws recorded before them. */
    java.util.Optional<Certificate> certificate() {
        // Hibernate leaves an embedded value whose columns are all null as null.
        return certificate == null ? java.util.Optional.empty() : certificate.certificate();
    }

    Long getId() {
        return id;
    }

    long getProcessId() {
        return processId;
    }

    String getQuotasCsv() {
        return quotasCsv;
    }

    String getPopulationCsv() {
        return populationCsv;
    }

    /** Marks a record made from a published list: only before it is first saved (the entity is immutable). */
    SortitionDraw fromList(long listId, int number, int panelCount) {
        this.panelListId = listId;
        this.panelNumber = number;
        this.listPanelCount = panelCount;
        return this;
    }

    java.util.Optional<String> peopleCsv() {
        return java.util.Optional.ofNullable(peopleCsv);
    }

    String getDistributionCsv() {
        return distributionCsv;
    }

    DrawSummary toSummary(int replacements) {
        // panel_count is the list's; a draw from a list keeps the seed column as the number drawn.
        java.util.Optional<DrawSummary.ListDraw> fromList = panelListId == null ? java.util.Optional.empty()
                : java.util.Optional.of(new DrawSummary.ListDraw(panelListId, panelNumber, listPanelCount));
        return new DrawSummary(id, processId, drawnAt, drawnBy, algorithm, algorithmVersion, seed, fingerprint, panelSize,
                reserveCount, minProbability, durationMs, replacements, certificate(), fromList);
    }
}
