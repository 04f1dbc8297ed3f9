package org.gongnon.survey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.gongnon.algorithms.stats.CategoryShare;
import org.gongnon.algorithms.stats.Distributions;
import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.PairedComparison;
import org.gongnon.algorithms.stats.PositionChanges;
import org.gongnon.algorithms.stats.PostStratification;
import org.gongnon.algorithms.stats.ShareChange;
import org.gongnon.algorithms.stats.StratificationWeights;
import org.gongnon.algorithms.stats.WeightedMean;
import org.gongnon.algorithms.stats.WeightedShare;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opinion change across a process's survey waves (issue 5, "Analysis"). Tracked questions are matched across
 * waves by their code, people by their pseudonymous participant id, and only submitted responses count. The
 * statistics themselves are in {@code org.gongnon.algorithms.stats}; this service decides who is compared with
 * whom: the same people in two waves, per stratum of the recruitment features (from the seated panel's roster),
 * and, on request, weighted to the population shares of one recruitment feature.
 */
@Service
public class SurveyAnalysisService {

    /** Strata with fewer people than this are listed with their size but without statistics. */
    static final int MIN_GROUP = 2;

    private final SurveyWaveRepository waves;
    private final SurveyResponses responses;
    private final SurveyService surveys;
    private final ProcessAccess access;
    private final PanelSeatingService seating;
    private final TargetsService targets;

    SurveyAnalysisService(SurveyWaveRepository waves, SurveyResponses responses, SurveyService surveys,
                          ProcessAccess access, PanelSeatingService seating, TargetsService targets) {
        this.waves = waves;
        this.responses = responses;
        this.surveys = surveys;
        this.access = access;
        this.seating = seating;
        this.targets = targets;
    }

    /**
     * The analysis of two waves of a process. Without wave ids the pair is chosen: the first PRE wave against
     * the last POST wave when both have answers, else the first and last waves with answers (or simply the
     * first and last waves). Wave ids must be two different waves of the process; a weighting feature must be
     * one of {@link SurveyAnalysis#weightingFeatures()} (null: no weighting).
     */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public SurveyAnalysis analysis(long processId, Long beforeWaveId, Long afterWaveId, String weightingFeature) {
        access.requireView(processId);
        Data data = load(processId);
        Map<String, Map<String, Double>> shares = populationShares(processId);
        if (weightingFeature != null && !shares.containsKey(weightingFeature)) {
            throw new UserFacingException("survey.analysis.unknown-feature");
        }
        Long[] pair = pair(data, beforeWaveId, afterWaveId);
        List<SurveyAnalysis.TrackedQuestion> tracked = tracked(data);
        PanelRoster roster = seating.roster(processId);
        Map<Long, Map<String, String>> strataOf = new HashMap<>();
        roster.members().forEach(m -> strataOf.put(m.panelMemberId(), m.features()));
        strataOf.putAll(responses.keptStrata(processId));
        Weights weights = weightingFeature == null ? null
                : new Weights(weightingFeature, shares.get(weightingFeature), strataOf);
        Groups groups = new Groups(roster, strataOf);

        SurveyAnalysis.Weighting weighting = weights == null ? null : weighting(data, weights);
        if (pair == null) {
            return new SurveyAnalysis(data.list, tracked, null, null, 0, List.copyOf(shares.keySet()), weighting,
                    List.of(), knowledge(data, null, null, weights, groups));
        }
        long before = pair[0];
        long after = pair[1];
        Set<Long> inBefore = new LinkedHashSet<>();
        data.submitted.get(before).forEach(r -> inBefore.add(r.participantId()));
        int paired = (int) data.submitted.get(after).stream().filter(r -> inBefore.contains(r.participantId())).count();

        Set<String> trackedCodes = new LinkedHashSet<>();
        tracked.forEach(t -> trackedCodes.add(t.code()));
        List<QuestionAnalysis> questions = new ArrayList<>();
        for (Question qb : data.questionnaires.get(before).questions()) {
            Question qa = data.questionnaires.get(after).question(qb.code()).orElse(null);
            if (trackedCodes.contains(qb.code()) && qa != null && qa.type() == qb.type()) {
                questions.add(question(data, qb, qa, before, after, weights, groups));
            }
        }
        return new SurveyAnalysis(data.list, tracked, before, after, paired, List.copyOf(shares.keySet()), weighting,
                questions, knowledge(data, before, after, weights, groups));
    }

    /**
     * Every submitted response of a wave with its answer to one question and the respondent's strata from the
     * live roster, for counting votes (e.g. on recommendation items). Pseudonymous: keys, never names.
     */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<SubmittedAnswer> submittedAnswers(long waveId, String questionCode) {
        SurveyWave wave = waves.findById(waveId).orElseThrow(() -> new UserFacingException("survey.wave.not-found"));
        access.requireView(wave.getProcessId());
        Questionnaire q = surveys.questionnaire(wave);
        if (q.question(questionCode).isEmpty()) {
            throw new UserFacingException("survey.analysis.unknown-question");
        }
        Map<Long, Map<String, String>> strataOf = new HashMap<>();
        seating.roster(wave.getProcessId()).members().forEach(m -> strataOf.put(m.panelMemberId(), m.features()));
        strataOf.putAll(responses.keptStrata(wave.getProcessId()));
        List<SubmittedAnswer> list = new ArrayList<>();
        for (SurveyResponses.RawResponse raw : responses.submitted(waveId)) {
            List<String> values = CitizenSurveyService.decode(q, raw.answers()).getOrDefault(questionCode, List.of());
            Map<String, String> strata = raw.panelMemberId() == null ? Map.of()
                    : strataOf.getOrDefault(raw.panelMemberId(), Map.of());
            list.add(new SubmittedAnswer(raw.participantKey(), strata, values == null ? List.of() : values));
        }
        return list;
    }

    /** Every question of the process's waves, by wave number and question order (see {@link WaveQuestion#votable}). */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<WaveQuestion> waveQuestions(long processId) {
        access.requireView(processId);
        List<WaveQuestion> list = new ArrayList<>();
        for (SurveyWave wave : waves.findByProcessIdOrderByNumberAsc(processId)) {
            for (Question question : surveys.questionnaire(wave).questions()) {
                list.add(new WaveQuestion(wave.getId(), wave.getNumber(), wave.title(), wave.getStatus(),
                        question.code(), question.type(), question.text(), question.options()));
            }
        }
        return list;
    }

    // --- loading ----------------------------------------------------------------------------------------------

    /** Every wave of the process with its questionnaire and its submitted responses, answers decoded. */
    private record Data(List<SurveyWave> waves, List<AnalysisWave> list, Map<Long, Questionnaire> questionnaires,
                        Map<Long, List<ResponseRecord>> submitted) {
    }

    private Data load(long processId) {
        List<SurveyWave> all = waves.findByProcessIdOrderByNumberAsc(processId);
        Map<Long, Questionnaire> questionnaires = new LinkedHashMap<>();
        Map<Long, List<ResponseRecord>> submitted = new LinkedHashMap<>();
        List<AnalysisWave> list = new ArrayList<>();
        for (SurveyWave wave : all) {
            Questionnaire q = surveys.questionnaire(wave);
            List<ResponseRecord> records = responses.submitted(wave.getId()).stream()
                    .map(raw -> new ResponseRecord(raw.participantId(), raw.participantKey(), raw.panelMemberId(),
                            raw.submittedAt(), CitizenSurveyService.decode(q, raw.answers())))
                    .toList();
            questionnaires.put(wave.getId(), q);
            submitted.put(wave.getId(), records);
            list.add(new AnalysisWave(wave.getId(), wave.getNumber(), wave.getKind(), wave.title(), wave.getStatus(),
                    records.size()));
        }
        return new Data(all, list, questionnaires, submitted);
    }

    /** Each feature's population shares, normalised to add up to 1; features whose shares are all 0 are left out. */
    private Map<String, Map<String, Double>> populationShares(long processId) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        targets.populationShares(processId).forEach((feature, byValue) -> {
            double total = byValue.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0) {
                Map<String, Double> normalised = new LinkedHashMap<>();
                byValue.forEach((value, share) -> normalised.put(value, share / total));
                result.put(feature, normalised);
            }
        });
        return result;
    }

    private static Long[] pair(Data data, Long beforeWaveId, Long afterWaveId) {
        if (beforeWaveId != null || afterWaveId != null) {
            boolean known = beforeWaveId != null && afterWaveId != null
                    && data.questionnaires.containsKey(beforeWaveId) && data.questionnaires.containsKey(afterWaveId);
            if (!known) {
                throw new UserFacingException("survey.wave.not-found");
            }
            if (beforeWaveId.equals(afterWaveId)) {
                throw new UserFacingException("survey.analysis.same-wave");
            }
            return new Long[] {beforeWaveId, afterWaveId};
        }
        List<AnalysisWave> answered = data.list.stream().filter(w -> w.submitted() > 0).toList();
        List<AnalysisWave> candidates = answered.size() >= 2 ? answered : data.list;
        if (candidates.size() < 2) {
            return null;
        }
        AnalysisWave pre = candidates.stream().filter(w -> w.kind() == WaveKind.PRE).findFirst().orElse(null);
        AnalysisWave post = candidates.stream().filter(w -> w.kind() == WaveKind.POST)
                .reduce((first, second) -> second).orElse(null);
        if (pre != null && post != null && pre.number() < post.number()) {
            return new Long[] {pre.id(), post.id()};
        }
        return new Long[] {candidates.getFirst().id(), candidates.getLast().id()};
    }

    /** Codes marked tracked in at least one wave, in order of first appearance, with the waves asking them. */
    private static List<SurveyAnalysis.TrackedQuestion> tracked(Data data) {
        Map<String, Question> first = new LinkedHashMap<>();
        data.questionnaires.values().forEach(q -> q.tracked().forEach(t -> first.putIfAbsent(t.code(), t)));
        List<SurveyAnalysis.TrackedQuestion> list = new ArrayList<>();
        first.forEach((code, question) -> {
            List<Long> waveIds = new ArrayList<>();
            Set<QuestionType> kinds = new LinkedHashSet<>();
            data.questionnaires.forEach((waveId, q) -> q.question(code).ifPresent(found -> {
                waveIds.add(waveId);
                kinds.add(found.type());
            }));
            list.add(new SurveyAnalysis.TrackedQuestion(code, question.type(), question.text(), waveIds,
                    kinds.size() > 1));
        });
        return list;
    }

    // --- one tracked question ---------------------------------------------------------------------------------

    private static QuestionAnalysis question(Data data, Question qb, Question qa, long before, long after,
                                             Weights weights, Groups groups) {
        QuestionType type = qb.type();
        // Every wave asking the question as the same kind, the compared ones among them.
        List<SurveyWave> asking = new ArrayList<>();
        List<Question> versions = new ArrayList<>(List.of(qb, qa));
        for (SurveyWave wave : data.waves) {
            Question q = data.questionnaires.get(wave.getId()).question(qb.code()).orElse(null);
            if (q != null && q.type() == type) {
                asking.add(wave);
                versions.add(q);
            }
        }
        List<QuestionAnalysis.Category> categories = categories(type, versions,
                asking.stream().flatMap(w -> data.submitted.get(w.getId()).stream()).toList(), qb.code());
        List<String> codes = categories.stream().map(QuestionAnalysis.Category::code).toList();
        List<QuestionAnalysis.WaveAnswers> perWave = new ArrayList<>();
        for (SurveyWave wave : asking) {
            perWave.add(waveAnswers(wave.getId(), qb.code(), type, codes, data.submitted.get(wave.getId()), weights));
        }
        // The same people in both waves, matched by pseudonymous participant id, in the earlier wave's order.
        Map<Long, List<String>> later = new HashMap<>();
        data.submitted.get(after).forEach(r -> {
            List<String> answer = r.answers().get(qb.code());
            if (answer != null && !answer.isEmpty()) {
                later.put(r.participantId(), answer);
            }
        });
        List<Matched> matched = new ArrayList<>();
        for (ResponseRecord r : data.submitted.get(before)) {
            List<String> earlier = r.answers().get(qb.code());
            List<String> then = later.get(r.participantId());
            if (earlier != null && !earlier.isEmpty() && then != null) {
                matched.add(new Matched(r.panelMemberId(),
                        type.isNumeric() ? number(earlier) : Double.NaN, type.isNumeric() ? number(then) : Double.NaN,
                        position(type, codes, earlier), position(type, codes, then)));
            }
        }
        boolean numeric = type.isNumeric();
        boolean positions = PositionRule.of(type) != PositionRule.NONE;
        return new QuestionAnalysis(qb.code(), type, qb.text(), categories, perWave, matched.size(),
                numeric ? change(matched) : null, positions ? positionChange(matched) : null,
                groups.strata(matched, numeric, positions),
                type == QuestionType.KNOWLEDGE ? qb.correctOption() : null);
    }

    /**
     * Scale points (labelled where a version of the question labels them), else the options of every version
     * of the question (the earlier wave's first). Answers are checked against their wave's questionnaire, which
     * freezes once opened, so they are always among these; any other stored code would still get its own
     * category rather than be dropped from the counts.
     */
    private static List<QuestionAnalysis.Category> categories(QuestionType type, List<Question> versions,
                                                              List<ResponseRecord> responses, String code) {
        Map<String, LocalText> categories = new LinkedHashMap<>();
        if (type.isScale()) {
            for (int point = type.scaleMin(); point <= type.scaleMax(); point++) {
                String value = String.valueOf(point);
                categories.put(value, versions.stream().map(q -> q.option(value)).flatMap(java.util.Optional::stream)
                        .map(AnswerOption::label).findFirst().orElse(LocalText.of(value, value)));
            }
        } else if (type.usesOptions()) {
            versions.forEach(q -> q.options().forEach(o -> categories.putIfAbsent(o.code(), o.label())));
        }
        if (!categories.isEmpty()) {
            for (ResponseRecord r : responses) {
                List<String> answer = r.answers().get(code);
                if (answer != null && !answer.isEmpty()) {
                    List<String> values = type == QuestionType.MULTIPLE_CHOICE ? answer
                            : List.of(category(type, answer));
                    values.forEach(v -> categories.putIfAbsent(v, LocalText.of(v, v)));
                }
            }
        }
        return categories.entrySet().stream()
                .map(e -> new QuestionAnalysis.Category(e.getKey(), e.getValue())).toList();
    }

    private static QuestionAnalysis.WaveAnswers waveAnswers(long waveId, String code, QuestionType type,
                                                            List<String> codes, List<ResponseRecord> submitted,
                                                            Weights weights) {
        List<ResponseRecord> answering = submitted.stream()
                .filter(r -> r.answers().get(code) != null && !r.answers().get(code).isEmpty()).toList();
        List<List<String>> answers = answering.stream().map(r -> r.answers().get(code)).toList();
        double mean = type.isNumeric() && !answers.isEmpty()
                ? answers.stream().mapToDouble(SurveyAnalysisService::number).average().orElseThrow() : Double.NaN;
        QuestionAnalysis.Weighted weighted = null;
        if (weights != null) {
            List<ResponseRecord> weighable = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            for (ResponseRecord r : answering) {
                String cell = weights.cellOf(r);
                if (cell != null) {
                    weighable.add(r);
                    cells.add(cell);
                }
            }
            if (weighable.isEmpty()) {
                weighted = new QuestionAnalysis.Weighted(0, Double.NaN, List.copyOf(weights.shares.keySet()),
                        List.of(), null);
            } else {
                StratificationWeights w = PostStratification.weights(weights.shares, cells);
                List<List<String>> weighableAnswers = weighable.stream().map(r -> r.answers().get(code)).toList();
                WeightedMean weightedMean = type.isNumeric() ? PostStratification.weightedMean(
                        weighableAnswers.stream().mapToDouble(SurveyAnalysisService::number).toArray(), w.weights())
                        : null;
                weighted = new QuestionAnalysis.Weighted(weighable.size(), w.effectiveSampleSize(), w.emptyCells(),
                        weightedDistribution(type, codes, weighableAnswers, w.weights()), weightedMean);
            }
        }
        return new QuestionAnalysis.WaveAnswers(waveId, answers.size(), distribution(type, codes, answers), mean,
                weighted);
    }

    private static List<CategoryShare> distribution(QuestionType type, List<String> codes, List<List<String>> answers) {
        if (codes.isEmpty()) {
            return List.of();
        }
        if (type == QuestionType.MULTIPLE_CHOICE) {
            // Shares of the people answering, not of the options ticked: "42 % chose TV".
            List<String> ticked = answers.stream().flatMap(List::stream).toList();
            return Distributions.of(codes, ticked).stream().map(c -> new CategoryShare(c.category(), c.count(),
                    answers.isEmpty() ? Double.NaN : (double) c.count() / answers.size())).toList();
        }
        return Distributions.of(codes, answers.stream().map(a -> category(type, a)).toList());
    }

    private static List<WeightedShare> weightedDistribution(QuestionType type, List<String> codes,
                                                            List<List<String>> answers, double[] weights) {
        if (codes.isEmpty()) {
            return List.of();
        }
        if (type == QuestionType.MULTIPLE_CHOICE) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            List<WeightedShare> shares = new ArrayList<>();
            for (String code : codes) {
                double chose = 0;
                for (int i = 0; i < answers.size(); i++) {
                    if (answers.get(i).contains(code)) {
                        chose += weights[i];
                    }
                }
                shares.add(new WeightedShare(code, chose, total > 0 ? chose / total : Double.NaN));
            }
            return shares;
        }
        return Distributions.weighted(codes, answers.stream().map(a -> category(type, a)).toList(), weights);
    }

    /** The category an answer falls in: the scale point as written by us, the option, or the first-ranked option. */
    private static String category(QuestionType type, List<String> answer) {
        String first = answer.getFirst().strip();
        return type.isScale() ? String.valueOf(Integer.parseInt(first)) : first;
    }

    private static double number(List<String> answer) {
        return Double.parseDouble(answer.getFirst().strip());
    }

    /**
     * A position to compare across waves (see {@link PositionRule}): for scales −1, 0 or 1 for below, at or
     * above the midpoint, so "increased" means moving up the scale; for options the category's index (only
     * whether it changed is meaningful); for multiple choice a bit set of the ticked options.
     */
    private static int position(QuestionType type, List<String> codes, List<String> answer) {
        return switch (PositionRule.of(type)) {
            case SIDE_OF_MIDPOINT -> Integer.compare(2 * Integer.parseInt(answer.getFirst().strip()),
                    type.scaleMin() + type.scaleMax());
            case OPTION, TOP_RANK -> codes.indexOf(answer.getFirst());
            case OPTION_SET -> {
                // Sets of up to 31 options as bits; beyond that, the sorted set's hash (collisions are negligible).
                if (codes.size() <= 31) {
                    int bits = 0;
                    for (String code : answer) {
                        bits |= 1 << codes.indexOf(code);
                    }
                    yield bits;
                }
                yield new TreeSet<>(answer).hashCode();
            }
            case NONE -> 0;
        };
    }

    // --- the knowledge index ----------------------------------------------------------------------------------

    private static KnowledgeAnalysis knowledge(Data data, Long before, Long after, Weights weights, Groups groups) {
        Map<Long, Map<Long, Double>> indices = new LinkedHashMap<>();
        List<KnowledgeAnalysis.WaveIndex> perWave = new ArrayList<>();
        for (SurveyWave wave : data.waves) {
            List<Question> items = data.questionnaires.get(wave.getId()).questions().stream()
                    .filter(q -> q.type() == QuestionType.KNOWLEDGE).toList();
            if (items.isEmpty()) {
                continue;
            }
            Map<Long, Double> byParticipant = new LinkedHashMap<>();
            List<ResponseRecord> withIndex = new ArrayList<>();
            for (ResponseRecord r : data.submitted.get(wave.getId())) {
                List<Question> shown = items.stream().filter(q -> q.isShown(r.answers())).toList();
                if (!shown.isEmpty()) {
                    long correct = shown.stream().filter(q -> q.isCorrect(r.answers().get(q.code()))).count();
                    byParticipant.put(r.participantId(), (double) correct / shown.size());
                    withIndex.add(r);
                }
            }
            indices.put(wave.getId(), byParticipant);
            double mean = byParticipant.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            WeightedMean weighted = null;
            double effectiveN = Double.NaN;
            if (weights != null) {
                List<String> cells = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (ResponseRecord r : withIndex) {
                    String cell = weights.cellOf(r);
                    if (cell != null) {
                        cells.add(cell);
                        values.add(byParticipant.get(r.participantId()));
                    }
                }
                if (!cells.isEmpty()) {
                    StratificationWeights w = PostStratification.weights(weights.shares, cells);
                    weighted = PostStratification.weightedMean(
                            values.stream().mapToDouble(Double::doubleValue).toArray(), w.weights());
                    effectiveN = w.effectiveSampleSize();
                }
            }
            perWave.add(new KnowledgeAnalysis.WaveIndex(wave.getId(), items.stream().map(Question::code).toList(),
                    byParticipant.size(), mean, weighted, effectiveN));
        }
        if (perWave.isEmpty()) {
            return null;
        }
        if (before == null || !indices.containsKey(before) || !indices.containsKey(after)) {
            return new KnowledgeAnalysis(perWave, false, 0, null, List.of());
        }
        Map<Long, Double> later = indices.get(after);
        Map<Long, Long> members = new HashMap<>();
        data.submitted.get(before).forEach(r -> members.put(r.participantId(), r.panelMemberId()));
        List<Matched> matched = new ArrayList<>();
        indices.get(before).forEach((participant, index) -> {
            Double then = later.get(participant);
            if (then != null) {
                matched.add(new Matched(members.get(participant), index, then, 0, 0));
            }
        });
        boolean sameItems = Set.copyOf(itemsOf(perWave, before)).equals(Set.copyOf(itemsOf(perWave, after)));
        return new KnowledgeAnalysis(perWave, sameItems, matched.size(), change(matched),
                groups.strata(matched, true, false));
    }

    private static List<String> itemsOf(List<KnowledgeAnalysis.WaveIndex> perWave, long waveId) {
        return perWave.stream().filter(w -> w.waveId() == waveId).findFirst()
                .map(KnowledgeAnalysis.WaveIndex::items).orElse(List.of());
    }

    // --- matching, strata and weights -------------------------------------------------------------------------

    /** One person's answer in both waves: the numbers compared and the positions compared. */
    private record Matched(Long panelMemberId, double before, double after, int positionBefore, int positionAfter) {
    }

    private static PairedChange change(List<Matched> matched) {
        if (matched.isEmpty()) {
            return null;
        }
        return PairedComparison.of(matched.stream().mapToDouble(Matched::before).toArray(),
                matched.stream().mapToDouble(Matched::after).toArray());
    }

    private static ShareChange positionChange(List<Matched> matched) {
        if (matched.isEmpty()) {
            return null;
        }
        return PositionChanges.of(matched.stream().mapToInt(Matched::positionBefore).toArray(),
                matched.stream().mapToInt(Matched::positionAfter).toArray());
    }

    /** The recruitment features of the seated panel, to break changes down by (권역, 성별, 연령대, 사전의견, …). */
    private static final class Groups {

        private final List<String> features;
        private final Map<String, List<String>> values;
        private final Map<Long, Map<String, String>> strataOf;

        Groups(PanelRoster roster, Map<Long, Map<String, String>> strataOf) {
            this.strataOf = strataOf;
            // Features the targets name first, then any other feature the members carry (e.g. a pool column).
            Set<String> all = new LinkedHashSet<>(roster.features());
            roster.members().stream().map(RosterMember::features).map(Map::keySet).flatMap(Collection::stream)
                    .sorted().forEach(all::add);
            this.features = List.copyOf(all);
            this.values = new LinkedHashMap<>(roster.values());
        }

        /**
         * One row per value of each feature: the values the targets list, then any other value met. People whose
         * member is withdrawn or whose link to the panel was cut belong to no stratum.
         */
        List<StratumChange> strata(List<Matched> matched, boolean numeric, boolean positions) {
            List<StratumChange> rows = new ArrayList<>();
            for (String feature : features) {
                Function<Matched, String> valueOf = m -> m.panelMemberId() == null ? null
                        : strataOf.getOrDefault(m.panelMemberId(), Map.of()).get(feature);
                Set<String> featureValues = new LinkedHashSet<>(values.getOrDefault(feature, List.of()));
                matched.stream().map(valueOf).filter(Objects::nonNull).sorted().forEach(featureValues::add);
                for (String value : featureValues) {
                    List<Matched> group = matched.stream().filter(m -> value.equals(valueOf.apply(m))).toList();
                    boolean enough = group.size() >= MIN_GROUP;
                    rows.add(new StratumChange(feature, value, group.size(),
                            enough && numeric ? change(group) : null,
                            enough && positions ? positionChange(group) : null));
                }
            }
            return rows;
        }
    }

    /** Post-stratification by one feature: a respondent's cell is their member's value of it. */
    private static final class Weights {

        private final String feature;
        private final Map<String, Double> shares;
        private final Map<Long, Map<String, String>> strataOf;

        Weights(String feature, Map<String, Double> shares, Map<Long, Map<String, String>> strataOf) {
            this.feature = feature;
            this.shares = shares;
            this.strataOf = strataOf;
        }

        /**
         * The respondent's value when it has a positive population share; null (left out of weighted figures)
         * if not: a withdrawn member, a cut link, a value outside the targets, or one the population lacks.
         */
        String cellOf(ResponseRecord r) {
            if (r.panelMemberId() == null) {
                return null;
            }
            String value = strataOf.getOrDefault(r.panelMemberId(), Map.of()).get(feature);
            return value != null && shares.getOrDefault(value, 0.0) > 0 ? value : null;
        }
    }

    private static SurveyAnalysis.Weighting weighting(Data data, Weights weights) {
        List<SurveyAnalysis.WaveWeights> perWave = new ArrayList<>();
        for (AnalysisWave wave : data.list) {
            List<String> cells = data.submitted.get(wave.id()).stream().map(weights::cellOf).filter(Objects::nonNull)
                    .toList();
            if (cells.isEmpty()) {
                perWave.add(new SurveyAnalysis.WaveWeights(wave.id(), wave.submitted(), 0, Double.NaN,
                        List.copyOf(weights.shares.keySet())));
            } else {
                StratificationWeights w = PostStratification.weights(weights.shares, cells);
                perWave.add(new SurveyAnalysis.WaveWeights(wave.id(), wave.submitted(), cells.size(),
                        w.effectiveSampleSize(), w.emptyCells()));
            }
        }
        return new SurveyAnalysis.Weighting(weights.feature, perWave);
    }
}
