package org.gongnon.algorithms.tables;

import static org.gongnon.algorithms.tables.TableAssignmentException.Reason.DUPLICATE_PARTICIPANT;
import static org.gongnon.algorithms.tables.TableAssignmentException.Reason.PINS_OVERFILL_TABLE;
import static org.gongnon.algorithms.tables.TableAssignmentException.Reason.PIN_TO_UNKNOWN_PARTICIPANT;
import static org.gongnon.algorithms.tables.TableAssignmentException.Reason.PIN_TO_UNKNOWN_TABLE;
import static org.gongnon.algorithms.tables.TableAssignmentException.Reason.TOO_FEW_PARTICIPANTS;
import static org.gongnon.algorithms.tables.TableAssignmentException.Reason.UNKNOWN_PARTICIPANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.gongnon.algorithms.sortition.SeededRandom;

/**
 * Seats a session's citizens at tables (GroupSelect-style) and evens the tables out after no-shows.
 *
 * <h2>Objective (minimised)</h2>
 * <pre>
 *   total = Σ_f w_f Σ_t Σ_v [ (c[t][f][v] − n_t · s[f][v])²  +  β · out(c[t][f][v], n_t · s[f][v])² ]
 *         + λ · Σ_{pairs a, b at one table} met(a, b)
 * </pre>
 * <ul>
 *   <li>{@code c[t][f][v]}: how many people at table t have value v of feature f; {@code n_t}: the size of
 *       table t; {@code s[f][v]}: the share of value v among all people seated. People without a value for f
 *       count in n but toward no value, so the known values are spread and the unknowns follow.</li>
 *   <li>{@code w_f}: the feature weight, 1 for every feature unless set ({@link TableObjective}).</li>
 *   <li>Diversity is the squared deviation from the proportional share. {@code out(c, x)} is how far c lies
 *       outside [floor(x), ceil(x)] (0 inside), weighted by the band weight {@code β} (2 by default). The
 *       squared deviation alone barely tells a count just inside the band from one just outside (3 for a share
 *       of 2.02 costs 0.96, 1 costs 1.04), so without the band term the search regularly leaves some table with
 *       one too many of a region; with it, every count lands at the floor or ceiling of its share whenever
 *       the search finds such a seating. {@link TableScore} reports both parts.</li>
 *   <li>{@code met(a, b)}: how often a and b sat together in earlier rounds; {@code λ}: the encounter weight
 *       (1 by default: one repeated meeting costs as much as one unit of squared deviation).</li>
 * </ul>
 *
 * <h2>Method</h2>
 * Table count: from the {@link TableSizing}; sizes are {@code floor(n/T)} or {@code floor(n/T)+1}. Start:
 * pinned people at their tables; the others sorted by their values (feature by feature, ties in seeded
 * random order) and dealt round-robin onto the tables that still have room, so each stratum is spread
 * evenly. Then local search: for each movable person (seeded random order), the best swap with a movable
 * person at another table, or the best move to a table one smaller (sizes stay within one), is applied if it
 * lowers the total; the people of changed tables are looked at again, until nothing improves or the budget
 * of {@link SearchLimits#maxPasses()} rounds is spent. While a count is outside its band, a few "kicks" force
 * a swap that repairs it and search again, keeping the result unless worse ({@link SearchLimits#maxKicks()}).
 * Further starts deal with a seeded random feature order and ties; the best result is kept. Everything
 * random comes from {@link SeededRandom} (SplitMix64) and people are handled in id order, so a request always
 * gives the same plan, whatever the order of its lists. With the default limits, measured on a shared 2-core
 * machine: 25–60 ms of CPU for 300 people at 30–38 tables, 0.2–0.4 s for 1000 people at 100 tables (later
 * rounds, with earlier meetings to avoid, take the longer times; see TablesBenchmark in the tests).
 *
 * <h2>Rebalancing</h2>
 * Lexicographic: first as few people as possible change table, then the total above. The minimum is reached
 * by construction: tables keep their people up to their new size, the largest remaining tables get the
 * larger sizes, and only the surplus (plus everyone at a closed table, and pinned people not at their pinned
 * table) moves; the local search may then exchange who moves and where to, never adding a move.
 */
public final class TableAssigner {

    private TableAssigner() {
    }

