package org.gongnon.algorithms.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Who already sat together in earlier rounds, and how often: an unordered pair of ids with a count.
 * Immutable; build it from past rounds with {@link #fromRounds} (or {@link #fromAssignments}) and combine
 * with {@link #plus}.
 */
public final class EarlierMeetings {

    /** No earlier rounds. */
    public static final EarlierMeetings NONE = new EarlierMeetings(Map.of());

    /** Two people who met {@code count} times; {@code first < second}. */
    public record Meeting(long first, long second, int count) {
        public Meeting {
            if (first == second) {
                throw new IllegalArgumentException("a person does not meet themself: " + first);
            }
            if (count < 1) {
                throw new IllegalArgumentException("a meeting is counted at least once, got " + count);
            }
            if (first > second) {
                long t = first;
                first = second;
                second = t;
            }
        }
    }

    private record Pair(long first, long second) {
        static Pair of(long a, long b) {
            return a < b ? new Pair(a, b) : new Pair(b, a);
        }
    }

    private final Map<Pair, Integer> counts;

    private EarlierMeetings(Map<Pair, Integer> counts) {
        this.counts = counts;
    }

    /** From explicit meetings; the counts of a pair listed twice add up. */
    public static EarlierMeetings of(Collection<Meeting> meetings) {
        Map<Pair, Integer> counts = new HashMap<>();
        for (Meeting m : meetings) {
            counts.merge(new Pair(m.first(), m.second()), m.count(), Integer::sum);
        }
        return new EarlierMeetings(Collections.unmodifiableMap(counts));
    }

    /** The meetings of one earlier round: every two people at the same table met once. */
    public static EarlierMeetings fromRound(List<? extends Collection<Long>> tables) {
        return fromRounds(List.of(tables));
    }

    /** The meetings of several earlier rounds, each a list of tables (a table being the ids seated there). */
    public static EarlierMeetings fromRounds(List<? extends List<? extends Collection<Long>>> rounds) {
        Map<Pair, Integer> counts = new HashMap<>();
        for (List<? extends Collection<Long>> round : rounds) {
            for (Collection<Long> table : round) {
                List<Long> ids = List.copyOf(new LinkedHashSet<>(table));
                for (int i = 0; i < ids.size(); i++) {
                    for (int j = i + 1; j < ids.size(); j++) {
                        counts.merge(Pair.of(ids.get(i), ids.get(j)), 1, Integer::sum);
                    }
                }
            }
        }
        return new EarlierMeetings(Collections.unmodifiableMap(counts));
    }

    /** The meetings of earlier assignments (e.g. the plans of earlier rounds). */
    public static EarlierMeetings fromAssignments(List<TableAssignment> assignments) {
        return fromRounds(assignments.stream().map(TableAssignment::tables).toList());
    }

    /** Both sets of meetings; the counts of a pair in both add up. */
    public EarlierMeetings plus(EarlierMeetings other) {
        Map<Pair, Integer> merged = new HashMap<>(counts);
        other.counts.forEach((pair, count) -> merged.merge(pair, count, Integer::sum));
        return new EarlierMeetings(Collections.unmodifiableMap(merged));
    }

    /** How often a and b met (0 if never). */
    public int count(long a, long b) {
        return a == b ? 0 : counts.getOrDefault(Pair.of(a, b), 0);
    }

    /** Every pair that met, ordered by ids. */
    public List<Meeting> meetings() {
        List<Meeting> list = new ArrayList<>(counts.size());
        counts.forEach((pair, count) -> list.add(new Meeting(pair.first(), pair.second(), count)));
        list.sort((x, y) -> x.first() != y.first() ? Long.compare(x.first(), y.first())
                : Long.compare(x.second(), y.second()));
        return list;
    }

    /** How many distinct pairs met. */
    public int pairCount() {
        return counts.size();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EarlierMeetings other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "EarlierMeetings[" + counts.size() + " pairs]";
    }
}
