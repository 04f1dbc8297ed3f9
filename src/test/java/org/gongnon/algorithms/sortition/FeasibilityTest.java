package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeasibilityTest {

    /** n people per (gender, age) combination given as gender,age,n triples. */
    static List<Person> pool(Object... genderAgeCount) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < genderAgeCount.length; i += 3) {
            for (int n = 0; n < (Integer) genderAgeCount[i + 2]; n++) {
                people.add(new Person("p" + people.size(), Map.of("성별", (String) genderAgeCount[i],
                        "연령대", (String) genderAgeCount[i + 1])));
            }
        }
        return people;
    }

    @Test
    void quotasThePoolCanMeetAreFeasible() {
        List<Person> people = pool("여성", "70+", 5, "남성", "70+", 5, "여성", "18-29", 5, "남성", "18-29", 5);
        List<Quota> quotas = List.of(new Quota("성별", "여성", 4, 6), new Quota("성별", "남성", 4, 6),
                new Quota("연령대", "70+", 3, 7), new Quota("연령대", "18-29", 3, 7));
        assertTrue(Feasibility.check(new SelectionProblem(people, quotas, 10)).feasible());
    }

    @Test
    void aMinimumAboveWhatThePoolHoldsIsNamedWithTheSmallestRelaxation() {
        List<Person> people = pool("여성", "70+", 3, "남성", "70+", 2, "여성", "18-29", 10, "남성", "18-29", 10);
        List<Quota> quotas = List.of(new Quota("성별", "여성", 5, 5), new Quota("성별", "남성", 5, 5),
                new Quota("연령대", "70+", 7, 10), new Quota("연령대", "18-29", 0, 10));
        Feasibility.Result result = Feasibility.check(new SelectionProblem(people, quotas, 10));
        assertEquals(1, result.relaxations().size(), result.relaxations().toString());
        Feasibility.Relaxation r = result.relaxations().getFirst();
        assertEquals(new Quota("연령대", "70+", 5, 10), r.relaxed(), "lowered by exactly what is missing");
        assertEquals(5, r.poolCount());
        assertEquals("연령대=70+: pool has 5, quota needs at least 7; lower the minimum to 5", r.describe());
    }

    @Test
    void conflictingQuotasAcrossFeaturesAreRelaxedAsLittleAsPossible() {
        // Everyone old is a woman: 6 old seats force 6 women, but women may have at most 4.
        List<Person> people = pool("여성", "70+", 8, "남성", "18-29", 8);
        List<Quota> quotas = List.of(new Quota("성별", "여성", 0, 4), new Quota("성별", "남성", 0, 10),
                new Quota("연령대", "70+", 6, 10), new Quota("연령대", "18-29", 0, 10));
        Feasibility.Result result = Feasibility.check(new SelectionProblem(people, quotas, 10));
        int seatsRelaxed = result.relaxations().stream().mapToInt(r -> (r.quota().min() - r.relaxed().min())
                + (r.relaxed().max() - r.quota().max())).sum();
        assertEquals(2, seatsRelaxed, "two seats of slack resolve it: " + result.relaxations());
        assertTrue(!result.feasible());
    }
}
