package org.gongnon.recommendation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongnon.algorithms.stats.Intervals;
import org.gongnon.algorithms.stats.SupportShare;
import org.gongnon.algorithms.stats.SupportThresholds;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.gongnon.security.StaffUser;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.SubmittedAnswer;
import org.gongnon.survey.SurveyAnalysisService;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveQuestion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recommendation items (권고안, issue 6): drafting them with a full history (every edit is a new version, never
 * an overwrite), linking each to the survey question the panel votes on it with, the thresholds for adopted /
 * adopted with reservations, the support per item and per stratum, and the minority opinions of those who did
 * not support it. The share arithmetic is {@link SupportShare}; this service decides who counts as a voter (a
 * submitted response that answered the linked question) and as a supporter (its {@link SupportRule}).
 */
@Service
public class RecommendationService {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 5000;
    static final int NOTE_MAX = 500;
    static final int OPTIONS_MAX = 20;
    static final int OPINION_MAX = 5000;

    private final RecommendationStore store;
    private final ProcessAccess access;
    private final SurveyAnalysisService surveys;
    private final PanelSeatingService seating;
    private final SurveyService waves;
    private final CurrentUser currentUser;
    private final Clock clock;

    RecommendationService(RecommendationStore store, ProcessAccess access, SurveyAnalysisService surveys,
                          PanelSeatingService seating, SurveyService waves, CurrentUser currentUser, Clock clock) {
        this.waves = waves;
        this.store = store;
        this.access = access;
        this.surveys = surveys;
        this.seating = seating;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // --- reading --------------------------------------------------------------------------------------------

    /** The process's items in their order, each in its current version. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<RecommendationItem> items(long processId) {
        access.requireView(processId);
        Votes votes = new Votes(votable(processId));
        List<RecommendationStore.Row> rows = store.items(processId);
        List<RecommendationItem> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            list.add(item(rows.get(i), i + 1, votes));
        }
        return list;
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public RecommendationItem item(long itemId) {
        RecommendationStore.Row row = load(itemId, false);
        return items(row.processId()).stream().filter(i -> i.itemId() == itemId).findFirst().orElseThrow();
    }

    /** Every version of an item, oldest first, with who wrote it, when and why. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<ItemVersion> history(long itemId) {
        load(itemId, false);
        return store.versions(itemId);
    }

    /** Whether the current user may change the process's items (officials only read). */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public boolean canEdit(long processId) {
        access.requireView(processId);
        return access.canEdit(processId);
    }

    /** The survey questions an item of the process can be voted on with, for the editor. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<WaveQuestion> voteQuestions(long processId) {
        access.requireView(processId);
        return votable(processId);
    }

    private List<WaveQuestion> votable(long processId) {
        return surveys.waveQuestions(processId).stream().filter(WaveQuestion::votable).toList();
    }

    // --- editing --------------------------------------------------------------------------------------------

    /**
     * Creates an item, or writes a new version of one when something it says (or its vote) changed; the old
     * versions stay as they were. Every problem is reported at once and nothing is saved unless all is well. A
     * save on top of a version someone else has replaced meanwhile is refused.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ItemSaved save(ItemForm form) {
        access.requireEdit(form.processId());
        RecommendationStore.Row existing = null;
        if (form.itemId() != null) {
            existing = load(form.itemId(), true);
            if (existing.processId() != form.processId()) {
                throw new UserFacingException("recommendation.item.not-found");
            }
            if (form.expectedVersion() == null || existing.current().version() != form.expectedVersion()) {
                throw new UserFacingException("recommendation.concurrent-edit");
            }
        }
        ItemVersion content = validate(form);
        if (existing != null && sameContent(existing.current(), content)) {
            return new ItemSaved(existing.itemId(), existing.current().version(), false);
        }
        StaffUser user = currentUser.staff().orElse(null);
        if (existing == null) {
            long itemId = store.insertItem(form.processId());
            store.insertVersion(itemId, 1, content, user == null ? null : user.accountId());
            return new ItemSaved(itemId, 1, true);
        }
        int next = existing.current().version() + 1;
        if (!store.advance(existing.itemId(), existing.current().version())) {
            throw new UserFacingException("recommendation.concurrent-edit");
        }
        store.insertVersion(existing.itemId(), next, content, user == null ? null : user.accountId());
        return new ItemSaved(existing.itemId(), next, true);
    }

    /** Removes an item from the list (its versions and opinions are kept, out of sight). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void delete(long itemId) {
        load(itemId, true);
        if (!store.markDeleted(itemId, clock.instant(), actor())) {
            throw new UserFacingException("recommendation.item.not-found");
        }
    }

    /** Moves an item one place up or down the list; at either end nothing changes. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void move(long itemId, boolean up) {
        RecommendationStore.Row row = load(itemId, true);
        store.lockItems(row.processId());
        List<RecommendationStore.Row> rows = store.items(row.processId());
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).itemId() == itemId) {
                index = i;
            }
        }
        int other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= rows.size()) {
            return;
        }
        // Renumbered 1…n while at it, so equal positions (which nothing makes, but a hand edit could) cannot stick.
        List<RecommendationStore.Row> order = new ArrayList<>(rows);
        order.set(index, rows.get(other));
        order.set(other, rows.get(index));
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position() != i + 1) {
                store.setPosition(order.get(i).itemId(), i + 1);
            }
        }
    }

    private ItemVersion validate(ItemForm form) {
        Problems problems = new Problems();
        String title = strip(form.title());
        if (title.isEmpty()) {
            problems.add("title", "recommendation.error.title-required");
        } else if (title.length() > TITLE_MAX) {
            problems.add("title", "recommendation.error.title-too-long", TITLE_MAX);
        }
        String text = strip(form.text());
        if (text.isEmpty()) {
            problems.add("text", "recommendation.error.text-required");
        } else if (text.length() > TEXT_MAX) {
            problems.add("text", "recommendation.error.text-too-long", TEXT_MAX);
        }
        String rationale = strip(form.rationale());
        if (rationale.length() > TEXT_MAX) {
            problems.add("rationale", "recommendation.error.rationale-too-long", TEXT_MAX);
        }
        String note = strip(form.changeNote());
        if (note.length() > NOTE_MAX) {
            problems.add("changeNote", "recommendation.error.note-too-long", NOTE_MAX);
        }
        problems.noIdNumber("title", title).noIdNumber("text", text).noIdNumber("rationale", rationale)
                .noIdNumber("changeNote", note);

        // The vote link: a question of a wave of this process, of a kind support can be read from, and a rule.
        Long waveId = form.voteWaveId();
        String code = strip(form.voteQuestionCode());
        WaveQuestion question = null;
        SupportRule rule = null;
        boolean linked = waveId != null || !code.isEmpty();
        if (linked) {
            if (waveId == null) {
                problems.add("voteWave", "recommendation.error.vote-wave-required");
            } else if (waves.waves(form.processId()).stream().noneMatch(w -> w.id() == waveId)) {
                problems.add("voteWave", "recommendation.error.vote-wave-unknown");
            } else if (code.isEmpty()) {
                problems.add("voteQuestion", "recommendation.error.vote-question-required");
            } else {
                question = surveys.waveQuestions(form.processId()).stream()
                        .filter(q -> q.waveId() == waveId && q.code().equals(code)).findFirst().orElse(null);
                if (question == null) {
                    problems.add("voteQuestion", "recommendation.error.vote-question-unknown");
                } else if (!question.votable()) {
                    problems.add("voteQuestion", "recommendation.error.vote-question-type");
                    question = null;
                }
            }
            if (question != null) {
                rule = validateRule(question, form.rule(), problems);
            }
        }

        List<ItemOption> options = form.options();
        if (options.size() > OPTIONS_MAX) {
            problems.add("options", "recommendation.error.too-many-options", OPTIONS_MAX);
        }
        for (int i = 0; i < options.size(); i++) {
            ItemOption option = options.get(i);
            if (option.label().isEmpty()) {
                problems.add("options", "recommendation.error.option-label-required", i + 1);
            } else if (option.label().length() > TITLE_MAX) {
                problems.add("options", "recommendation.error.option-label-too-long", i + 1, TITLE_MAX);
            }
            problems.noIdNumber("options", option.label());
            if (option.answerCode() != null) {
                if (!linked) {
                    problems.add("options", "recommendation.error.option-code-without-vote", i + 1);
                } else if (question != null && !question.answerCodes().contains(option.answerCode())) {
                    problems.add("options", "recommendation.error.option-code-unknown", i + 1, option.answerCode());
                }
            }
        }
        problems.throwIfAny();
        StaffUser user = currentUser.staff().orElse(null);
        return new ItemVersion(0, title, text, rationale.isEmpty() ? null : rationale, options,
                linked ? waveId : null, linked ? code : null, rule, note.isEmpty() ? null : note,
                user == null ? actor() : user.displayName(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private SupportRule validateRule(WaveQuestion question, SupportRule rule, Problems problems) {
        if (rule == null || rule.kind() == null) {
            problems.add("rule", "recommendation.error.rule-required");
            return null;
        }
        QuestionType type = question.type();
        if (type.isScale()) {
            if (rule.kind() != RuleKind.SCALE_AT_LEAST) {
                problems.add("rule", "recommendation.error.rule-kind-scale");
                return null;
            }
            if (rule.min() == null || rule.min() < type.scaleMin() || rule.min() > type.scaleMax()) {
                problems.add("ruleMin", "recommendation.error.rule-min-range", type.scaleMin(), type.scaleMax());
                return null;
            }
            return SupportRule.atLeast(rule.min());
        }
        if (rule.kind() != RuleKind.OPTIONS) {
            problems.add("rule", "recommendation.error.rule-kind-options");
            return null;
        }
        if (rule.optionCodes().isEmpty()) {
            problems.add("ruleOptions", "recommendation.error.rule-options-required");
            return null;
        }
        List<String> known = question.answerCodes();
        for (String c : rule.optionCodes()) {
            if (!known.contains(c)) {
                problems.add("ruleOptions", "recommendation.error.rule-option-unknown", c);
                return null;
            }
        }
        return SupportRule.options(rule.optionCodes());
    }

    private static boolean sameContent(ItemVersion a, ItemVersion b) {
        return a.title().equals(b.title()) && a.text().equals(b.text())
                && Objects.equals(a.rationale(), b.rationale()) && a.options().equals(b.options())
                && Objects.equals(a.voteWaveId(), b.voteWaveId())
                && Objects.equals(a.voteQuestionCode(), b.voteQuestionCode()) && Objects.equals(a.rule(), b.rule());
    }

    // --- thresholds -----------------------------------------------------------------------------------------

    /** The process's thresholds: as saved, or two thirds to adopt and a majority for reservations. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public SupportThresholds thresholds(long processId) {
        access.requireView(processId);
        return store.thresholds(processId).orElseGet(SupportThresholds::twoThirdsAndMajority);
    }

    /**
     * Saves the thresholds, given in percent (0–100). A value within 0.05 points of a third or two thirds (33.3,
     * 66.7, 66.67 …) is taken as that exact fraction, so "two thirds" means 2 of 3 and not 66.7 %.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public SupportThresholds saveThresholds(long processId, Double adoptPercent, Double reservationsPercent) {
        access.requireEdit(processId);
        Problems problems = new Problems();
        boolean adoptOk = checkPercent("adopt", adoptPercent, problems);
        boolean reservationsOk = checkPercent("reservations", reservationsPercent, problems);
        if (adoptOk && reservationsOk && reservationsPercent > adoptPercent) {
            problems.add("reservations", "recommendation.error.reservations-above-adopt");
        }
        problems.throwIfAny();
        SupportThresholds thresholds = new SupportThresholds(fraction(adoptPercent), fraction(reservationsPercent));
        store.saveThresholds(processId, thresholds, actor(), clock.instant());
        return thresholds;
    }

    private static boolean checkPercent(String field, Double percent, Problems problems) {
        if (percent == null || percent.isNaN()) {
            problems.add(field, "recommendation.error.threshold-required");
            return false;
        }
        if (percent < 0 || percent > 100) {
            problems.add(field, "recommendation.error.threshold-range");
            return false;
        }
        return true;
    }

    static double fraction(double percent) {
        for (int thirds = 1; thirds <= 2; thirds++) {
            if (Math.abs(percent - thirds * 100.0 / 3) < 0.05) {
                return thirds / 3.0;
            }
        }
        return percent / 100.0;
    }

    // --- results --------------------------------------------------------------------------------------------

    /** Every current item with the panel's vote on it: support, options chosen, support per stratum, minority opinions. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public RecommendationResults results(long processId) {
        access.requireView(processId);
        SupportThresholds thresholds = thresholds(processId);
        Votes votes = new Votes(votable(processId));
        Strata strata = new Strata(seating.roster(processId));
        List<RecommendationStore.Row> rows = store.items(processId);
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RecommendationStore.Row row = rows.get(i);
            ItemVersion v = row.current();
            Tally tally = tally(v, votes);
            List<ItemResult.OptionResult> options = new ArrayList<>();
            List<ItemResult.StratumSupport> byStratum = new ArrayList<>();
            SupportShare support = null;
            if (tally != null) {
                support = SupportShare.of(tally.supporters(), tally.voters().size(), thresholds);
                for (ItemOption option : v.options()) {
                    if (option.answerCode() != null) {
                        int chosen = (int) tally.voters().stream()
                                .filter(a -> a.values().contains(option.answerCode())).count();
                        options.add(optionResult(option.label(), chosen, tally.voters().size()));
                    }
                }
                byStratum = strata.support(tally.voters(), v.rule());
            }
            items.add(new ItemResult(row.itemId(), i + 1, v.version(), v.title(), v.text(), v.rationale(), options,
                    votes.label(v), support, byStratum, store.opinions(row.itemId()), v.author(), v.createdAt()));
        }
        return new RecommendationResults(processId, thresholds, items);
    }

    /** Who voted on an item (answered its question in a submitted response) and how many of them support it. */
    private record Tally(List<SubmittedAnswer> voters, int supporters) {
    }

    /** Null when the item has no vote, or its link no longer leads to a vote-able question. */
    private Tally tally(ItemVersion v, Votes votes) {
        if (v.voteWaveId() == null || v.voteQuestionCode() == null || v.rule() == null
                || votes.question(v.voteWaveId(), v.voteQuestionCode()).isEmpty()) {
            return null;
        }
        List<SubmittedAnswer> voters = votes.answers(v.voteWaveId(), v.voteQuestionCode()).stream()
                .filter(SubmittedAnswer::answered).toList();
        int supporters = (int) voters.stream().filter(a -> v.rule().supports(a.values())).count();
        return new Tally(voters, supporters);
    }

    private static ItemResult.OptionResult optionResult(String label, int chosen, int voters) {
        double[] ci = Intervals.wilson(chosen, voters);
        return new ItemResult.OptionResult(label, chosen, voters, voters == 0 ? Double.NaN : (double) chosen / voters,
                ci[0], ci[1]);
    }

    /** The process's vote-able questions, and their submitted answers fetched once per question. */
    private final class Votes {

        private final List<WaveQuestion> questions;
        private final Map<String, List<SubmittedAnswer>> answers = new HashMap<>();

        Votes(List<WaveQuestion> questions) {
            this.questions = questions;
        }

        Optional<WaveQuestion> question(long waveId, String code) {
            return questions.stream().filter(q -> q.waveId() == waveId && q.code().equals(code)).findFirst();
        }

        List<SubmittedAnswer> answers(long waveId, String code) {
            return answers.computeIfAbsent(waveId + "/" + code, k -> surveys.submittedAnswers(waveId, code));
        }

        /** "5차 · 권고안 투표 · R1"; null when the item has no vote or its wave is gone. */
        String label(ItemVersion v) {
            if (v.voteWaveId() == null || v.voteQuestionCode() == null) {
                return null;
            }
            return questions.stream().filter(q -> q.waveId() == v.voteWaveId()).findFirst()
                    .map(q -> q.waveNumber() + "차 · " + q.waveTitle().ko() + " · " + v.voteQuestionCode())
                    .orElse(null);
        }
    }

    /** The seated panel's recruitment features and their values, to break support down by. */
    private static final class Strata {

        private final List<String> features;
        private final Map<String, List<String>> values;

        Strata(PanelRoster roster) {
            // The targets' features first, then any other feature the members carry (as the survey analysis does).
            Set<String> all = new LinkedHashSet<>(roster.features());
            roster.members().stream().map(RosterMember::features).flatMap(f -> f.keySet().stream()).sorted()
                    .forEach(all::add);
            this.features = List.copyOf(all);
            this.values = new LinkedHashMap<>(roster.values());
        }

        /** One row per value of each feature: the targets' values, then any other value a voter has. */
        List<ItemResult.StratumSupport> support(List<SubmittedAnswer> voters, SupportRule rule) {
            List<ItemResult.StratumSupport> rows = new ArrayList<>();
            for (String feature : features) {
                Set<String> featureValues = new LinkedHashSet<>(values.getOrDefault(feature, List.of()));
                voters.stream().map(a -> a.strata().get(feature)).filter(Objects::nonNull).sorted()
                        .forEach(featureValues::add);
                for (String value : featureValues) {
                    List<SubmittedAnswer> group = voters.stream()
                            .filter(a -> value.equals(a.strata().get(feature))).toList();
                    int supporters = (int) group.stream().filter(a -> rule.supports(a.values())).count();
                    double[] ci = Intervals.wilson(supporters, group.size());
                    rows.add(new ItemResult.StratumSupport(feature, value, group.size(), supporters,
                            group.isEmpty() ? Double.NaN : (double) supporters / group.size(), ci[0], ci[1]));
                }
            }
            return rows;
        }
    }

    // --- minority opinions ----------------------------------------------------------------------------------

    /**
     * Records or corrects a minority opinion of an item: what they hold and why are required; how many hold it is
     * at least 0 and, when the item has a vote, at most its voters (left empty: the voters who did not support it).
     *
     * @return the opinion's id
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public long saveMinorityOpinion(long itemId, MinorityOpinionForm form) {
        RecommendationStore.Row row = load(itemId, true);
        if (form.id() != null) {
            RecommendationStore.OpinionRow existing = store.opinion(form.id())
                    .orElseThrow(() -> new UserFacingException("recommendation.opinion.not-found"));
            if (existing.itemId() != itemId) {
                throw new UserFacingException("recommendation.opinion.not-found");
            }
        }
        Tally tally = tally(row.current(), new Votes(votable(row.processId())));
        Problems problems = new Problems();
        String position = strip(form.position());
        if (position.isEmpty()) {
            problems.add("position", "recommendation.error.opinion-position-required");
        } else if (position.length() > OPINION_MAX) {
            problems.add("position", "recommendation.error.opinion-too-long", OPINION_MAX);
        }
        String reasons = strip(form.reasons());
        if (reasons.isEmpty()) {
            problems.add("reasons", "recommendation.error.opinion-reasons-required");
        } else if (reasons.length() > OPINION_MAX) {
            problems.add("reasons", "recommendation.error.opinion-too-long", OPINION_MAX);
        }
        problems.noIdNumber("position", position).noIdNumber("reasons", reasons);
        Integer holders = form.holders();
        if (holders == null) {
            if (tally == null) {
                problems.add("holders", "recommendation.error.holders-required");
            } else {
                holders = tally.voters().size() - tally.supporters();
            }
        } else if (holders < 0) {
            problems.add("holders", "recommendation.error.holders-negative");
        } else if (tally != null && holders > tally.voters().size()) {
            problems.add("holders", "recommendation.error.holders-above-voters", tally.voters().size());
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        if (form.id() == null) {
            return store.insertOpinion(itemId, position, reasons, holders, actorDisplayName(), now);
        }
        store.updateOpinion(form.id(), position, reasons, holders, actorDisplayName(), now);
        return form.id();
    }

    /** How many hold a minority opinion by default: the item's voters who did not support it (null: no vote). */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public Integer suggestedHolders(long itemId) {
        RecommendationStore.Row row = load(itemId, false);
        Tally tally = tally(row.current(), new Votes(votable(row.processId())));
        return tally == null ? null : tally.voters().size() - tally.supporters();
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void deleteMinorityOpinion(long opinionId) {
        RecommendationStore.OpinionRow existing = store.opinion(opinionId)
                .orElseThrow(() -> new UserFacingException("recommendation.opinion.not-found"));
        load(existing.itemId(), true);
        store.deleteOpinion(opinionId);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /**
     * An item that is not deleted, after checking the user may see (or change) its process: an item of a process
     * outside the user's reach is "not found" like one that does not exist (and the attempt is logged).
     */
    private RecommendationStore.Row load(long itemId, boolean edit) {
        long processId = store.processOf(itemId)
                .orElseThrow(() -> new UserFacingException("recommendation.item.not-found"));
        if (edit) {
            access.requireEdit(processId);
        } else {
            access.requireView(processId);
        }
        return store.item(itemId).orElseThrow(() -> new UserFacingException("recommendation.item.not-found"));
    }

    private RecommendationItem item(RecommendationStore.Row row, int number, Votes votes) {
        ItemVersion v = row.current();
        return new RecommendationItem(row.itemId(), row.processId(), number, v.version(), v.title(), v.text(),
                v.rationale(), v.options(), v.voteWaveId(), v.voteQuestionCode(), v.rule(), votes.label(v),
                v.changeNote(), v.author(), v.createdAt());
    }

    private String actor() {
        return currentUser.actorName();
    }

    private String actorDisplayName() {
        return currentUser.actorDisplayName();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
