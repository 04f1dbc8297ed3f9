package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionProblemTest {

    static final String QUOTAS = """
            category,feature,min,max
            gender,female,1,2
            gender,male,1,2
            age,young,1,3
            age,old,0,2
            """;
    static final String PEOPLE = """
            gender,age
            female,young
            male,old
            female,young
            male,young
            "female",old
            """;

    @Test
    void sortitionFoundationFilesAreReadWithRowNumbersAsIds() throws Exception {
        List<Quota> quotas = SortitionFiles.readQuotas(new StringReader(QUOTAS));
        assertEquals(new Quota("gender", "female", 1, 2), quotas.getFirst());
        List<Person> people = SortitionFiles.readPeople(new StringReader(PEOPLE));
        assertEquals(5, people.size());
        assertEquals("1", people.getFirst().id());
        assertEquals("old", people.get(4).value("age"));
        assertEquals("female", people.get(4).value("gender"), "quotes are removed");
    }

    @Test
    void anIdColumnIsUsedAndTheFeatureValueHeaderIsAccepted() throws Exception {
        List<Person> people = SortitionFiles.readPeople(new StringReader("id,region\nP-7,도심권\nP-9,\"동북권\"\n"));
        assertEquals("P-7", people.getFirst().id());
        assertEquals(Map.of("region", "동북권"), people.get(1).features());
        List<Quota> quotas = SortitionFiles.readQuotas(new StringReader("feature,value,min,max\nregion,도심권,0,1\n"));
        assertEquals("region", quotas.getFirst().feature());
    }

    @Test
    void badFilesAreRefusedWithTheLine() {
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> SortitionFiles.readQuotas(new StringReader("a,b\n")));
        assertTrue(header.getMessage().contains("feature,value,min,max"));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> SortitionFiles.readQuotas(new StringReader("feature,value,min,max\ngender,male,x,2\n")));
        assertTrue(number.getMessage().contains("line 2"), number.getMessage());
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> SortitionFiles.readPeople(new StringReader("gender,age\nfemale\n")));
        assertTrue(columns.getMessage().contains("line 2"), columns.getMessage());
    }

    @Test
    void theProblemRefusesPeopleItCouldNeverPlace() throws Exception {
        List<Quota> quotas = SortitionFiles.readQuotas(new StringReader(QUOTAS));
        List<Person> people = SortitionFiles.readPeople(new StringReader(PEOPLE));
        assertEquals(List.of("gender", "age"), new SelectionProblem(people, quotas, 3).features());
        List<Person> unknown = List.of(new Person("x", Map.of("gender", "other", "age", "young")));
        assertThrows(IllegalArgumentException.class, () -> new SelectionProblem(unknown, quotas, 1));
        List<Person> missing = List.of(new Person("y", Map.of("gender", "male")));
        assertThrows(IllegalArgumentException.class, () -> new SelectionProblem(missing, quotas, 1));
        assertThrows(IllegalArgumentException.class, () -> new SelectionProblem(people, quotas, 6), "panel > pool");
        List<Person> twice = List.of(people.get(0), new Person("1", Map.of("gender", "male", "age", "old")));
        assertThrows(IllegalArgumentException.class, () -> new SelectionProblem(twice, quotas, 1));
    }

    @Test
    void interchangeablePeopleFormOneType() throws Exception {
        SelectionProblem problem = new SelectionProblem(SortitionFiles.readPeople(new StringReader(PEOPLE)),
                SortitionFiles.readQuotas(new StringReader(QUOTAS)), 3);
        FeatureTypes types = FeatureTypes.of(problem);
        assertEquals(4, types.types().size(), "female/young appears twice");
        FeatureTypes.Type femaleYoung = types.types().getFirst();
        assertEquals(List.of("female", "young"), femaleYoung.values());
        assertEquals(List.of("1", "3"), femaleYoung.members().stream().map(Person::id).toList());
        assertTrue(types.counts(femaleYoung, new Quota("gender", "female", 1, 2)));
        assertTrue(!types.counts(femaleYoung, new Quota("age", "old", 0, 2)));
    }
}
