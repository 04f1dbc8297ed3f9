package org.gongnon.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongnon.algorithms.sortition.Quota;
import org.gongnon.algorithms.sortition.QuotaAllocation;
import org.gongnon.base.Problems;
import org.gongnon.process.ProcessAccess;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the panel must mirror: features, population shares, panel size and quota tolerance, and the quota
 * table computed from them by the largest-remainder method, which facilitators may still adjust.
 */
@Service
public class TargetsService {

    static final int MAX_PANEL_SIZE = 10_000;
    private static final int MAX_LABEL = 50;

    private final RecruitmentPlanRepository plans;
    private final TargetFeatureRepository features;
    private final PoolMemberRepository pool;
    private final ProcessAccess access;
    private final Clock clock;

    TargetsService(RecruitmentPlanRepository plans, TargetFeatureRepository features, PoolMemberRepository pool,
                   ProcessAccess access, Clock clock) {
        this.plans = plans;
        this.features = features;
        this.pool = pool;
        this.access = access;
        this.clock = clock;
    }

    /** The process's targets, if any were saved. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public Optional<RecruitmentTargets> targets(long processId) {
        access.requireEdit(processId);
        return load(processId);
    }

    /**
     * Each target feature's population shares (value → share, as entered; not normalised), in the targets'
     * order: what survey results are post-stratified to. Readable by every staff member of the process
     * (officials included), unlike the targets themselves. Empty when no targets were saved.
     */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public Map<String, Map<String, Double>> populationShares(long processId) {
        access.requireView(processId);
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        load(processId).ifPresent(t -> t.features().forEach(f -> {
            Map<String, Double> byValue = new LinkedHashMap<>();
            f.values().forEach(v -> byValue.put(v.value(), v.populationShare()));
            shares.put(f.feature(), byValue);
        }));
        return shares;
    }

