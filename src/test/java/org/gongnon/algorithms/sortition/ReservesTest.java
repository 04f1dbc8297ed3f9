package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReservesTest {

    /** Strata a (10 people), b (10) and c (5), in that order. */
    static FeatureTypes strata() {
        List<Person> pool = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            pool.add(new Person(String.format("a%02d", i), Map.of("x", "a")));
        }
        for (int i = 1; i <= 10; i++) {
            pool.add(new Person(String.format("b%02d", i), Map.of("x", "b")));
        }
        for (int i = 1; i <= 5; i++) {
            pool.add(new Person("c" + i, Map.of("x", "c")));
        }
        return FeatureTypes.of(new SelectionProblem(pool, List.of(new Quota("x", "a", 0, 10),
                new Quota("x", "b", 0, 10), new Quota("x", "c", 0, 5)), 8));
    }

    static final List<String> PANEL = List.of("a01", "a02", "a03", "a04", "a05", "a06", "b01", "b02");

    private static String strataOf(List<Person> reserves) {
        return String.join("", reserves.stream().map(p -> p.value("x")).toList());
    }

    @Test
    void reservesFollowThePanelsMakeUpBySainteLague() {
        // Panel: 6 a, 2 b, 0 c; a has 4 left. a: 6/1, then 6/3 ties b's 2/1 (earlier stratum wins), then b 2/1
        // beats a 6/5, a 6/7 beats b 2/3, a's queue is empty, and b fills the rest.
        List<Person> reserves = Reserves.order(strata(), PANEL, new SeededRandom(3), 8);
        assertEquals("aabaabbb", strataOf(reserves));
    }

    @Test
    void strataWithoutSeatsComeLastAndThePoolRunsOut() {
        List<Person> reserves = Reserves.order(strata(), PANEL, new SeededRandom(3), 100);
        assertEquals(17, reserves.size(), "everyone not on the panel, once");
        assertEquals(17, new HashSet<>(reserves).size());
        assertTrue(reserves.stream().noneMatch(p -> PANEL.contains(p.id())));
        assertEquals("ccccc", strataOf(reserves.subList(12, 17)));
    }

    @Test
    void theSeedDecidesTheOrderWithinEachStratumReproducibly() {
        List<Person> once = Reserves.order(strata(), PANEL, new SeededRandom(11), 8);
        assertEquals(once, Reserves.order(strata(), PANEL, new SeededRandom(11), 8));
        long orders = LongStream.range(0, 30)
                .mapToObj(seed -> Reserves.order(strata(), PANEL, new SeededRandom(seed), 8)).distinct().count();
        assertTrue(orders > 10, "other seeds, other orders: " + orders);
    }
}
