package org.gongnon.scheduling;

/** A venue as edited: new when {@code id} is null. Capacity is the number of seats for citizens. */
public record VenueForm(Long id, long version, long processId, String name, String address, Integer capacity,
                        String accessibility) {
}