    /** Replaces the process's targets as a whole; every problem is reported at once and nothing is saved if any. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public RecruitmentTargets save(long processId, RecruitmentTargets targets) {
        access.requireEdit(processId);
        validate(targets);
        RecruitmentPlan plan = plans.findById(processId).orElseGet(() -> new RecruitmentPlan(processId));
        plan.update(targets.panelSize(), targets.toleranceMode(), targets.tolerance(), targets.reserveCount(),
                blankToNull(targets.sharesSource()), clock.instant());
        plans.save(plan);
        features.deleteByProcessId(processId);
        List<TargetFeature> saved = new ArrayList<>();
        for (int i = 0; i < targets.features().size(); i++) {
            saved.add(new TargetFeature(processId, i, targets.features().get(i)));
        }
        features.saveAll(saved);
        return load(processId).orElseThrow();
    }

    /**
     * Applies the smallest relaxation the feasibility check proposed: each conflicting quota gets the
     * relaxed range as an adjusted quota; everything else stays as it is.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public RecruitmentTargets applyRelaxation(long processId, List<QuotaConflict> conflicts) {
        access.requireEdit(processId);
        RecruitmentTargets current = load(processId).orElseThrow(() -> new org.gongnon.base.UserFacingException(
                "recruitment.draw.no-targets"));
        List<FeatureTarget> features = current.features().stream().map(f -> new FeatureTarget(f.feature(),
                f.derivation(), f.values().stream().map(v -> conflicts.stream()
                        .filter(c -> c.feature().equals(f.feature()) && c.value().equals(v.value())).findFirst()
                        .map(c -> v.withQuota(c.relaxedMin(), c.relaxedMax())).orElse(v)).toList())).toList();
        return save(processId, current.withFeatures(features));
    }

    /** The quota table: proportional seats, the tolerance's bounds, the bounds in force, and pool counts. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<QuotaRow> quotaTable(long processId) {
        access.requireEdit(processId);
        Optional<RecruitmentTargets> targets = load(processId);
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Long>> counts = poolCounts(processId);
        return quotaRows(targets.get(), counts);
    }

    /**
     * Seoul's defaults: 권역 (from the district), 성별 and 연령대 with approximate population shares, a
     * 300-person panel, ±2 seats, 60 reserves. Labelled approximate; facilitators should check them.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public RecruitmentTargets seoulDefaults(String sharesSource) {
        return SeoulTargets.defaults(sharesSource, java.time.LocalDate.now(clock));
    }

    /**
     * Population shares from a CSV with the header {@code feature,value,share} (share as a fraction or a
     * percentage), applied to the given features. Unknown features or values are refused, naming them.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public List<FeatureTarget> importShares(List<FeatureTarget> current, byte[] csv) {
        return SharesFile.apply(current, csv);
    }

    Optional<RecruitmentTargets> load(long processId) {
        return plans.findById(processId).map(plan -> new RecruitmentTargets(plan.getPanelSize(),
                plan.getToleranceMode(), plan.getTolerance(), plan.getReserveCount(), plan.getSharesSource(),
                features.findByProcessIdOrderByPositionAsc(processId).stream().map(TargetFeature::toTarget).toList()));
    }

    /** Pool members per feature value, for every feature, in the targets' order of features and values. */
    Map<String, Map<String, Long>> poolCounts(long processId) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        load(processId).ifPresent(t -> t.features().forEach(f -> {
            Map<String, Long> byValue = new LinkedHashMap<>();
            f.valueLabels().forEach(v -> byValue.put(v, 0L));
            counts.put(f.feature(), byValue);
        }));
        for (String encoded : pool.featureValuesOf(processId)) {
            PoolMember.decode(encoded)
                    .forEach((f, v) -> counts.computeIfAbsent(f, k -> new LinkedHashMap<>()).merge(v, 1L, Long::sum));
        }
        return counts;
    }

    static List<QuotaRow> quotaRows(RecruitmentTargets targets, Map<String, Map<String, Long>> poolCounts) {
        List<QuotaRow> rows = new ArrayList<>();
        for (FeatureTarget feature : targets.features()) {
            Map<String, Double> shares = new LinkedHashMap<>();
            feature.values().forEach(v -> shares.put(v.value(), v.populationShare()));
            Map<String, Integer> seats = QuotaAllocation.largestRemainder(shares, targets.panelSize());
            List<Quota> computed = targets.toleranceMode() == ToleranceMode.SEATS
                    ? QuotaAllocation.withSeatTolerance(feature.feature(), seats, (int) Math.round(targets.tolerance()),
                    targets.panelSize())
                    : QuotaAllocation.withPercentTolerance(feature.feature(), seats, targets.tolerance(),
                    targets.panelSize());
            Map<String, Long> counts = poolCounts.getOrDefault(feature.feature(), Map.of());
            for (int i = 0; i < feature.values().size(); i++) {
                ValueTarget v = feature.values().get(i);
                Quota q = computed.get(i);
                boolean adjusted = v.quotaMin() != null && v.quotaMax() != null;
                rows.add(new QuotaRow(feature.feature(), v.value(), v.populationShare() / total(shares),
                        seats.get(v.value()), q.min(), q.max(), adjusted ? v.quotaMin() : q.min(),
                        adjusted ? v.quotaMax() : q.max(), adjusted, counts.getOrDefault(v.value(), 0L)));
            }
        }
        return rows;
    }

    /** The quotas in force, as the lottery takes them. */
    static List<Quota> quotas(RecruitmentTargets targets) {
        return quotaRows(targets, Map.of()).stream().map(r -> new Quota(r.feature(), r.value(), r.min(), r.max()))
                .toList();
    }

    private static double total(Map<String, Double> shares) {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static void validate(RecruitmentTargets t) {
        Problems problems = new Problems();
        if (t.panelSize() < 1 || t.panelSize() > MAX_PANEL_SIZE) {
            problems.add("panelSize", "recruitment.targets.panel-size-range", MAX_PANEL_SIZE);
        }
        if (t.toleranceMode() == null) {
            problems.add("toleranceMode", "validation.required");
        } else if (Double.isNaN(t.tolerance()) || t.tolerance() < 0
                || (t.toleranceMode() == ToleranceMode.PERCENT && t.tolerance() > 100)
                || (t.toleranceMode() == ToleranceMode.SEATS && t.tolerance() > t.panelSize())) {
            problems.add("tolerance", "recruitment.targets.tolerance-range");
        }
        if (t.reserveCount() < 0 || t.reserveCount() > MAX_PANEL_SIZE) {
            problems.add("reserveCount", "recruitment.targets.reserve-range", MAX_PANEL_SIZE);
        }
        problems.optionalText("sharesSource", t.sharesSource(), 500);
        if (t.features().isEmpty()) {
            problems.add("features", "recruitment.targets.no-features");
        }
        Set<String> names = new HashSet<>();
        for (FeatureTarget f : t.features()) {
            String field = "feature:" + f.feature();
            if (!validLabel(f.feature())) {
                problems.add(field, "recruitment.targets.bad-label", MAX_LABEL);
                continue;
            }
            if (!names.add(f.feature())) {
                problems.add(field, "recruitment.targets.duplicate-feature", f.feature());
            }
            if (f.derivation() == null) {
                problems.add(field, "validation.required");
            }
            if (f.values().isEmpty()) {
                problems.add(field, "recruitment.targets.no-values", f.feature());
            }
            Set<String> values = new HashSet<>();
            double sum = 0;
            for (ValueTarget v : f.values()) {
                String vField = field + "/" + v.value();
                if (!validLabel(v.value())) {
                    problems.add(field, "recruitment.targets.bad-label", MAX_LABEL);
                    continue;
                }
                if (!values.add(v.value())) {
                    problems.add(vField, "recruitment.targets.duplicate-value", f.feature(), v.value());
                }
                if (Double.isNaN(v.populationShare()) || v.populationShare() < 0 || v.populationShare() > 1) {
                    problems.add(vField, "recruitment.targets.share-range", f.feature(), v.value());
                } else {
                    sum += v.populationShare();
                }
                if ((v.quotaMin() == null) != (v.quotaMax() == null)) {
                    problems.add(vField, "recruitment.targets.quota-both", f.feature(), v.value());
                } else if (v.quotaMin() != null && (v.quotaMin() < 0 || v.quotaMin() > v.quotaMax()
                        || v.quotaMax() > t.panelSize())) {
                    problems.add(vField, "recruitment.targets.quota-range", f.feature(), v.value());
                }
            }
            if (!f.values().isEmpty() && Math.abs(sum - 1) > 0.005) {
                problems.add(field, "recruitment.targets.shares-sum", f.feature(),
                        String.format(java.util.Locale.ROOT, "%.1f", sum * 100));
            }
        }
        problems.throwIfAny();
    }

    /** Labels end up in "feature=value" lines and CSV files: no line breaks, no '=' and no commas. */
    private static boolean validLabel(String label) {
        return label != null && !label.isBlank() && label.strip().equals(label) && label.length() <= MAX_LABEL
                && label.chars().noneMatch(c -> c == '=' || c == ',' || c == '\n' || c == '\r' || c == '"');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
