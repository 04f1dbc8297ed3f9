package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellStratifiedSamplingTest {

    static final List<String> FEATURES = List.of("권역", "성별");

    static List<Person> pool(int perCell) {
        List<Person> people = new ArrayList<>();
        for (String region : List.of("도심권", "동북권")) {
            for (String gender : List.of("여성", "남성")) {
                for (int i = 0; i < perCell; i++) {
                    people.add(new Person(region + gender + i, Map.of("권역", region, "성별", gender)));
                }
            }
        }
        return people;
    }

    static Map<List<String>, Double> shares() {
        Map<List<String>, Double> shares = new LinkedHashMap<>();
        shares.put(List.of("도심권", "여성"), 0.05);
        shares.put(List.of("도심권", "남성"), 0.05);
        shares.put(List.of("동북권", "여성"), 0.46);
        shares.put(List.of("동북권", "남성"), 0.44);
        return shares;
    }

    @Test
    void seatsAreProportionalToThePopulationCells() {
        Map<List<String>, Integer> seats = CellStratifiedSampling.allocate(shares(), 20);
        assertEquals(Map.of(List.of("도심권", "여성"), 1, List.of("도심권", "남성"), 1,
                List.of("동북권", "여성"), 9, List.of("동북권", "남성"), 9), seats);
    }

    @Test
    void eachCellGetsExactlyItsSeatsAndTheSeedDecides() {
        Map<List<String>, Integer> seats = CellStratifiedSampling.allocate(shares(), 20);
        List<Person> pool = pool(12);
        List<Person> panel = CellStratifiedSampling.draw(pool, FEATURES, seats, 7);
        assertEquals(20, panel.size());
        assertEquals(9, panel.stream().filter(p -> p.value("권역").equals("동북권") && p.value("성별").equals("여성")).count());
        assertEquals(panel, CellStratifiedSampling.draw(pool, FEATURES, seats, 7), "same seed, same panel");
        long distinct = java.util.stream.LongStream.range(0, 30)
                .mapToObj(seed -> CellStratifiedSampling.draw(pool, FEATURES, seats, seed)).distinct().count();
        assertTrue(distinct > 1, "other seeds draw other panels");
    }

    @Test
    void aCellThePoolCannotFillIsNamed() {
        Map<List<String>, Integer> seats = CellStratifiedSampling.allocate(shares(), 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellStratifiedSampling.draw(pool(5), FEATURES, seats, 1));
        assertTrue(e.getMessage().contains("동북권 여성: pool has 5, the cell needs 9"), e.getMessage());
    }
}