    /** Seats the participants of the request; throws {@link TableAssignmentException} if it cannot be met. */
    public static TablePlan assign(TableRequest request) {
        List<Participant> people = sortedUnique(request.participants());
        int n = people.size();
        int tables = request.sizing().tablesFor(n);
        if (n / tables < 2) {
            throw new TableAssignmentException(TOO_FEW_PARTICIPANTS,
                    n + " participants cannot fill " + tables + " table(s) with at least 2 each");
        }
        Encoding e = new Encoding(people, tables, request.earlierMeetings(), request.objective());
        int[] pin = pinsOf(e, request.pins(), tables, Set.of());
        boolean[] pinned = new boolean[n];
        int[] pinnedAt = new int[tables];
        for (int i = 0; i < n; i++) {
            pinned[i] = pin[i] >= 0;
            if (pinned[i]) {
                pinnedAt[pin[i]]++;
            }
        }
        SeededRandom random = new SeededRandom(request.seed());
        int[] capacity = capacities(n, tables, pinnedAt, random);
        TableSearch best = null;
        for (int start = 0; start < request.limits().starts(); start++) {
            int[] featureOrder = IntStream.range(0, e.features.size()).toArray();
            if (start > 0) {
                TableSearch.shuffle(featureOrder, random);
            }
            int[] seating = deal(e, pin, capacity, featureOrder, random);
            TableSearch search = new TableSearch(e, seating, pinned, null);
            search.improve(request.limits().maxPasses(), random);
            if (e.bandWeight > 0) {
                search.kickOutOfBands(request.limits().maxKicks(), request.limits().maxPasses(), random);
            }
            if (best == null || search.total() < best.total() - 1e-9) {
                best = search;
            }
        }
        TableAssignment assignment = toAssignment(e, best.table, tables);
        return new TablePlan(assignment, score(best, e), profiles(people, assignment, request.earlierMeetings()),
                request.seed());
    }

    /** Evens the tables out after no-shows (and seats late arrivals), moving as few people as possible. */
    public static RebalancePlan rebalance(RebalanceRequest request) {
        TableAssignment current = request.current();
        int tables = current.tableCount();
        List<Participant> everyone = sortedUnique(request.participants());
        Set<Long> known = new HashSet<>();
        everyone.forEach(p -> known.add(p.id()));
        for (Long id : current.tableOf().keySet()) {
            if (!known.contains(id) && !request.absent().contains(id)) {
                throw new TableAssignmentException(UNKNOWN_PARTICIPANT,
                        "id " + id + " is seated but neither a participant nor absent");
            }
        }
        List<Participant> people = everyone.stream().filter(p -> !request.absent().contains(p.id())).toList();
        int n = people.size();
        if (tables < 1 || n < 2) {
            throw new TableAssignmentException(TOO_FEW_PARTICIPANTS,
                    n + " present participant(s) cannot fill " + tables + " table(s) with at least 2 each");
        }
        Encoding e = new Encoding(people, tables, request.earlierMeetings(), request.objective());
        int[] pin = pinsOf(e, request.pins(), tables, request.absent());
        int[] origin = new int[n];
        int[] anchor = new int[n];
        boolean[] pinned = new boolean[n];
        for (int i = 0; i < n; i++) {
            origin[i] = current.tableFor(e.ids[i]).orElse(TableSearch.NO_ORIGIN);
            pinned[i] = pin[i] >= 0;
            anchor[i] = pinned[i] ? pin[i] : origin[i];
        }

        // Close the emptiest tables (never one with a pin) while the smallest table would be too small.
        int[] anchored = new int[tables];
        int[] pinnedAt = new int[tables];
        for (int i = 0; i < n; i++) {
            if (anchor[i] >= 0) {
                anchored[anchor[i]]++;
            }
            if (pinned[i]) {
                pinnedAt[pin[i]]++;
            }
        }
        boolean[] closed = new boolean[tables];
        int open = tables;
        while (open > 1 && n / open < Math.max(request.minTableSize(), 2)) {
            int emptiest = -1;
            for (int t = tables - 1; t >= 0; t--) {
                if (!closed[t] && pinnedAt[t] == 0 && (emptiest < 0 || anchored[t] < anchored[emptiest])) {
                    emptiest = t;
                }
            }
            if (emptiest < 0) {
                break; // pins keep the remaining tables open
            }
            closed[emptiest] = true;
            open--;
        }
        if (n / open < 2) {
            throw new TableAssignmentException(TOO_FEW_PARTICIPANTS,
                    n + " present participants cannot fill the " + open + " table(s) that pins keep open");
        }
        for (int i = 0; i < n; i++) {
            if (anchor[i] >= 0 && closed[anchor[i]]) {
                anchored[anchor[i]]--;
                anchor[i] = TableSearch.NO_ORIGIN;
            }
        }

        // New sizes: the larger ones go to the tables that must hold more pins, then to the fullest tables.
        int q = n / open;
        int larger = n % open;
        int[] capacity = new int[tables];
        List<Integer> openTables = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            if (!closed[t]) {
                int largest = q + (larger > 0 ? 1 : 0);
                if (pinnedAt[t] > largest) {
                    throw new TableAssignmentException(PINS_OVERFILL_TABLE,
                            pinnedAt[t] + " people are pinned to table " + t + " of at most " + largest);
                }
                openTables.add(t);
            }
        }
        openTables.sort(Comparator.<Integer>comparingInt(t -> pinnedAt[t] > q ? 0 : 1)
                .thenComparing(Comparator.<Integer>comparingInt(t -> anchored[t]).reversed())
                .thenComparingInt(t -> t));
        for (int x = 0; x < openTables.size(); x++) {
            int t = openTables.get(x);
            capacity[t] = q + (x < larger ? 1 : 0);
            if (pinnedAt[t] > capacity[t]) {
                throw new TableAssignmentException(PINS_OVERFILL_TABLE,
                        "more tables have " + (q + 1) + " pinned people than " + larger + " tables of that size");
            }
        }

