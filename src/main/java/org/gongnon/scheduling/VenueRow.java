package org.gongnon.scheduling;

/** A venue in the programme, and how many sessions use it. */
public record VenueRow(long id, long version, String name, String address, int capacity, String accessibility,
                       int sessionCount) {

    public VenueForm toForm(long processId) {
        return new VenueForm(id, version, processId, name, address, capacity, accessibility);
    }
}
