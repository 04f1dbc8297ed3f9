package org.gongnon.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A process's panel size, quota tolerance and number of reserves. */
@Entity
@Table(name = "recruitment_plan")
class RecruitmentPlan {

    @Id
    @Column(name = "process_id")
    private Long processId;

    @Version
    private long version;

    @Column(name = "panel_size", nullable = false)
    private int panelSize;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "tolerance_mode", nullable = false, length = 10)
    private ToleranceMode toleranceMode;

    @Column(nullable = false, precision = 7, scale = 2)
    private BigDecimal tolerance;

    @Column(name = "reserve_count", nullable = false)
    private int reserveCount;

    @Column(name = "shares_source", length = 500)
    private String sharesSource;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RecruitmentPlan() {
    }

    RecruitmentPlan(long processId) {
        this.processId = processId;
    }

    void update(int panelSize, ToleranceMode toleranceMode, double tolerance, int reserveCount, String sharesSource,
                Instant now) {
        this.panelSize = panelSize;
        this.toleranceMode = toleranceMode;
        this.tolerance = BigDecimal.valueOf(tolerance).setScale(2, java.math.RoundingMode.HALF_UP);
        this.reserveCount = reserveCount;
        this.sharesSource = sharesSource;
        this.updatedAt = now;
    }

    long getProcessId() {
        return processId;
    }

    long getVersion() {
        return version;
    }

    int getPanelSize() {
        return panelSize;
    }

    ToleranceMode getToleranceMode() {
        return toleranceMode;
    }

    double getTolerance() {
        return tolerance.doubleValue();
    }

    int getReserveCount() {
        return reserveCount;
    }

    String getSharesSource() {
        return sharesSource;
    }
}
