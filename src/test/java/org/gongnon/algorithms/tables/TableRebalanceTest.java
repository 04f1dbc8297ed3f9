package org.gongnon.algorithms.tables;

import static org.gongnon.algorithms.tables.TableAssignerTest.assertEveryoneOnceAndBalanced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongnon.algorithms.sortition.SeededRandom;
import org.gongnon.algorithms.tables.TableAssignmentException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableRebalanceTest {

    private static final List<Participant> PANEL = Panels.panel(300, 77);
    private static final TableAssignment PLANNED =
            TableAssigner.assign(TableRequest.of(PANEL, TableSizing.targetSize(10), 5)).assignment();

    /**
     * The bound asserted: with c_t people still at open table t and new sizes q or q+1 (r tables of q+1), no
     * seating moves fewer than sum over t of max(0, c_t - size_t) when the r largest tables get q+1, plus
     * everyone at a closed table. Rebalancing must reach exactly that (it cannot go below it).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void tenPercentNoShowsAreEvenedOutWithTheFewestMoves(long seed) {
        Set<Long> absent = randomAbsentees(30, seed);
        RebalancePlan plan = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, seed));

        List<Participant> present = PANEL.stream().filter(p -> !absent.contains(p.id())).toList();
        assertEveryoneOnceAndBalanced(present, plan.assignment());
        assertEquals(30, plan.assignment().tableCount());
        assertTrue(plan.closedTables().isEmpty());
        assertEquals(fewestMoves(present, Set.of()), plan.moves().size());
        assertMovesDescribeTheChange(present, plan);
    }

    @Test
    void noShowsThatLeaveTablesBalancedMoveNobody() {
        Set<Long> absent = new HashSet<>();
        for (int t = 0; t < 30; t += 3) {
            absent.add(PLANNED.tables().get(t).get(0)); // one person from every third table: sizes 9 and 10
        }
        RebalancePlan plan = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, 1));
        assertEquals(List.of(), plan.moves());
        RebalancePlan nobodyAbsent = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, Set.of(), 1));
        assertEquals(List.of(), nobodyAbsent.moves());
        assertEquals(PLANNED, nobodyAbsent.assignment());
    }

    @Test
    void pinnedPeopleAreNeverMovedAndAPinElsewhereIsHonoured() {
        // empty table 0 of all but its pinned person, pin people at the fullest tables
        Set<Long> absent = new HashSet<>(PLANNED.tables().get(0).subList(1, 10));
        absent.addAll(PLANNED.tables().get(1).subList(0, 5));
        Map<Long, Integer> pins = new HashMap<>();
        pins.put(PLANNED.tables().get(0).get(0), 0);
        for (int t = 2; t < 30; t++) {
            pins.put(PLANNED.tables().get(t).get(0), t);
            pins.put(PLANNED.tables().get(t).get(1), t);
        }
        long elsewhere = PLANNED.tables().get(5).get(2);
        pins.put(elsewhere, 1); // pinned to another table than planned: must go there

        RebalancePlan plan = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, 3).withPins(pins));

        pins.forEach((id, table) -> assertEquals(table, plan.assignment().tableOf().get(id), "pin of " + id));
        Set<Long> movedIds = new HashSet<>();
        plan.moves().forEach(m -> movedIds.add(m.id()));
        pins.keySet().stream().filter(id -> id != elsewhere).forEach(id -> assertFalse(movedIds.contains(id)));
        assertTrue(plan.moves().contains(new TableMove(elsewhere, 5, 1)));
        List<Participant> present = PANEL.stream().filter(p -> !absent.contains(p.id())).toList();
        assertEveryoneOnceAndBalanced(present, plan.assignment());
        // the pinned person at table 5 counts where the pin puts them, plus their own forced move
        Map<Long, Integer> anchors = new HashMap<>(PLANNED.tableOf());
        anchors.put(elsewhere, 1);
        assertEquals(fewestMoves(present, anchors, Set.of()) + 1, plan.moves().size());
    }

    @Test
    void tablesCloseWhenTooFewRemainEmptiestFirst() {
        Set<Long> absent = randomAbsentees(180, 9); // 120 present: 4 per table at 30 tables
        RebalancePlan plan = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, 9)
                .withMinTableSize(5));

        List<Participant> present = PANEL.stream().filter(p -> !absent.contains(p.id())).toList();
        assertEquals(6, plan.closedTables().size(), "120 people at tables of at least 5: 24 tables");
        Map<Integer, Integer> stillThere = presentPerTable(present, PLANNED.tableOf());
        int fullestClosed = plan.closedTables().stream().mapToInt(t -> stillThere.getOrDefault(t, 0)).max().orElseThrow();
        List<Integer> open = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            if (plan.closedTables().contains(t)) {
                assertEquals(List.of(), plan.assignment().tables().get(t));
            } else {
                open.add(plan.assignment().tables().get(t).size());
                assertTrue(stillThere.getOrDefault(t, 0) >= fullestClosed, "the emptiest tables close");
            }
        }
        assertEquals(5, Collections.min(open));
        assertEquals(5, Collections.max(open));
        assertEquals(fewestMoves(present, Set.copyOf(plan.closedTables())), plan.moves().size());
        assertMovesDescribeTheChange(present, plan);
    }

    @Test
    void aTableWithAPinnedPersonStaysOpen() {
        Set<Long> absent = new HashSet<>(randomAbsentees(180, 9));
        // make table 7 the emptiest, but pin its last person there
        List<Long> table7 = PLANNED.tables().get(7);
        absent.addAll(table7.subList(1, 10));
        absent.remove(table7.get(0));
        RebalancePlan plan = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, 9)
                .withMinTableSize(5).withPins(Map.of(table7.get(0), 7)));

        assertFalse(plan.closedTables().contains(7));
        assertEquals(7, plan.assignment().tableOf().get(table7.get(0)));
        assertTrue(plan.assignment().tables().get(7).size() >= 5);
    }

    @Test
    void lateArrivalsGetASeatWithoutCountingAsMoves() {
        List<Participant> withLate = new ArrayList<>(PANEL);
        withLate.add(new Participant(1, Map.of(Panels.GENDER, "여성")));
        withLate.add(new Participant(2, Map.of(Panels.GENDER, "남성")));
        Set<Long> absent = Set.of(PLANNED.tables().get(3).get(0), PLANNED.tables().get(8).get(0));

        RebalancePlan plan = TableAssigner.rebalance(RebalanceRequest.of(withLate, PLANNED, absent, 2));

        assertEquals(List.of(), plan.moves(), "the two newcomers fill the two free seats");
        assertEquals(Set.of(3, 8), Set.of(plan.seated().get(0).to(), plan.seated().get(1).to()));
        assertEquals(TableMove.NOT_SEATED, plan.seated().get(0).from());
        assertEquals(10, plan.assignment().tables().get(3).size());
    }

    @Test
    void amongTheFewestMovesTheMoreDiverseSeatingIsChosen() {
        Set<Long> absent = randomAbsentees(30, 4);
        RebalancePlan diverse = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, 4));
        TableObjective nothing = TableObjective.DEFAULT.withDefaultFeatureWeight(0).withEncounterWeight(0);
        RebalancePlan blind = TableAssigner.rebalance(RebalanceRequest.of(PANEL, PLANNED, absent, 4)
                .withObjective(nothing));

        assertEquals(blind.moves().size(), diverse.moves().size());
        List<Participant> present = PANEL.stream().filter(p -> !absent.contains(p.id())).toList();
        double blindDiversity = TableAssigner.evaluate(present, blind.assignment(), EarlierMeetings.NONE,
                TableObjective.DEFAULT).total();
        assertTrue(diverse.score().total() < blindDiversity, diverse.score().total() + " vs " + blindDiversity);
    }

    @Test
    void impossibleRebalancingIsRefusedWithAReason() {
        Set<Long> mostAbsent = new HashSet<>(PANEL.stream().map(Participant::id).toList());
        mostAbsent.remove(PANEL.get(0).id());
        assertReason(Reason.TOO_FEW_PARTICIPANTS, RebalanceRequest.of(PANEL, PLANNED, mostAbsent, 1));

        // 12 pinned to one table while 270 at 30 tables leaves room for 9
        Set<Long> absent = randomAbsentees(30, 1);
        Map<Long, Integer> pins = new HashMap<>();
        PANEL.stream().filter(p -> !absent.contains(p.id())).limit(12).forEach(p -> pins.put(p.id(), 2));
        assertReason(Reason.PINS_OVERFILL_TABLE, RebalanceRequest.of(PANEL, PLANNED, absent, 1).withPins(pins));
        assertReason(Reason.PIN_TO_UNKNOWN_TABLE,
                RebalanceRequest.of(PANEL, PLANNED, Set.of(), 1).withPins(Map.of(PANEL.get(0).id(), 30)));

        List<Participant> missingOne = PANEL.subList(1, 300);
        assertReason(Reason.UNKNOWN_PARTICIPANT, RebalanceRequest.of(missingOne, PLANNED, Set.of(), 1));
        assertThrows(TableAssignmentException.class,
                () -> RebalanceRequest.of(PANEL, PLANNED, Set.of(), 1).withMinTableSize(-1));
    }

    private static void assertReason(Reason reason, RebalanceRequest request) {
        TableAssignmentException e = assertThrows(TableAssignmentException.class,
                () -> TableAssigner.rebalance(request));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    /** Moves list exactly the present people whose table changed, with their old and new tables. */
    private static void assertMovesDescribeTheChange(List<Participant> present, RebalancePlan plan) {
        List<TableMove> expected = new ArrayList<>();
        for (Participant p : present) {
            int before = PLANNED.tableOf().get(p.id());
            int after = plan.assignment().tableOf().get(p.id());
            if (before != after) {
                expected.add(new TableMove(p.id(), before, after));
            }
        }
        assertEquals(expected, plan.moves());
    }

    private static int fewestMoves(List<Participant> present, Set<Integer> closed) {
        return fewestMoves(present, PLANNED.tableOf(), closed);
    }

    /** The lower bound described above, from where each present person sits (or must sit). */
    private static int fewestMoves(List<Participant> present, Map<Long, Integer> anchors, Set<Integer> closed) {
        Map<Integer, Integer> there = presentPerTable(present, anchors);
        int moves = 0;
        List<Integer> counts = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            if (closed.contains(t)) {
                moves += there.getOrDefault(t, 0);
            } else {
                counts.add(there.getOrDefault(t, 0));
            }
        }
        counts.sort(Collections.reverseOrder());
        int q = present.size() / counts.size();
        int larger = present.size() % counts.size();
        for (int x = 0; x < counts.size(); x++) {
            moves += Math.max(0, counts.get(x) - (q + (x < larger ? 1 : 0)));
        }
        return moves;
    }

    private static Map<Integer, Integer> presentPerTable(List<Participant> present, Map<Long, Integer> anchors) {
        Map<Integer, Integer> there = new HashMap<>();
        present.forEach(p -> there.merge(anchors.get(p.id()), 1, Integer::sum));
        return there;
    }

    private static Set<Long> randomAbsentees(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        List<Long> ids = new ArrayList<>(PANEL.stream().map(Participant::id).toList());
        Set<Long> absent = new HashSet<>();
        while (absent.size() < count) {
            absent.add(ids.get(random.nextInt(ids.size())));
        }
        return absent;
    }
}
