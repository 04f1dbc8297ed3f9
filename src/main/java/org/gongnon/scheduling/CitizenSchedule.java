package org.gongnon.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a citizen sees of the programme: the sessions they are invited to, their answer, and their check-in
 * code. Nothing about other citizens except, if the process allows it, the first names at their table today.
 */
public record CitizenSchedule(String displayName, String checkInCode, List<Session> sessions) {

    public CitizenSchedule {
        sessions = List.copyOf(sessions);
    }

    /** One of the citizen's sessions. {@code table} is set on the day when tables have been assigned. */
    public record Session(long sessionId, String title, String roundTitle, LocalDate date, LocalTime start,
                          LocalTime end, String venueName, String venueAddress, String accessibility, String onlineUrl,
                          String whatToBring, List<AgendaItemForm> agenda, InvitationStatus status, boolean checkedIn,
                          MyTable table) {

        public Session {
            agenda = List.copyOf(agenda);
        }
    }

    /** The citizen's table: its number, its facilitator, and tablemates' first names when shown. */
    public record MyTable(int number, String facilitator, List<String> tablemates, boolean namesShown) {

        public MyTable {
            tablemates = List.copyOf(tablemates);
        }
    }
}
