package org.gongnon.algorithms.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.algorithms.sortition.SeededRandom;

/** Synthetic attendee lists for the table tests and the benchmark, drawn with a seeded generator. */
final class Panels {

    static final String REGION = "권역";
    static final String GENDER = "성별";
    static final String AGE = "연령대";
    static final String OPINION = "사전의견";

    static final String[] REGIONS = {"수도권", "충청권", "호남권", "영남권", "강원제주"};
    static final String[] GENDERS = {"여성", "남성"};
    static final String[] AGES = {"18-29", "30대", "40대", "50대", "60대", "70+"};
    static final String[] OPINIONS = {"찬성", "반대", "유보"};

    private Panels() {
    }

    /**
     * n people with ids 1000.. and four features: region (uneven shares, like population), gender (about
     * half), age band, and an opinion that leans with age (older more often against) so the features are not
     * independent.
     */
    static List<Participant> panel(int n, long seed) {
        SeededRandom random = new SeededRandom(seed);
        double[] regionShares = {0.40, 0.20, 0.15, 0.15, 0.10};
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int age = random.nextInt(AGES.length);
            double against = 0.2 + 0.08 * age;
            double u = random.nextDouble();
            String opinion = u < against ? OPINIONS[1] : u < against + 0.35 ? OPINIONS[0] : OPINIONS[2];
            Map<String, String> features = new HashMap<>();
            features.put(REGION, REGIONS[pick(regionShares, random.nextDouble())]);
            features.put(GENDER, GENDERS[random.nextInt(2)]);
            features.put(AGE, AGES[age]);
            features.put(OPINION, opinion);
            people.add(new Participant(1000 + i, features));
        }
        return people;
    }

    private static int pick(double[] shares, double u) {
        double sum = 0;
        for (int k = 0; k < shares.length; k++) {
            sum += shares[k];
            if (u < sum) {
                return k;
            }
        }
        return shares.length - 1;
    }

    /** A random seating with the given table sizes (Fisher-Yates with SplitMix64), as a baseline. */
    static TableAssignment randomSeating(List<Participant> people, List<Integer> sizes, long seed) {
        SeededRandom random = new SeededRandom(seed);
        List<Long> ids = new ArrayList<>(people.stream().map(Participant::id).toList());
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        List<List<Long>> tables = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            tables.add(new ArrayList<>(ids.subList(next, next + size)));
            next += size;
        }
        return TableAssignment.of(tables);
    }
}
