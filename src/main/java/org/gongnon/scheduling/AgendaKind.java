package org.gongnon.scheduling;

/** What happens in an agenda item; small-group discussions are where tables are used. */
public enum AgendaKind {
    PRESENTATION,
    QA,
    SMALL_GROUP,
    PLENARY,
    SURVEY,
    BREAK,
    OTHER;

    public String messageKey() {
        return "scheduling.agenda-kind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