        SeededRandom random = new SeededRandom(request.seed());
        TableSearch best = null;
        for (int start = 0; start < request.limits().starts(); start++) {
            int[] seating = keepThenFill(e, anchor, pinned, capacity, random);
            TableSearch search = new TableSearch(e, seating, pinned, origin);
            search.improve(request.limits().maxPasses(), random);
            if (best == null || search.moves() < best.moves()
                    || (search.moves() == best.moves() && search.total() < best.total() - 1e-9)) {
                best = search;
            }
        }

        TableAssignment assignment = toAssignment(e, best.table, tables);
        List<TableMove> moves = new ArrayList<>();
        List<TableMove> seated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (origin[i] == TableSearch.NO_ORIGIN) {
                seated.add(new TableMove(e.ids[i], TableMove.NOT_SEATED, best.table[i]));
            } else if (origin[i] != best.table[i]) {
                moves.add(new TableMove(e.ids[i], origin[i], best.table[i]));
            }
        }
        List<Integer> closedTables = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            if (closed[t]) {
                closedTables.add(t);
            }
        }
        return new RebalancePlan(assignment, score(best, e), profiles(people, assignment, request.earlierMeetings()),
                moves, seated, closedTables);
    }

    /**
     * The objective parts of any assignment of these participants (e.g. one a facilitator edited by hand).
     * Shares are taken over the people seated; participants not seated are left out.
     */
    public static TableScore evaluate(List<Participant> participants, TableAssignment assignment,
            EarlierMeetings earlierMeetings, TableObjective objective) {
        List<Participant> seated = seatedPeople(participants, assignment);
        Encoding e = new Encoding(seated, assignment.tableCount(), earlierMeetings, objective);
        return score(new TableSearch(e, tablesOf(e, assignment), new boolean[e.n], null), e);
    }

    /** For each table, its value counts and proportional shares for every feature (weighted or not). */
    public static List<TableProfile> profiles(List<Participant> participants, TableAssignment assignment,
            EarlierMeetings earlierMeetings) {
        List<Participant> seated = seatedPeople(participants, assignment);
        Map<Long, Participant> byId = new HashMap<>();
        TreeMap<String, TreeMap<String, Integer>> overall = new TreeMap<>();
        for (Participant p : seated) {
            byId.put(p.id(), p);
            p.features().forEach((f, v) -> overall.computeIfAbsent(f, k -> new TreeMap<>()).merge(v, 1, Integer::sum));
        }
        int total = seated.size();
        List<TableProfile> profiles = new ArrayList<>();
        for (int t = 0; t < assignment.tableCount(); t++) {
            List<Long> ids = assignment.tables().get(t);
            Map<String, Map<String, Integer>> counts = new TreeMap<>();
            Map<String, Map<String, Double>> expected = new TreeMap<>();
            Map<String, Integer> missing = new TreeMap<>();
            for (Map.Entry<String, TreeMap<String, Integer>> feature : overall.entrySet()) {
                String f = feature.getKey();
                Map<String, Integer> c = new TreeMap<>();
                Map<String, Double> x = new TreeMap<>();
                for (Map.Entry<String, Integer> value : feature.getValue().entrySet()) {
                    c.put(value.getKey(), 0);
                    x.put(value.getKey(), ids.size() * (double) value.getValue() / total);
                }
                int unknown = 0;
                for (Long id : ids) {
                    String v = byId.get(id).value(f);
                    if (v == null) {
                        unknown++;
                    } else {
                        c.merge(v, 1, Integer::sum);
                    }
                }
                counts.put(f, Collections.unmodifiableMap(c));
                expected.put(f, Collections.unmodifiableMap(x));
                missing.put(f, unknown);
            }
            int repeats = 0;
            for (int a = 0; a < ids.size(); a++) {
                for (int b = a + 1; b < ids.size(); b++) {
                    if (earlierMeetings.count(ids.get(a), ids.get(b)) > 0) {
                        repeats++;
                    }
                }
            }
            profiles.add(new TableProfile(t, ids.size(), Collections.unmodifiableMap(counts),
                    Collections.unmodifiableMap(expected), Collections.unmodifiableMap(missing), repeats));
        }
        return profiles;
    }

    private static TableScore score(TableSearch s, Encoding e) {
        double deviation = s.deviation();
        double outside = s.outsideBand();
        int encounters = s.repeatEncounters();
        return new TableScore(deviation, outside, s.repeatPairs(), encounters,
                deviation + e.bandWeight * outside + e.encounterWeight * encounters);
    }

    private static List<Participant> sortedUnique(List<Participant> participants) {
        List<Participant> sorted = new ArrayList<>(participants);
        sorted.sort(Comparator.comparingLong(Participant::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id() == sorted.get(i - 1).id()) {
                throw new TableAssignmentException(DUPLICATE_PARTICIPANT, "id " + sorted.get(i).id() + " is listed twice");
            }
        }
        return sorted;
    }

    private static List<Participant> seatedPeople(List<Participant> participants, TableAssignment assignment) {
        List<Participant> seated = sortedUnique(participants).stream()
                .filter(p -> assignment.tableOf().containsKey(p.id())).toList();
        if (seated.size() != assignment.tableOf().size()) {
            Set<Long> known = new HashSet<>();
            seated.forEach(p -> known.add(p.id()));
            Long stranger = new TreeSet<>(assignment.tableOf().keySet()).stream()
                    .filter(id -> !known.contains(id)).findFirst().orElseThrow();
            throw new TableAssignmentException(UNKNOWN_PARTICIPANT, "id " + stranger + " is seated but not a participant");
        }
        return seated;
    }

    /** The pinned table of each person, or -1; pins of ids in {@code ignored} are dropped. */
    private static int[] pinsOf(Encoding e, Map<Long, Integer> pins, int tables, Set<Long> ignored) {
        int[] pin = new int[e.n];
        Arrays.fill(pin, -1);
        for (Map.Entry<Long, Integer> p : new TreeMap<>(pins).entrySet()) {
            if (ignored.contains(p.getKey())) {
                continue;
            }
            Integer i = e.index.get(p.getKey());
            if (i == null) {
                throw new TableAssignmentException(PIN_TO_UNKNOWN_PARTICIPANT, "pinned id " + p.getKey() + " is not a participant");
            }
            int t = p.getValue();
            if (t < 0 || t >= tables) {
                throw new TableAssignmentException(PIN_TO_UNKNOWN_TABLE,
                        "id " + p.getKey() + " is pinned to table " + t + " but the tables are 0.." + (tables - 1));
            }
            pin[i] = t;
        }
        return pin;
    }

    /**
     * The size of each table: r = n mod T tables get one more. Tables that need the larger size for their pins
     * get it first, then those with more pins, ties in seeded random order.
     */
    private static int[] capacities(int n, int tables, int[] pinnedAt, SeededRandom random) {
        int q = n / tables;
        int larger = n % tables;
        int[] order = IntStream.range(0, tables).toArray();
        TableSearch.shuffle(order, random);
        Integer[] sorted = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, Comparator.<Integer>comparingInt(t -> -pinnedAt[t])); // stable: ties keep the shuffle
        int[] capacity = new int[tables];
        for (int x = 0; x < tables; x++) {
            int t = sorted[x];
            capacity[t] = q + (x < larger ? 1 : 0);
            if (pinnedAt[t] > capacity[t]) {
                throw new TableAssignmentException(PINS_OVERFILL_TABLE, pinnedAt[t] + " people are pinned to table " + t
                        + " but with " + n + " people at " + tables + " tables only " + larger
                        + " table(s) may hold " + (q + 1) + " and the others " + q);
            }
        }
        return capacity;
    }

    /** The greedy start: pins first, then the others sorted by values and dealt round-robin. */
    private static int[] deal(Encoding e, int[] pin, int[] capacity, int[] featureOrder, SeededRandom random) {
        int tables = capacity.length;
        int[] seating = new int[e.n];
        int[] load = new int[tables];
        long[] tieBreak = new long[e.n];
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < e.n; i++) {
            tieBreak[i] = random.nextLong();
            if (pin[i] >= 0) {
                seating[i] = pin[i];
                load[pin[i]]++;
            } else {
                others.add(i);
            }
        }
        others.sort((x, y) -> {
            for (int f : featureOrder) {
                int c = Integer.compare(missingLast(e.slots[x][f]), missingLast(e.slots[y][f]));
                if (c != 0) {
                    return c;
                }
            }
            return Long.compare(tieBreak[x], tieBreak[y]);
        });
        int[] tableOrder = IntStream.range(0, tables).toArray();
        TableSearch.shuffle(tableOrder, random);
        int next = 0;
        for (int i : others) {
            while (load[tableOrder[next]] >= capacity[tableOrder[next]]) {
                next = (next + 1) % tables;
            }
            seating[i] = tableOrder[next];
            load[tableOrder[next]]++;
            next = (next + 1) % tables;
        }
        return seating;
    }

    private static int missingLast(int slot) {
        return slot < 0 ? Integer.MAX_VALUE : slot;
    }

    /**
     * The rebalancing start: everyone anchored at an open table stays up to its new size (pinned people
     * always; the others who leave an over-full table are picked at random), the rest fill the free seats.
     */
    private static int[] keepThenFill(Encoding e, int[] anchor, boolean[] pinned, int[] capacity, SeededRandom random) {
        int tables = capacity.length;
        int[] seating = new int[e.n];
        int[] load = new int[tables];
        List<List<Integer>> unpinnedAt = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            unpinnedAt.add(new ArrayList<>());
        }
        List<Integer> toSeat = new ArrayList<>();
        for (int i = 0; i < e.n; i++) {
            if (pinned[i]) {
                seating[i] = anchor[i];
                load[anchor[i]]++;
            } else if (anchor[i] >= 0) {
                unpinnedAt.get(anchor[i]).add(i);
            } else {
                toSeat.add(i);
            }
        }
        for (int t = 0; t < tables; t++) {
            int[] stay = unpinnedAt.get(t).stream().mapToInt(Integer::intValue).toArray();
            TableSearch.shuffle(stay, random);
            for (int i : stay) {
                if (load[t] < capacity[t]) {
                    seating[i] = t;
                    load[t]++;
                } else {
                    toSeat.add(i);
                }
            }
        }
        int[] seats = toSeat.stream().mapToInt(Integer::intValue).toArray();
        TableSearch.shuffle(seats, random);
        int t = 0;
        for (int i : seats) {
            while (load[t] >= capacity[t]) {
                t++;
            }
            seating[i] = t;
            load[t]++;
        }
        return seating;
    }

    private static int[] tablesOf(Encoding e, TableAssignment assignment) {
        int[] seating = new int[e.n];
        for (int i = 0; i < e.n; i++) {
            seating[i] = assignment.tableOf().get(e.ids[i]);
        }
        return seating;
    }

    private static TableAssignment toAssignment(Encoding e, int[] seating, int tables) {
        List<List<Long>> lists = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < e.n; i++) {
            lists.get(seating[i]).add(e.ids[i]); // ids ascending: e.ids is sorted
        }
        return TableAssignment.of(lists);
    }
}
