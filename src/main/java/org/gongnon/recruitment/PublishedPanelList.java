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
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.gongnon.algorithms.sortition.Certificate;
import org.hibernate.annotations.Immutable;

/**
 * A uniform lottery over M panels, published before the ceremony (changelog 015): the numbered panels by pool id,
 * and what they were computed from. Written once, never changed; a draw from it records the number drawn.
 */
@Entity
@Immutable
@Table(name = "published_panel_list")
class PublishedPanelList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false, length = 100)
    private String publishedBy;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "panel_count", nullable = false)
    private int panelCount;

    @Column(name = "panel_size", nullable = false)
    private int panelSize;

    @Column(name = "reserve_count", nullable = false)
    private int reserveCount;

    @Column(name = "lottery_min_probability", nullable = false)
    private double lotteryMinProbability;

    @Column(name = "min_probability", nullable = false)
    private double minProbability;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    /** "number,members" lines: the list as published (members separated by single spaces). */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "panels_csv", nullable = false, columnDefinition = "LONGTEXT")
    private String panelsCsv;

    @Column(name = "quotas_csv", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String quotasCsv;

    @Column(name = "population_csv", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String populationCsv;

    @Column(name = "distribution_csv", nullable = false, columnDefinition = "LONGTEXT")
    private String distributionCsv;

    @Column(name = "people_csv", nullable = false, columnDefinition = "LONGTEXT")
    private String peopleCsv;

    @jakarta.persistence.Embedded
    private StoredCertificate certificate;

    protected PublishedPanelList() {
    }

    PublishedPanelList(long processId, Instant publishedAt, String publishedBy, String fingerprint, int panelCount,
                       int panelSize, int reserveCount, double lotteryMinProbability, double minProbability,
                       long durationMs, String panelsCsv, String quotasCsv, String populationCsv,
                       String distributionCsv, String peopleCsv, Certificate certificate) {
        this.processId = processId;
        this.publishedAt = publishedAt.truncatedTo(ChronoUnit.MICROS);
        this.publishedBy = publishedBy;
        this.fingerprint = fingerprint;
        this.panelCount = panelCount;
        this.panelSize = panelSize;
        this.reserveCount = reserveCount;
        this.lotteryMinProbability = lotteryMinProbability;
        this.minProbability = minProbability;
        this.durationMs = durationMs;
        this.panelsCsv = panelsCsv;
        this.quotasCsv = quotasCsv;
        this.populationCsv = populationCsv;
        this.distributionCsv = distributionCsv;
        this.peopleCsv = peopleCsv;
        this.certificate = StoredCertificate.of(certificate);
    }

    Optional<Certificate> certificate() {
        // Hibernate leaves an embedded value whose columns are all null as null.
        return certificate == null ? java.util.Optional.empty() : certificate.certificate();
    }

    Long getId() {
        return id;
    }

    long getProcessId() {
        return processId;
    }

    String getFingerprint() {
        return fingerprint;
    }

    int getPanelCount() {
        return panelCount;
    }

    int getReserveCount() {
        return reserveCount;
    }

    double getMinProbability() {
        return minProbability;
    }

    String getPanelsCsv() {
        return panelsCsv;
    }

    String getQuotasCsv() {
        return quotasCsv;
    }

    String getPopulationCsv() {
        return populationCsv;
    }

    String getDistributionCsv() {
        return distributionCsv;
    }

    String getPeopleCsv() {
        return peopleCsv;
    }

    PublishedListSummary toSummary() {
        return new PublishedListSummary(id, processId, publishedAt, publishedBy, fingerprint, panelCount, panelSize,
                reserveCount, lotteryMinProbability, minProbability, durationMs, certificate());
    }
}
