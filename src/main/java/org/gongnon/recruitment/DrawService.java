package org.gongnon.recruitment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongnon.algorithms.sortition.Certificate;
import org.gongnon.algorithms.sortition.Feasibility;
import org.gongnon.algorithms.sortition.InfeasibleQuotasException;
import org.gongnon.algorithms.sortition.InputsFingerprint;
import org.gongnon.algorithms.sortition.Lottery;
import org.gongnon.algorithms.sortition.Person;
import org.gongnon.algorithms.sortition.Quota;
import org.gongnon.algorithms.sortition.Replacement;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.gongnon.algorithms.sortition.SortitionFiles;
import org.gongnon.algorithms.sortition.SortitionResult;
import org.gongnon.algorithms.sortition.SortitionRun;
import org.gongnon.algorithms.stats.FeatureComparison;
import org.gongnon.algorithms.stats.Group;
import org.gongnon.algorithms.stats.Representativeness;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draws the panel: checks the quotas against the pool, shows the inputs' fingerprint, runs the chosen
 * algorithm (outside any transaction: LEXIMIN may take seconds), stores an immutable record, and later
 * proposes and records replacements from the reserves.
 */
@Service
public class DrawService {

    private static final Logger log = LoggerFactory.getLogger(DrawService.class);

    private final SortitionDrawRepository draws;
    private final DrawEntryRepository entries;
    private final DrawReplacementRepository replacements;
    private final PoolMemberRepository pool;
    private final TargetsService targets;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final PersonalDataAccessLog accessLog;
    private final PublishedPanelListRepository panelLists;

