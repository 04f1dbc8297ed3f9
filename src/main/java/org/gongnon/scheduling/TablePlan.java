package org.gongnon.scheduling;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A session's small-group tables: who sits at which table (and who is pinned there), and each table's facilitator. */
@Entity
@Table(name = "table_plan")
class TablePlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "table_size", nullable = false)
    private int tableSize;

    @Column(nullable = false)
    private long seed;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @ElementCollection
    @CollectionTable(name = "table_seat", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "panel_member_id")
    private Map<Long, Seat> seats = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "table_host", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "table_no")
    @Column(name = "facilitator", nullable = false, length = 100)
    private Map<Integer, String> hosts = new HashMap<>();

    protected TablePlan() {
    }

    TablePlan(long sessionId) {
        this.sessionId = sessionId;
    }

    void replaceSeats(int tableSize, long seed, Map<Long, Seat> newSeats, Instant now, String by) {
        this.tableSize = tableSize;
        this.seed = seed;
        seats.clear();
        seats.putAll(newSeats);
        hosts.keySet().removeIf(table -> newSeats.values().stream().noneMatch(s -> s.table() == table));
        touch(now, by);
    }

    void seat(long panelMemberId, int table, boolean pinned, Instant now, String by) {
        seats.put(panelMemberId, new Seat(table, pinned));
        touch(now, by);
    }

    void setHost(int table, String facilitator, Instant now, String by) {
        if (facilitator.isEmpty()) {
            hosts.remove(table);
        } else {
            hosts.put(table, facilitator);
        }
        touch(now, by);
    }

    private void touch(Instant now, String by) {
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        updatedBy = by;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    long getSessionId() {
        return sessionId;
    }

    int getTableSize() {
        return tableSize;
    }

    long getSeed() {
        return seed;
    }

    Map<Long, Seat> getSeats() {
        return Map.copyOf(seats);
    }

    Map<Integer, String> getHosts() {
        return new LinkedHashMap<>(hosts);
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    /** A citizen's place: table number (from 1) and whether a facilitator pinned them there. */
    @Embeddable
    record Seat(@Column(name = "table_no", nullable = false) int table,
                @Column(name = "pinned", nullable = false) boolean pinned) {
    }
}
