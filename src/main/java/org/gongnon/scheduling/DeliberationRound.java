package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "deliberation_round")
class DeliberationRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(nullable = false, length = 100)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RoundKind kind;

    @Column(nullable = false)
    private int position;

    protected DeliberationRound() {
    }

    DeliberationRound(long processId, int position) {
        this.processId = processId;
        this.position = position;
    }

    void apply(String title, RoundKind kind) {
        this.title = title;
        this.kind = kind;
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

    String getTitle() {
        return title;
    }

    RoundKind getKind() {
        return kind;
    }

    int getPosition() {
        return position;
    }

    RoundRow toRow(int sessionCount) {
        return new RoundRow(id, version, title, kind, position, sessionCount);
    }
}
