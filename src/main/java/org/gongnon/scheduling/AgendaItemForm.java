package org.gongnon.scheduling;

import java.time.LocalTime;

/** One timed item of a session's agenda, with its speakers or facilitators ({@code people}). */
public record AgendaItemForm(LocalTime start, LocalTime end, AgendaKind kind, String title, String people) {
}
