package org.gongnon.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.gongnon.algorithms.stats.CategoryShare;
import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.ShareChange;
import org.gongnon.algorithms.stats.WeightedMean;
import org.gongnon.algorithms.stats.WeightedShare;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.ProcessStepsPage;
import org.gongnon.base.ui.ShareBarChart;
import org.gongnon.security.Roles;
import org.gongnon.survey.AnalysisWave;
import org.gongnon.survey.KnowledgeAnalysis;
import org.gongnon.survey.PositionRule;
import org.gongnon.survey.QuestionAnalysis;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.StratumChange;
import org.gongnon.survey.SurveyAnalysis;
import org.gongnon.survey.SurveyAnalysisService;

/**
 * Opinion change between two survey waves: for each tracked question, its answers in every wave (charts with
 * a table for screen readers), the change among the people who answered both waves with its tests, the same
 * per stratum of the recruitment features, the knowledge index, and, on request, estimates weighted to the
 * population by one recruitment feature. Each statistic is explained in a line of the legend and in the
 * column heading's tooltip.
 */
@Route("processes/:processId/surveys/analysis")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class SurveyAnalysisView extends SurveyPage {

    private final transient SurveyAnalysisService service;
    final Select<AnalysisWave> before = new Select<>();
    final Select<AnalysisWave> after = new Select<>();
    final Select<String> weighting = new Select<>();
    /** Everything below the choices; rebuilt when a choice changes. */
    final Div results = new Div();
    SurveyAnalysis analysis;
    /** Set while the page itself fills the choices, so that doing so does not run the analysis again. */
    private boolean filling;

    public SurveyAnalysisView(SurveyAnalysisService service) {
        super(ANALYSIS);
        this.service = service;
        // Added once, should the router reuse this view for another process.
        before.addValueChangeListener(e -> choicesChanged());
        after.addValueChangeListener(e -> choicesChanged());
        weighting.addValueChangeListener(e -> choicesChanged());
    }


    @Override
    protected String titleKey() {
        return "survey.analysis.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        analysis = service.analysis(processId, null, null, null);
        results.setId("analysis-results");
        results.addClassName("gn-analysis");
        if (analysis.waves().isEmpty()) {
            body.add(empty("analysis-empty-waves", "survey.analysis.empty.no-waves"),
                    new Anchor(path(processId, "surveys"), getTranslation("survey.nav.waves")));
            return;
        }
        body.add(choices(), legend(), results);
        fillChoices();
        show();
    }

    // --- choices ----------------------------------------------------------------------------------------------

    private Component choices() {
        Locale locale = getLocale();
        before.setLabel(getTranslation("survey.analysis.before"));
        before.setId("analysis-before");
        after.setLabel(getTranslation("survey.analysis.after"));
        after.setId("analysis-after");
        for (Select<AnalysisWave> select : List.of(before, after)) {
            select.setItemLabelGenerator(w -> waveLabel(w, locale) + " · " + getTranslation(
                    "survey.analysis.submitted-count", w.submitted()));
            select.setMinWidth("18em");
        }
        weighting.setLabel(getTranslation("survey.analysis.weighting"));
        weighting.setId("analysis-weighting");
        weighting.setEmptySelectionAllowed(true);
        weighting.setEmptySelectionCaption(getTranslation("survey.analysis.weighting-none"));
        weighting.setItemLabelGenerator(f -> f == null ? getTranslation("survey.analysis.weighting-none") : f);
        weighting.setMinWidth("14em");
        Div row = new Div(before, after, weighting);
        row.addClassName("gn-form-row");
        Paragraph hint = new Paragraph(getTranslation("survey.analysis.weighting-hint"));
        hint.addClassName("gn-hint");
        Div box = new Div(row, hint);
        box.addClassName("gn-card");
        return box;
    }

    private void fillChoices() {
        filling = true;
        try {
            before.setItems(analysis.waves());
            after.setItems(analysis.waves());
            before.setValue(analysis.hasPair() ? analysis.wave(analysis.beforeWaveId()).orElse(null) : null);
            after.setValue(analysis.hasPair() ? analysis.wave(analysis.afterWaveId()).orElse(null) : null);
            weighting.setItems(analysis.weightingFeatures());
            weighting.setValue(analysis.weighting() == null ? null : analysis.weighting().feature());
            weighting.setEnabled(!analysis.weightingFeatures().isEmpty());
        } finally {
            filling = false;
        }
    }

    void choicesChanged() {
        if (filling || before.getValue() == null || after.getValue() == null) {
            return;
        }
        try {
            analysis = service.analysis(processId, before.getValue().id(), after.getValue().id(), weighting.getValue());
            show();
        } catch (UserFacingException e) {
            results.removeAll();
            Paragraph refusal = new Paragraph(Messages.of(this, e));
            refusal.setId("analysis-refusal");
            refusal.addClassName("gn-error-box");
            refusal.getElement().setAttribute("role", "alert");
            results.add(refusal);
            Notifications.error(Messages.of(this, e));
        }
    }

    // --- the legend -------------------------------------------------------------------------------------------

    private static final List<String> LEGEND = List.of("paired", "difference", "ci", "t", "wilcoxon", "effect",
            "position", "strata", "knowledge", "weighting", "effective-n");

    private Component legend() {
        DescriptionList list = new DescriptionList();
        list.setId("analysis-legend");
        for (String key : LEGEND) {
            list.add(new DescriptionList.Term(getTranslation("survey.analysis.legend." + key)),
                    new DescriptionList.Description(getTranslation("survey.analysis.legend." + key + ".text")));
        }
        H3 title = new H3(getTranslation("survey.analysis.legend"));
        title.setId("analysis-legend-title");
        Section section = new Section(title, list);
        section.getElement().setAttribute("aria-labelledby", "analysis-legend-title");
        section.addClassNames("gn-card", "gn-analysis-legend");
        return section;
    }

    // --- results ----------------------------------------------------------------------------------------------

    private void show() {
        results.removeAll();
        if (!analysis.hasPair()) {
            results.add(empty("analysis-empty-pair", "survey.analysis.empty.one-wave"));
            return;
        }
        Locale locale = getLocale();
        AnalysisWave from = analysis.wave(analysis.beforeWaveId()).orElseThrow();
        AnalysisWave to = analysis.wave(analysis.afterWaveId()).orElseThrow();
        Paragraph summary = new Paragraph(getTranslation("survey.analysis.summary", waveLabel(from, locale),
                from.submitted(), waveLabel(to, locale), to.submitted(), analysis.pairedRespondents()));
        summary.setId("analysis-summary");
        summary.getElement().setAttribute("role", "status");
        results.add(summary);
        if (analysis.pairedRespondents() == 0) {
            results.add(empty("analysis-empty-common", "survey.analysis.empty.no-common"));
        }
        if (analysis.weighting() != null) {
            results.add(weightingCard());
        }
        if (analysis.questions().isEmpty()) {
            results.add(empty("analysis-empty-tracked", analysis.tracked().isEmpty()
                    ? "survey.analysis.empty.no-tracked" : "survey.analysis.empty.none-in-both"));
        }
        analysis.questions().forEach(q -> results.add(questionCard(q)));
        otherTracked();
        if (analysis.knowledge() != null) {
            results.add(knowledgeCard(analysis.knowledge()));
        }
    }

    /** Tracked questions that are not compared in this pair, with the waves that ask them. */
    private void otherTracked() {
        List<String> compared = analysis.questions().stream().map(QuestionAnalysis::code).toList();
        List<SurveyAnalysis.TrackedQuestion> others = analysis.tracked().stream()
                .filter(t -> !compared.contains(t.code())).toList();
        if (others.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("analysis-other-tracked");
        for (SurveyAnalysis.TrackedQuestion t : others) {
            String waves = String.join(", ", t.waveIds().stream().map(id -> analysis.wave(id)
                    .map(w -> shortWave(w)).orElse("?")).toList());
            String text = getTranslation("survey.analysis.other-tracked.item", t.code(), t.text().in(getLocale()),
                    waves);
            if (t.kindsDiffer()) {
                text += " " + getTranslation("survey.analysis.other-tracked.kinds-differ");
            }
            list.add(new ListItem(text));
        }
        Paragraph intro = new Paragraph(getTranslation("survey.analysis.other-tracked"));
        intro.addClassName("gn-hint");
        Div box = new Div(intro, list);
        box.addClassName("gn-card");
        results.add(box);
    }

    private Component weightingCard() {
        Locale locale = getLocale();
        SurveyAnalysis.Weighting w = analysis.weighting();
        NativeTable table = table("weighting-table", getTranslation("survey.analysis.weighting.caption", w.feature()));
        header(table, List.of(column("survey.analysis.col.wave"), column("survey.analysis.col.respondents"),
                column("survey.analysis.col.weighable"), column("survey.analysis.col.effective-n"),
                column("survey.analysis.col.empty-cells")));
        for (SurveyAnalysis.WaveWeights ww : w.waves()) {
            AnalysisWave wave = analysis.wave(ww.waveId()).orElseThrow();
            row(table, waveLabel(wave, locale), String.valueOf(ww.respondents()), String.valueOf(ww.weighable()),
                    AnalysisFormats.number(locale, ww.effectiveN(), 1),
                    ww.emptyCells().isEmpty() ? AnalysisFormats.NONE : String.join(", ", ww.emptyCells()));
        }
        Paragraph note = new Paragraph(getTranslation("survey.analysis.weighting.note", w.feature()));
        note.addClassName("gn-hint");
        return card("analysis-weighting-card", getTranslation("survey.analysis.weighting.title", w.feature()),
                note, scroll(table));
    }

    private Component questionCard(QuestionAnalysis q) {
        Locale locale = getLocale();
        List<Component> parts = new ArrayList<>();
        Paragraph kind = new Paragraph(getTranslation("survey.analysis.type." + q.type().name()) + " · "
                + getTranslation("survey.analysis.position." + q.positionRule().name()));
        kind.addClassName("gn-hint");
        parts.add(kind);
        parts.addAll(charts(q));
        parts.add(scroll(meansTable(q)));
        H4 changeTitle = new H4(getTranslation("survey.analysis.change-title"));
        parts.add(changeTitle);
        if (q.pairedN() == 0) {
            parts.add(empty("change-empty-" + q.code(), "survey.analysis.empty.no-pairs"));
        } else {
            NativeTable change = changeTable("change-" + q.code(), getTranslation("survey.analysis.change.caption",
                    q.code()), q.type().isNumeric(), q.positionRule());
            changeRow(change, List.of(getTranslation("survey.analysis.all")), q.pairedN(), q.change(), q.position(),
                    q.type().isNumeric(), q.positionRule(), 2);
            parts.add(scroll(change));
            parts.add(strataTable("strata-" + q.code(), getTranslation("survey.analysis.strata.caption",
                    q.code()), q.strata(), q.type().isNumeric(), q.positionRule(), 2));
        }
        return card("analysis-question-" + q.code(), q.text().in(locale) + " (" + q.code() + ")",
                parts.toArray(Component[]::new));
    }

    /** One chart per four waves (the chart's limit of series), then the same weighted when asked for. */
    private List<Component> charts(QuestionAnalysis q) {
        Locale locale = getLocale();
        List<Component> charts = new ArrayList<>();
        if (q.categories().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("survey.analysis.no-distribution"));
            none.addClassName("gn-hint");
            charts.add(none);
            return charts;
        }
        List<String> labels = q.categories().stream().map(c -> categoryLabel(q, c, locale)).toList();
        String header = getTranslation(q.type() == QuestionType.RANKING ? "survey.analysis.category-first"
                : "survey.analysis.category");
        List<QuestionAnalysis.WaveAnswers> answered = q.waves().stream().filter(w -> w.answered() > 0).toList();
        for (int from = 0; from < answered.size(); from += ShareBarChart.MAX_SERIES) {
            List<ShareBarChart.Series> series = new ArrayList<>();
            for (QuestionAnalysis.WaveAnswers w : answered.subList(from,
                    Math.min(answered.size(), from + ShareBarChart.MAX_SERIES))) {
                String label = getTranslation("survey.analysis.series", shortWave(w.waveId()), w.answered());
                series.add(new ShareBarChart.Series(label, shares(w.distribution(), CategoryShare::share)));
            }
            ShareBarChart chart = new ShareBarChart(getTranslation(q.type() == QuestionType.MULTIPLE_CHOICE
                    ? "survey.analysis.chart.multiple" : "survey.analysis.chart", q.code()), header, labels,
                    series);
            chart.setId("chart-" + q.code() + (from == 0 ? "" : "-" + from));
            charts.add(chart);
        }
        if (analysis.weighting() != null) {
            List<QuestionAnalysis.WaveAnswers> weighted = answered.stream()
                    .filter(w -> w.weighted() != null && w.weighted().weighable() > 0).toList();
            for (int from = 0; from < weighted.size(); from += ShareBarChart.MAX_SERIES) {
                List<ShareBarChart.Series> series = new ArrayList<>();
                for (QuestionAnalysis.WaveAnswers w : weighted.subList(from,
                        Math.min(weighted.size(), from + ShareBarChart.MAX_SERIES))) {
                    series.add(new ShareBarChart.Series(getTranslation("survey.analysis.series-weighted",
                            shortWave(w.waveId())), shares(w.weighted().distribution(), WeightedShare::share)));
                }
                ShareBarChart chart = new ShareBarChart(getTranslation("survey.analysis.chart.weighted",
                        q.code(), analysis.weighting().feature()), header, labels, series);
                chart.setId("chart-weighted-" + q.code() + (from == 0 ? "" : "-" + from));
                charts.add(chart);
            }
        }
        return charts;
    }

    private static <T> List<Double> shares(List<T> distribution, Function<T, Double> share) {
        // Multiple choice can exceed nothing (shares of people, each at most 1); clamp rounding noise only.
        return distribution.stream().map(share).map(s -> s == null || s.isNaN() ? s : Math.max(0, Math.min(1, s)))
                .toList();
    }

    private String categoryLabel(QuestionAnalysis q, QuestionAnalysis.Category c, Locale locale) {
        String label = c.label().in(locale);
        if (c.code().equals(q.correctOption())) {
            return getTranslation("survey.analysis.correct-option", label);
        }
        return q.type().isScale() && !label.equals(c.code()) ? c.code() + " · " + label : label;
    }

    private NativeTable meansTable(QuestionAnalysis q) {
        Locale locale = getLocale();
        boolean numeric = q.type().isNumeric();
        boolean weighted = analysis.weighting() != null;
        NativeTable table = table("means-" + q.code(), getTranslation(numeric ? "survey.analysis.means.caption"
                : "survey.analysis.counts.caption", q.code()));
        List<NativeTableHeaderCell> heads = new ArrayList<>(List.of(column("survey.analysis.col.wave"),
                column("survey.analysis.col.answered")));
        if (numeric) {
            heads.add(column("survey.analysis.col.mean"));
        }
        if (weighted) {
            if (numeric) {
                heads.add(column("survey.analysis.col.weighted-mean"));
            }
            heads.add(column("survey.analysis.col.effective-n"));
        }
        header(table, heads);
        for (QuestionAnalysis.WaveAnswers w : q.waves()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(w.answered())));
            if (numeric) {
                cells.add(AnalysisFormats.number(locale, w.mean(), 2));
            }
            if (weighted) {
                QuestionAnalysis.Weighted ww = w.weighted();
                WeightedMean m = ww == null ? null : ww.mean();
                if (numeric) {
                    cells.add(m == null ? AnalysisFormats.NONE : AnalysisFormats.number(locale, m.mean(), 2) + " "
                            + AnalysisFormats.interval(locale, m.ciLow(), m.ciHigh(), 2));
                }
                cells.add(ww == null ? AnalysisFormats.NONE : AnalysisFormats.number(locale, ww.effectiveN(), 1));
            }
            rowWithHeader(table, waveLabel(analysis.wave(w.waveId()).orElseThrow(), locale), cells);
        }
        return table;
    }

    // --- the change tables ------------------------------------------------------------------------------------

    /** Columns: (row headers), n, then the paired statistics of a number, then the position change. */
    private NativeTable changeTable(String id, String caption, boolean numeric, PositionRule rule) {
        return changeTable(id, caption, List.of(), numeric, rule);
    }

    private NativeTable changeTable(String id, String caption, List<String> rowHeaderKeys, boolean numeric,
                                    PositionRule rule) {
        NativeTable table = table(id, caption);
        List<NativeTableHeaderCell> heads = new ArrayList<>();
        if (rowHeaderKeys.isEmpty()) {
            heads.add(column("survey.analysis.col.group"));
        } else {
            rowHeaderKeys.forEach(k -> heads.add(column(k)));
        }
        heads.add(column("survey.analysis.col.n"));
        if (numeric) {
            heads.addAll(List.of(column("survey.analysis.col.mean-before"), column("survey.analysis.col.mean-after"),
                    column("survey.analysis.col.difference"), column("survey.analysis.col.t"),
                    column("survey.analysis.col.t-p"),
                    column("survey.analysis.col.wilcoxon-p"), column("survey.analysis.col.effect")));
        }
        if (rule != PositionRule.NONE) {
            heads.add(column("survey.analysis.col.changed"));
            if (rule == PositionRule.SIDE_OF_MIDPOINT) {
                heads.add(column("survey.analysis.col.up-down"));
            }
        }
        header(table, heads);
        return table;
    }

    private void changeRow(NativeTable table, List<String> rowHeaders, int n, PairedChange change,
                           ShareChange position, boolean numeric, PositionRule rule, int decimals) {
        changeRow(table, rowHeaders, 0, n, change, position, numeric, rule, decimals);
    }

    /** @param spanned when positive, the first row header spans this many rows */
    private void changeRow(NativeTable table, List<String> rowHeaders, int spanned, int n, PairedChange change,
                           ShareChange position, boolean numeric, PositionRule rule, int decimals) {
        Locale locale = getLocale();
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(n));
        boolean tooSmall = n < 2;
        if (numeric) {
            if (change == null) {
                cells.addAll(java.util.Collections.nCopies(7, AnalysisFormats.NONE));
            } else {
                cells.add(AnalysisFormats.number(locale, change.meanBefore(), decimals));
                cells.add(AnalysisFormats.number(locale, change.meanAfter(), decimals));
                cells.add(AnalysisFormats.signed(locale, change.meanDifference(), decimals) + " "
                        + AnalysisFormats.interval(locale, change.ciLow(), change.ciHigh(), decimals));
                cells.add(AnalysisFormats.number(locale, change.tStatistic(), 2));
                cells.add(AnalysisFormats.p(locale, change.tPValue()));
                cells.add(AnalysisFormats.p(locale, change.wilcoxonPValue()));
                cells.add(AnalysisFormats.number(locale, change.effectSize(), 2));
            }
        }
        if (rule != PositionRule.NONE) {
            if (position == null) {
                cells.add(AnalysisFormats.NONE);
                if (rule == PositionRule.SIDE_OF_MIDPOINT) {
                    cells.add(AnalysisFormats.NONE);
                }
            } else {
                cells.add(AnalysisFormats.percent(locale, position.shareChanged()) + " "
                        + AnalysisFormats.percentInterval(locale, position.ciLow(), position.ciHigh()));
                if (rule == PositionRule.SIDE_OF_MIDPOINT) {
                    cells.add(getTranslation("survey.analysis.up-down", position.increased(), position.decreased()));
                }
            }
        }
        NativeTableRow row = rowWithHeaders(table, rowHeaders, cells);
        if (spanned > 0) {
            // The feature's name heads its group of rows once (rowspan), the values one row each.
            row.getHeaderCells().getFirst().getElement().setAttribute("rowspan", String.valueOf(spanned))
                    .setAttribute("scope", "rowgroup");
        }
        if (tooSmall && !rowHeaders.isEmpty()) {
            row.addClassName("gn-analysis-small");
            row.getElement().setAttribute("title", getTranslation("survey.analysis.too-small"));
        }
    }

    private Component strataTable(String id, String caption, List<StratumChange> strata, boolean numeric,
                                  PositionRule rule, int decimals) {
        Div box = new Div();
        box.add(new H4(getTranslation("survey.analysis.strata-title")));
        if (strata.isEmpty()) {
            box.add(empty(id + "-empty", "survey.analysis.empty.no-strata"));
            return box;
        }
        NativeTable table = changeTable(id, caption, List.of("survey.analysis.col.feature",
                "survey.analysis.col.value"), numeric, rule);
        String feature = null;
        for (StratumChange s : strata) {
            if (s.feature().equals(feature)) {
                changeRow(table, List.of(s.value()), s.n(), s.change(), s.position(), numeric, rule, decimals);
            } else {
                feature = s.feature();
                int span = (int) strata.stream().filter(x -> x.feature().equals(s.feature())).count();
                changeRow(table, List.of(s.feature(), s.value()), span, s.n(), s.change(), s.position(), numeric,
                        rule, decimals);
            }
        }
        Paragraph note = new Paragraph(getTranslation("survey.analysis.strata-note"));
        note.addClassName("gn-hint");
        box.add(scroll(table), note);
        return box;
    }

    // --- knowledge --------------------------------------------------------------------------------------------

    private Component knowledgeCard(KnowledgeAnalysis k) {
        Locale locale = getLocale();
        boolean weighted = analysis.weighting() != null;
        NativeTable table = table("knowledge-waves", getTranslation("survey.analysis.knowledge.caption"));
        List<NativeTableHeaderCell> heads = new ArrayList<>(List.of(column("survey.analysis.col.wave"),
                column("survey.analysis.col.items"), column("survey.analysis.col.respondents"),
                column("survey.analysis.col.index")));
        if (weighted) {
            heads.add(column("survey.analysis.col.weighted-index"));
            heads.add(column("survey.analysis.col.effective-n"));
        }
        header(table, heads);
        for (KnowledgeAnalysis.WaveIndex w : k.waves()) {
            List<String> cells = new ArrayList<>(List.of(String.join(", ", w.items()),
                    String.valueOf(w.respondents()), AnalysisFormats.percent(locale, w.mean())));
            if (weighted) {
                WeightedMean m = w.weighted();
                cells.add(m == null ? AnalysisFormats.NONE : AnalysisFormats.percent(locale, m.mean()) + " "
                        + AnalysisFormats.percentInterval(locale, m.ciLow(), m.ciHigh()));
                cells.add(AnalysisFormats.number(locale, w.effectiveN(), 1));
            }
            rowWithHeader(table, waveLabel(analysis.wave(w.waveId()).orElseThrow(), locale), cells);
        }
        List<Component> parts = new ArrayList<>();
        Paragraph definition = new Paragraph(getTranslation("survey.analysis.knowledge.definition"));
        definition.addClassName("gn-hint");
        parts.add(definition);
        parts.add(scroll(table));
        parts.add(new H4(getTranslation("survey.analysis.change-title")));
        if (k.pairedN() == 0) {
            parts.add(empty("knowledge-change-empty", "survey.analysis.empty.no-knowledge-pairs"));
        } else {
            if (!k.sameItems()) {
                Paragraph differ = new Paragraph(getTranslation("survey.analysis.knowledge.items-differ"));
                differ.setId("knowledge-items-differ");
                differ.addClassName("gn-warning");
                parts.add(differ);
            }
            // The index is a share: its means and differences read as percentage points (×100, one decimal).
            NativeTable change = changeTable("knowledge-change", getTranslation("survey.analysis.knowledge.change-caption"),
                    true, PositionRule.NONE);
            changeRow(change, List.of(getTranslation("survey.analysis.all")), k.pairedN(), points(k.change()), null,
                    true, PositionRule.NONE, 1);
            parts.add(scroll(change));
            List<StratumChange> strata = k.strata().stream().map(s -> new StratumChange(s.feature(), s.value(), s.n(),
                    points(s.change()), null)).toList();
            parts.add(strataTable("knowledge-strata", getTranslation("survey.analysis.knowledge.strata-caption"),
                    strata, true, PositionRule.NONE, 1));
            Paragraph unit = new Paragraph(getTranslation("survey.analysis.knowledge.points"));
            unit.addClassName("gn-hint");
            parts.add(unit);
        }
        return card("analysis-knowledge", getTranslation("survey.analysis.knowledge.title"),
                parts.toArray(Component[]::new));
    }

    /** The index's change in percentage points; the tests and the effect size do not depend on the unit. */
    private static PairedChange points(PairedChange c) {
        if (c == null) {
            return null;
        }
        return new PairedChange(c.n(), c.meanBefore() * 100, c.meanAfter() * 100, c.meanDifference() * 100,
                c.sdDifference() * 100, c.ciLow() * 100, c.ciHigh() * 100, c.tStatistic(), c.tPValue(),
                c.wilcoxonStatistic(), c.wilcoxonPValue(), c.effectSize());
    }

    // --- building blocks --------------------------------------------------------------------------------------

    /** "2차 · 사전 설문"; a title that already starts with its number ("2차 사전 설문") is shown as it is. */
    private String waveLabel(AnalysisWave w, Locale locale) {
        String title = w.title().in(locale);
        return title.startsWith(shortWave(w)) ? title
                : getTranslation("survey.analysis.wave-label", w.number(), title);
    }

    private String shortWave(AnalysisWave w) {
        return getTranslation("survey.analysis.wave-short", w.number());
    }

    private String shortWave(long waveId) {
        return analysis.wave(waveId).map(this::shortWave).orElse("?");
    }

    private Paragraph empty(String id, String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.setId(id);
        p.addClassName("gn-empty");
        return p;
    }

    private Section card(String id, String title, Component... content) {
        H3 heading = new H3(title);
        heading.setId(id + "-title");
        Section section = new Section(heading);
        section.add(content);
        section.setId(id);
        section.getElement().setAttribute("aria-labelledby", id + "-title");
        section.addClassNames("gn-card", "gn-analysis-card");
        return section;
    }

    private static NativeTable table(String id, String caption) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("gn-table");
        table.setCaptionText(caption);
        return table;
    }

    /** A column heading whose tooltip is the legend's line for it, when there is one. */
    private NativeTableHeaderCell column(String key) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(getTranslation(key));
        cell.getElement().setAttribute("scope", "col");
        String tip = TIPS.get(key);
        if (tip != null) {
            cell.getElement().setAttribute("title", getTranslation(tip));
        }
        return cell;
    }

    private static final Map<String, String> TIPS = new LinkedHashMap<>();

    static {
        TIPS.put("survey.analysis.col.difference", "survey.analysis.legend.difference.text");
        TIPS.put("survey.analysis.col.weighted-mean", "survey.analysis.legend.weighting.text");
        TIPS.put("survey.analysis.col.weighted-index", "survey.analysis.legend.weighting.text");
        TIPS.put("survey.analysis.col.t", "survey.analysis.legend.t.text");
        TIPS.put("survey.analysis.col.t-p", "survey.analysis.legend.t.text");
        TIPS.put("survey.analysis.col.wilcoxon-p", "survey.analysis.legend.wilcoxon.text");
        TIPS.put("survey.analysis.col.effect", "survey.analysis.legend.effect.text");
        TIPS.put("survey.analysis.col.changed", "survey.analysis.legend.position.text");
        TIPS.put("survey.analysis.col.effective-n", "survey.analysis.legend.effective-n.text");
        TIPS.put("survey.analysis.col.index", "survey.analysis.legend.knowledge.text");
        TIPS.put("survey.analysis.col.n", "survey.analysis.legend.paired.text");
    }

    private static void header(NativeTable table, List<NativeTableHeaderCell> cells) {
        NativeTableRow head = table.getHead().addRow();
        cells.forEach(head::add);
    }

    private static void row(NativeTable table, String header, String... cells) {
        rowWithHeader(table, header, List.of(cells));
    }

    private static NativeTableRow rowWithHeader(NativeTable table, String header, List<String> cells) {
        return rowWithHeaders(table, List.of(header), cells);
    }

    private static NativeTableRow rowWithHeaders(NativeTable table, List<String> headers, List<String> cells) {
        NativeTableRow row = table.getBody().addRow();
        for (String h : headers) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(Objects.toString(h, ""));
            cell.getElement().setAttribute("scope", "row");
            row.add(cell);
        }
        cells.forEach(c -> row.addDataCell().setText(c));
        return row;
    }

    /** Wide tables scroll on their own and can be scrolled by keyboard. */
    private Div scroll(NativeTable table) {
        Div scroller = new Div(table);
        scroller.addClassName("gn-table-scroll");
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", table.getCaption().getText());
        return scroller;
    }

    /**
     * The texts of a table's body rows (header cells and data cells), for tests; a first cell spanning several
     * rows is repeated in each of them.
     */
    static List<List<String>> rows(NativeTable table) {
        List<List<String>> rows = new ArrayList<>();
        String spanning = null;
        int left = 0;
        for (NativeTableRow r : table.getBody().getRows()) {
            List<String> cells = new ArrayList<>(r.getChildren().map(c -> c.getElement().getText()).toList());
            String span = r.getChildren().findFirst().map(c -> c.getElement().getAttribute("rowspan")).orElse(null);
            if (span != null) {
                spanning = cells.getFirst();
                left = Integer.parseInt(span) - 1;
            } else if (left > 0) {
                cells.addFirst(spanning);
                left--;
            }
            rows.add(cells);
        }
        return rows;
    }
}
