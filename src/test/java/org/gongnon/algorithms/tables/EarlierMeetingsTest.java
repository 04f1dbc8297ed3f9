package org.gongnon.algorithms.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongnon.algorithms.tables.EarlierMeetings.Meeting;
import org.junit.jupiter.api.Test;

class EarlierMeetingsTest {

    @Test
    void everyTwoPeopleAtATableMetOnce() {
        EarlierMeetings round = EarlierMeetings.fromRound(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L)));

        assertEquals(4, round.pairCount(), "3 pairs at the first table, 1 at the second");
        assertEquals(1, round.count(1, 2));
        assertEquals(1, round.count(3, 1), "pairs are unordered");
        assertEquals(0, round.count(1, 4));
        assertEquals(0, round.count(1, 1));
        assertEquals(List.of(new Meeting(1, 2, 1), new Meeting(1, 3, 1), new Meeting(2, 3, 1), new Meeting(4, 5, 1)),
                round.meetings());
    }

    @Test
    void roundsAddUp() {
        List<List<Long>> first = List.of(List.of(1L, 2L), List.of(3L, 4L));
        List<List<Long>> second = List.of(List.of(1L, 2L, 3L), List.of(4L));
        EarlierMeetings both = EarlierMeetings.fromRounds(List.of(first, second));

        assertEquals(2, both.count(1, 2));
        assertEquals(1, both.count(3, 4));
        assertEquals(1, both.count(2, 3));
        assertEquals(both, EarlierMeetings.fromRound(first).plus(EarlierMeetings.fromRound(second)));
        assertEquals(both, EarlierMeetings.fromAssignments(List.of(TableAssignment.of(first), TableAssignment.of(second))));
        assertEquals(both, EarlierMeetings.of(List.of(new Meeting(2, 1, 1), new Meeting(1, 2, 1), new Meeting(3, 4, 1),
                new Meeting(1, 3, 1), new Meeting(2, 3, 1))));
        assertTrue(EarlierMeetings.NONE.isEmpty());
    }

    @Test
    void aMeetingNeedsTwoPeopleAndACount() {
        assertThrows(IllegalArgumentException.class, () -> new Meeting(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Meeting(1, 2, 0));
        assertEquals(new Meeting(1, 2, 3), new Meeting(2, 1, 3));
    }
}
