package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalTime;

@Entity
@Table(name = "agenda_item")
class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id")
    private DeliberationSession session;

    @Column(nullable = false)
    private int position;

    @Column(name = "starts_at", nullable = false)
    private LocalTime start;

    @Column(name = "ends_at", nullable = false)
    private LocalTime end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AgendaKind kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 300)
    private String people;

    protected AgendaItem() {
    }

    AgendaItem(DeliberationSession session, int position, AgendaItemForm form) {
        this.session = session;
        this.position = position;
        this.start = form.start();
        this.end = form.end();
        this.kind = form.kind();
        this.title = form.title();
        this.people = form.people() == null || form.people().isEmpty() ? null : form.people();
    }

    AgendaItemForm toForm() {
        return new AgendaItemForm(start, end, kind, title, people == null ? "" : people);
    }
}
