package org.gongnon.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Which draw's panel a process seated as its panel members, when and by whom. */
@Entity
@Table(name = "panel_seating")
class PanelSeating {

    @Id
    @Column(name = "process_id")
    private Long processId;

    @Column(name = "draw_id", nullable = false)
    private long drawId;

    @Column(name = "seated_at", nullable = false)
    private Instant seatedAt;

    @Column(name = "seated_by", nullable = false, length = 100)
    private String seatedBy;

    protected PanelSeating() {
    }

    PanelSeating(long processId, long drawId, Instant seatedAt, String seatedBy) {
        this.processId = processId;
        seat(drawId, seatedAt, seatedBy);
    }

    void seat(long drawId, Instant seatedAt, String seatedBy) {
        this.drawId = drawId;
        this.seatedAt = seatedAt.truncatedTo(ChronoUnit.MICROS);
        this.seatedBy = seatedBy;
    }

    long getDrawId() {
        return drawId;
    }

    SeatingRecord toRecord() {
        return new SeatingRecord(processId, drawId, seatedAt, seatedBy);
    }
}
