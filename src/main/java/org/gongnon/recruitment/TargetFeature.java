package org.gongnon.recruitment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A feature the panel must mirror (e.g. 권역), with its values' population shares and any adjusted quotas. */
@Entity
@Table(name = "recruitment_feature")
class TargetFeature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 50)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    private FeatureDerivation derivation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recruitment_feature_value", joinColumns = @JoinColumn(name = "feature_id"))
    @OrderColumn(name = "position")
    private List<Value> values = new ArrayList<>();

    protected TargetFeature() {
    }

    TargetFeature(long processId, int position, FeatureTarget target) {
        this.processId = processId;
        this.position = position;
        this.name = target.feature();
        this.derivation = target.derivation();
        for (ValueTarget v : target.values()) {
            values.add(new Value(v.value(), BigDecimal.valueOf(v.populationShare()), v.quotaMin(), v.quotaMax()));
        }
    }

    FeatureTarget toTarget() {
        return new FeatureTarget(name, derivation, values.stream()
                .map(v -> new ValueTarget(v.label, v.share.doubleValue(), v.quotaMin, v.quotaMax)).toList());
    }

    int getPosition() {
        return position;
    }

    @Embeddable
    static class Value {

        @Column(name = "value_label", nullable = false, length = 50)
        private String label;

        @Column(name = "population_share", nullable = false, precision = 9, scale = 6)
        private BigDecimal share;

        @Column(name = "quota_min")
        private Integer quotaMin;

        @Column(name = "quota_max")
        private Integer quotaMax;

        protected Value() {
        }

        Value(String label, BigDecimal share, Integer quotaMin, Integer quotaMax) {
            this.label = label;
            this.share = share.setScale(6, java.math.RoundingMode.HALF_UP);
            this.quotaMin = quotaMin;
            this.quotaMax = quotaMax;
        }
    }
}
