package org.gongnon.scheduling;

/** A round in the programme list. */
public record RoundRow(long id, long version, String title, RoundKind kind, int position, int sessionCount) {

    public RoundForm toForm(long processId) {
        return new RoundForm(id, version, processId, title, kind);
    }
}