    DrawService(SortitionDrawRepository draws, DrawEntryRepository entries, DrawReplacementRepository replacements,
                PoolMemberRepository pool, TargetsService targets, ProcessAccess access, CurrentUser currentUser,
                JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, PersonalDataAccessLog accessLog,
                org.springframework.context.ApplicationEventPublisher events, PublishedPanelListRepository panelLists) {
        this.panelLists = panelLists;
        this.events = events;
        this.draws = draws;
        this.entries = entries;
        this.replacements = replacements;
        this.pool = pool;
        this.targets = targets;
        this.access = access;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /** The inputs, their fingerprint and the feasibility check, shown before the draw. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public DrawPreparation prepare(long processId, DrawAlgorithm algorithm) {
        access.requireEdit(processId);
        return preparation(inputs(processId), algorithm.name(), algorithm.version());
    }

    /** The preparation of any draw: {@code version} is what the fingerprint names as the algorithm. */
    static DrawPreparation preparation(Inputs inputs, String algorithmName, String version) {
        Feasibility.Result feasibility = Feasibility.check(inputs.problem());
        List<QuotaConflict> conflicts = feasibility.relaxations().stream()
                .map(r -> new QuotaConflict(r.quota().feature(), r.quota().value(), r.quota().min(), r.quota().max(),
                        r.poolCount(), r.relaxed().min(), r.relaxed().max()))
                .toList();
        return new DrawPreparation(algorithmName, version, inputs.problem().pool().size(),
                inputs.targets().panelSize(), inputs.targets().reserveCount(), inputs.quotaRows(),
                InputsFingerprint.of(inputs.problem(), version, inputs.targets().reserveCount()), conflicts);
    }

    /**
     * Runs the draw and stores its record. The fingerprint shown to the facilitator (and witnesses) must
     * still match the inputs, so nothing changed between the announcement and the draw.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public DrawSummary draw(long processId, DrawAlgorithm algorithm, long seed, String announcedFingerprint) {
        access.requireEdit(processId);
        Inputs inputs = readOnly.execute(status -> inputs(processId));
        long started = System.nanoTime();
        SortitionResult result;
        try {
            result = SortitionRun.run(inputs.problem(), algorithm.algorithm(), seed, inputs.targets().reserveCount());
        } catch (InfeasibleQuotasException e) {
            throw new UserFacingException("recruitment.draw.infeasible-short");
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("Draw for process {} with {} failed", processId, algorithm, e);
            throw new UserFacingException("recruitment.draw.failed", algorithm.messageKey());
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        if (!result.fingerprint().equals(announcedFingerprint)) {
            throw new UserFacingException("recruitment.draw.inputs-changed");
        }
        String by = currentUser.actorName();
        return readWrite.execute(status -> {
            // The pool and the targets may have changed while the solver ran: check again inside the write.
            Inputs now = inputs(processId);
            if (!InputsFingerprint.of(now.problem(), algorithm.version(), now.targets().reserveCount())
                    .equals(result.fingerprint())) {
                throw new UserFacingException("recruitment.draw.inputs-changed");
            }
            SortitionDraw record = draws.saveAndFlush(new SortitionDraw(processId, clock.instant(), by,
                    algorithm.name(), algorithm.version(), seed, result.fingerprint(), inputs.targets().panelSize(),
                    inputs.targets().reserveCount(), result.minimumProbability(), durationMs,
                    quotasCsv(inputs.problem().quotas()), populationCsv(inputs.targets()),
                    distributionCsv(result.lottery()), peopleCsv(inputs.problem()), result.lottery().certificate()));
            writeEntries(record.getId(), result.probabilities(), result.panel(), result.reserves());
            return record.toSummary(0);
        });
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<DrawSummary> history(long processId) {
        access.requireEdit(processId);
        return draws.findByProcessIdOrderByIdDesc(processId).stream()
                .map(d -> d.toSummary((int) replacements.countByDrawId(d.getId()))).toList();
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public DrawDetails details(long drawId) {
        SortitionDraw draw = loadForEdit(drawId);
        Map<Long, PoolMemberRow> members = new HashMap<>();
        pool.findByProcessIdOrderBySourceRowAsc(draw.getProcessId()).forEach(m -> members.put(m.getId(), m.toRow()));
        List<DrawReplacement> made = replacements.findByDrawIdOrderByIdAsc(drawId);
        Set<Long> declined = new HashSet<>();
        Set<Long> brought = new HashSet<>();
        for (DrawReplacement r : made) {
            declined.add(r.getDeclinedMemberId());
            if (r.getReplacementMemberId() != null) {
                brought.add(r.getReplacementMemberId());
            }
        }
        List<DrawDetails.Selection> selections = new ArrayList<>();
        for (DrawEntry e : entries.findByDrawId(drawId)) {
            long id = e.getPoolMemberId();
            DrawDetails.SeatStatus status = switch (e.getOutcome()) {
                case PANEL -> declined.contains(id) ? DrawDetails.SeatStatus.DECLINED : DrawDetails.SeatStatus.SEATED;
                case RESERVE -> declined.contains(id) ? DrawDetails.SeatStatus.DECLINED
                        : brought.contains(id) ? DrawDetails.SeatStatus.REPLACEMENT : DrawDetails.SeatStatus.WAITING;
                case POOL -> DrawDetails.SeatStatus.NOT_DRAWN;
            };
            selections.add(new DrawDetails.Selection(members.get(id), e.getProbability(), e.getOutcome(),
                    e.getPosition(), status));
        }
        selections.sort(java.util.Comparator.comparingInt(s -> s.member().sourceRow()));
        List<DrawDetails.ReplacementRecord> records = made.stream().map(r -> new DrawDetails.ReplacementRecord(
                members.get(r.getDeclinedMemberId()), Optional.ofNullable(r.getReplacementMemberId()).map(members::get),
                r.isSameStratum(), r.getReason(), r.getRecordedAt(), r.getRecordedBy())).toList();
        List<Quota> quotas = readQuotas(draw.getQuotasCsv());
        List<String> features = quotas.stream().map(Quota::feature).distinct().toList();
        return new DrawDetails(draw.toSummary(made.size()), quotaRows(quotas, selections), selections, records,
                features);
    }

    /** What the app proposes when this panel member leaves; nothing is recorded yet. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public ReplacementProposal proposeReplacement(long drawId, long leavingMemberId) {
        SortitionDraw draw = loadForEdit(drawId);
        return propose(draw, details(drawId), leavingMemberId);
    }

    /**
     * Records that a panel member declined or dropped out, and seats the proposed reserve (if any). The draw
     * row is locked, so two facilitators replacing at once cannot seat the same reserve twice.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ReplacementProposal recordReplacement(long drawId, long leavingMemberId, String reason) {
        SortitionDraw draw = loadForEdit(drawId);
        jdbc.queryForObject("SELECT id FROM sortition_draw WHERE id = ? FOR UPDATE", Long.class, drawId);
        String cleanReason = reason == null ? null : reason.strip();
        if (cleanReason != null && cleanReason.length() > 500) {
            throw new UserFacingException("validation.too-long", 500);
        }
        ReplacementProposal proposal = propose(draw, details(drawId), leavingMemberId);
        replacements.saveAndFlush(new DrawReplacement(drawId, leavingMemberId,
                proposal.reserve().map(PoolMemberRow::id).orElse(null), proposal.sameStratum(),
                cleanReason == null || cleanReason.isEmpty() ? null : cleanReason, clock.instant(),
                currentUser.actorName()));
        events.publishEvent(new PanelChanged(draw.getProcessId(), drawId));
        return proposal;
    }

    /**
     * The draw's record as a ZIP of CSV files: record.txt (fingerprint, seed, algorithm), quotas.csv,
     * probabilities.csv, distribution.csv, panel.csv, reserves.csv and replacements.csv. Pool members
     * appear by id and file row only, never by name or contact.
     *
     * <p>The CSV files are for spreadsheets (UTF-8 with a byte-order mark, CRLF) and every cell goes through
     * the recruitment files' formula guard ({@link Csv#appendRecord}): feature and value names come from the
     * targets and the pool file, and the staff names from accounts. The guard is applied here, on the way
     * out, only: the stored quotas_csv, population_csv and distribution_csv keep the exact values, because
     * {@link #details}, {@link #proposeReplacement} and {@link #representativeness} parse them back. The one
     * exported file that is read back, quotas.csv as the {@code sortition} command's {@code --features}, is
     * un-guarded there ({@link Csv#undefused}, the exact inverse), so a check from the record reproduces the
     * same fingerprint and panel. Numbers are written plainly (never 1.0E-5): a negative one would stay a
     * number, since the guard leaves "-0.5" alone.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public byte[] export(long drawId) {
        SortitionDraw draw = loadForEdit(drawId);
        DrawDetails details = details(drawId);
        DrawSummary s = details.summary();
        accessLog.record(draw.getProcessId(), PersonalDataAction.EXPORT, "draw " + drawId + " record (ZIP)",
                s.panelSize() + s.reserveCount());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            // The keys `sortition verify` reads; a draw from a published list names M and the number drawn
            // instead of a seed, and carries the list itself (panels.csv).
            String how = s.fromList().map(l -> "\nuniform_panels=" + l.panelCount() + "\npanel_number=" + l.number())
                    .orElse("\nseed=" + s.seed());
            put(zip, "record.txt", "draw=" + s.id() + "\nfingerprint_sha256=" + s.fingerprint() + how
                    + "\nalgorithm=" + s.algorithmVersion() + "\npanel_size=" + s.panelSize() + "\nreserves="
                    + s.reserveCount() + "\ndrawn_at=" + inZone(s.drawnAt()) + "\ndrawn_by=" + s.drawnBy()
                    + "\nminimum_probability=" + s.minProbability() + "\n"
                    + s.certificate().map(Certificate::recordLines).orElse(""));
            if (s.fromList().isPresent()) {
                List<List<String>> listed = Csv.parse(panelLists.findById(s.fromList().get().listId()).orElseThrow()
                        .getPanelsCsv());
                putCsv(zip, "panels.csv", listed.getFirst(), listed.subList(1, listed.size()).stream()
                        .filter(row -> !(row.size() == 1 && row.getFirst().isEmpty())).toList());
            }

            List<List<String>> quotas = new ArrayList<>();
            for (Quota q : readQuotas(draw.getQuotasCsv())) {
                quotas.add(List.of(q.feature(), q.value(), String.valueOf(q.min()), String.valueOf(q.max())));
            }
            putCsv(zip, "quotas.csv", List.of("feature", "value", "min", "max"), quotas);
            // The people as drawn (ids and quota values only), so that `sortition verify` re-runs the record alone.
            java.util.Optional<String> people = draw.peopleCsv();
            if (people.isPresent()) {
                List<List<String>> rows = Csv.parse(people.get());
                putCsv(zip, "people.csv", rows.getFirst(), rows.subList(1, rows.size()));
            }

            List<List<String>> probabilities = new ArrayList<>();
            for (DrawDetails.Selection sel : details.pool()) {
                probabilities.add(List.of(String.valueOf(sel.member().id()), String.valueOf(sel.member().sourceRow()),
                        plain(sel.probability()), sel.outcome().name(), sel.status().name()));
            }
            putCsv(zip, "probabilities.csv", List.of("id", "row", "probability", "outcome", "status"), probabilities);

            // Stored as written by distributionCsv: no quotes (labels hold no commas or quotes), one line a panel.
            List<List<String>> distribution = Csv.parse(draw.getDistributionCsv());
            putCsv(zip, "distribution.csv", distribution.getFirst(), distribution.subList(1, distribution.size()));

            putCsv(zip, "panel.csv", List.of("id"), details.pool().stream()
                    .filter(x -> x.outcome() == DrawOutcome.PANEL)
                    .sorted(java.util.Comparator.comparing(DrawDetails.Selection::position))
                    .map(x -> List.of(String.valueOf(x.member().id()))).toList());
            putCsv(zip, "reserves.csv", List.of("id"), details.reserves().stream()
                    .map(x -> List.of(String.valueOf(x.member().id()))).toList());

            List<List<String>> replaced = new ArrayList<>();
            for (DrawDetails.ReplacementRecord r : details.replacements()) {
                replaced.add(List.of(String.valueOf(r.declined().id()),
                        r.replacement().map(m -> String.valueOf(m.id())).orElse(""), String.valueOf(r.sameStratum()),
                        inZone(r.recordedAt()), r.recordedBy()));
            }
            putCsv(zip, "replacements.csv",
                    List.of("declined_id", "replacement_id", "same_stratum", "recorded_at", "recorded_by"), replaced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A time of the record in the deliberation's zone with its offset, e.g. 2026-12-08T10:15:30.5+09:00. */
    private String inZone(java.time.Instant at) {
        return at.atZone(clock.getZone()).toOffsetDateTime().toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** One CSV file of the record, every cell guarded against formulas by {@link Csv#appendRecord}. */
    private static void putCsv(ZipOutputStream zip, String name, List<String> header, List<List<String>> rows)
            throws IOException {
        StringBuilder out = new StringBuilder("\uFEFF");
        Csv.appendRecord(out, header);
        rows.forEach(row -> Csv.appendRecord(out, row));
        put(zip, name, out.toString());
    }

    /** A probability as a plain decimal (0.00001, not 1.0E-5), which every spreadsheet reads as a number. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }

    private ReplacementProposal propose(SortitionDraw draw, DrawDetails details, long leavingMemberId) {
        DrawDetails.Selection leaving = details.member(leavingMemberId)
                .orElseThrow(() -> new UserFacingException("recruitment.replace.not-on-panel"));
        if (leaving.status() != DrawDetails.SeatStatus.SEATED && leaving.status() != DrawDetails.SeatStatus.REPLACEMENT) {
            throw new UserFacingException("recruitment.replace.not-on-panel");
        }
        List<Person> people = details.pool().stream().map(s -> person(s.member(), details.features())).toList();
        SelectionProblem problem = new SelectionProblem(people, readQuotas(draw.getQuotasCsv()),
                draw.toSummary(0).panelSize());
        List<String> panelIds = details.currentPanel().stream().map(s -> String.valueOf(s.member().id())).toList();
        List<String> reserveIds = details.reserves().stream()
                .filter(s -> s.status() == DrawDetails.SeatStatus.WAITING)
                .map(s -> String.valueOf(s.member().id())).toList();
        Replacement.Proposal proposal = Replacement.propose(problem, panelIds, reserveIds,
                String.valueOf(leavingMemberId));
        Optional<PoolMemberRow> reserve = proposal.reserveId().map(Long::parseLong)
                .flatMap(id -> details.member(id)).map(DrawDetails.Selection::member);
        return new ReplacementProposal(leaving.member(), reserve, proposal.sameStratum());
    }

    private SortitionDraw loadForEdit(long drawId) {
        SortitionDraw draw = draws.findById(drawId).orElseThrow(() -> new UserFacingException("recruitment.draw.not-found"));
        access.requireEdit(draw.getProcessId());
        return draw;
    }

    /** The selection problem of a process: the pool as persons (id = pool member id) and the quotas in force. */
    Inputs inputs(long processId) {
        RecruitmentTargets t = targets.load(processId)
                .orElseThrow(() -> new UserFacingException("recruitment.draw.no-targets"));
        List<PoolMember> members = pool.findByProcessIdOrderBySourceRowAsc(processId);
        if (members.isEmpty()) {
            throw new UserFacingException("recruitment.draw.no-pool");
        }
        if (t.panelSize() > members.size()) {
            throw new UserFacingException("recruitment.draw.panel-larger-than-pool", t.panelSize(), members.size());
        }
        List<String> features = t.features().stream().map(FeatureTarget::feature).toList();
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        t.features().forEach(f -> allowed.put(f.feature(), new HashSet<>(f.valueLabels())));
        List<Person> people = new ArrayList<>();
        for (PoolMember m : members) {
            PoolMemberRow row = m.toRow();
            for (Map.Entry<String, Set<String>> f : allowed.entrySet()) {
                String v = row.featureValues().get(f.getKey());
                if (v == null || !f.getValue().contains(v)) {
                    // The targets changed after the pool was imported: say which row and feature no longer fit.
                    throw new UserFacingException("recruitment.draw.pool-mismatch", row.sourceRow(), f.getKey(),
                            v == null ? "-" : v);
                }
            }
            people.add(person(row, features));
        }
        List<QuotaRow> rows = TargetsService.quotaRows(t, targets.poolCounts(processId));
        return new Inputs(t, new SelectionProblem(people, TargetsService.quotas(t), t.panelSize()), rows);
    }

    private static Person person(PoolMemberRow row, List<String> features) {
        Map<String, String> values = new LinkedHashMap<>();
        features.forEach(f -> values.put(f, row.value(f)));
        return new Person(String.valueOf(row.id()), values);
    }

    record Inputs(RecruitmentTargets targets, SelectionProblem problem, List<QuotaRow> quotaRows) {
    }

    /** Every pool member's probability and outcome (panel or reserve, with position) for one draw. */
    void writeEntries(long drawId, Map<String, Double> probabilities, List<String> panel, List<String> reserves) {
        Map<String, Integer> panelPosition = new HashMap<>();
        for (int i = 0; i < panel.size(); i++) {
            panelPosition.put(panel.get(i), i + 1);
        }
        Map<String, Integer> reservePosition = new HashMap<>();
        for (int i = 0; i < reserves.size(); i++) {
            reservePosition.put(reserves.get(i), i + 1);
        }
        List<Map.Entry<String, Double>> all = new ArrayList<>(probabilities.entrySet());
        jdbc.batchUpdate("INSERT INTO draw_entry (draw_id, pool_member_id, probability, outcome, position) "
                + "VALUES (?, ?, ?, ?, ?)", all, 1000, (PreparedStatement ps, Map.Entry<String, Double> e) -> {
            String id = e.getKey();
            ps.setLong(1, drawId);
            ps.setLong(2, Long.parseLong(id));
            ps.setDouble(3, e.getValue());
            Integer seat = panelPosition.get(id);
            Integer reserve = reservePosition.get(id);
            ps.setString(4, (seat != null ? DrawOutcome.PANEL : reserve != null ? DrawOutcome.RESERVE
                    : DrawOutcome.POOL).name());
            if (seat != null || reserve != null) {
                ps.setInt(5, seat != null ? seat : reserve);
            } else {
                ps.setNull(5, java.sql.Types.INTEGER);
            }
        });
    }

    static String quotasCsv(List<Quota> quotas) {
        StringBuilder s = new StringBuilder("feature,value,min,max\n");
        quotas.forEach(q -> s.append(q.feature()).append(',').append(q.value()).append(',').append(q.min()).append(',')
                .append(q.max()).append('\n'));
        return s.toString();
    }

    /**
     * The pool as the lottery saw it: id (the pool member's, pseudonymous) and the value of each quota feature, in
     * pool order. Like {@link #quotasCsv}, unquoted: feature and value labels hold no commas or quotes.
     */
    static String peopleCsv(SelectionProblem problem) {
        List<String> features = problem.features();
        StringBuilder s = new StringBuilder("id");
        features.forEach(f -> s.append(',').append(f));
        s.append('\n');
        for (Person p : problem.pool()) {
            s.append(p.id());
            features.forEach(f -> s.append(',').append(p.value(f)));
            s.append('\n');
        }
        return s.toString();
    }

    static String populationCsv(RecruitmentTargets targets) {
        StringBuilder s = new StringBuilder("feature,value,share\n");
        for (FeatureTarget f : targets.features()) {
            f.values().forEach(v -> s.append(f.feature()).append(',').append(v.value()).append(',')
                    .append(v.populationShare()).append('\n'));
        }
        return s.toString();
    }

    /**
     * Population against pool and panel (as it stands after replacements), per feature, with a χ²
     * goodness-of-fit test of each group against the population shares the draw was meant to mirror.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<FeatureComparison> representativeness(long drawId) {
        SortitionDraw draw = loadForEdit(drawId);
        DrawDetails details = details(drawId);
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        for (String line : draw.getPopulationCsv().split("\n")) {
            String[] cells = line.split(",");
            if (cells.length == 3 && !line.startsWith("feature,")) {
                shares.computeIfAbsent(cells[0], f -> new LinkedHashMap<>()).put(cells[1], Double.parseDouble(cells[2]));
            }
        }
        List<FeatureComparison> result = new ArrayList<>();
        shares.forEach((feature, byValue) -> {
            Map<Group, Map<String, Long>> counts = new java.util.EnumMap<>(Group.class);
            counts.put(Group.POOL, count(details.pool(), feature));
            counts.put(Group.PANEL, count(details.currentPanel(), feature));
            result.add(Representativeness.compare(feature, List.copyOf(byValue.keySet()), byValue, counts));
        });
        return result;
    }

    private static Map<String, Long> count(List<DrawDetails.Selection> people, String feature) {
        Map<String, Long> counts = new LinkedHashMap<>();
        people.forEach(s -> counts.merge(s.member().value(feature), 1L, Long::sum));
        return counts;
    }

    private static List<Quota> readQuotas(String csv) {
        try {
            return SortitionFiles.readQuotas(new StringReader(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String distributionCsv(Lottery lottery) {
        StringBuilder s = new StringBuilder("panel,probability,seats_per_stratum\n");
        int i = 1;
        for (Lottery.TypePanel panel : lottery.panels()) {
            s.append(i++).append(',').append(String.format(Locale.ROOT, "%.12f", panel.probability())).append(',');
            StringBuilder seats = new StringBuilder();
            for (int t = 0; t < panel.seats().length; t++) {
                if (panel.seats()[t] > 0) {
                    if (!seats.isEmpty()) {
                        seats.append(' ');
                    }
                    seats.append(String.join("|", lottery.types().types().get(t).values())).append('=')
                            .append(panel.seats()[t]);
                }
            }
            s.append(seats).append('\n');
        }
        return s.toString();
    }

    /** The quotas the draw met, with how many hold each value in the pool, the panel as drawn and the panel now. */
    private static List<DrawDetails.DrawQuota> quotaRows(List<Quota> quotas, List<DrawDetails.Selection> selections) {
        List<DrawDetails.DrawQuota> rows = new ArrayList<>();
        for (Quota q : quotas) {
            List<DrawDetails.Selection> holding = selections.stream()
                    .filter(s -> q.value().equals(s.member().value(q.feature()))).toList();
            long drawn = holding.stream().filter(s -> s.outcome() == DrawOutcome.PANEL).count();
            long now = holding.stream().filter(s -> s.status() == DrawDetails.SeatStatus.SEATED
                    || s.status() == DrawDetails.SeatStatus.REPLACEMENT).count();
            rows.add(new DrawDetails.DrawQuota(q.feature(), q.value(), q.min(), q.max(), holding.size(), (int) drawn,
                    (int) now));
        }
        return rows;
    }
}
