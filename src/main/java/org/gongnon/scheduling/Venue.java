package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "venue")
class Venue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 300)
    private String address;

    @Column(nullable = false)
    private int capacity;

    @Column(length = 500)
    private String accessibility;

    protected Venue() {
    }

    Venue(long processId) {
        this.processId = processId;
    }

    void apply(String name, String address, int capacity, String accessibility) {
        this.name = name;
        this.address = address;
        this.capacity = capacity;
        this.accessibility = accessibility.isEmpty() ? null : accessibility;
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

    String getName() {
        return name;
    }

    String getAddress() {
        return address;
    }

    int getCapacity() {
        return capacity;
    }

    String getAccessibility() {
        return accessibility;
    }

    VenueRow toRow(int sessionCount) {
        return new VenueRow(id, version, name, address, capacity, accessibility, sessionCount);
    }
}
