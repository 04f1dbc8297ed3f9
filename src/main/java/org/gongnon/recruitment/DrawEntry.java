package org.gongnon.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A pool member's part in a draw: their exact selection probability, and whether they were drawn or reserved. */
@Entity
@Immutable
@Table(name = "draw_entry")
class DrawEntry {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private double probability;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private DrawOutcome outcome;

    /** Order within the panel or the reserves; null for the rest of the pool. */
    @Column
    private Integer position;

    protected DrawEntry() {
    }

    DrawEntry(long drawId, long poolMemberId, double probability, DrawOutcome outcome, Integer position) {
        this.key = new Key(drawId, poolMemberId);
        this.probability = probability;
        this.outcome = outcome;
        this.position = position;
    }

    long getPoolMemberId() {
        return key.poolMemberId;
    }

    double getProbability() {
        return probability;
    }

    DrawOutcome getOutcome() {
        return outcome;
    }

    Integer getPosition() {
        return position;
    }

    @Embeddable
    record Key(@Column(name = "draw_id") long drawId, @Column(name = "pool_member_id") long poolMemberId)
            implements Serializable {
    }
}
