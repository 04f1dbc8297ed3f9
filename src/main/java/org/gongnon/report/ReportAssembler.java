package org.gongnon.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongnon.algorithms.stats.GroupShare;
import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.SupportShare;
import org.gongnon.algorithms.stats.SupportStatus;
import org.gongnon.base.i18n.TranslationProvider;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessDetails;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessService;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.recruitment.DrawDetails;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.GroupComparison;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.SeatingRecord;
import org.gongnon.report.ReportDocument.BarChart;
import org.gongnon.report.ReportDocument.BarGroup;
import org.gongnon.report.ReportDocument.Block;
import org.gongnon.report.ReportDocument.KeyValue;
import org.gongnon.report.ReportDocument.KeyValues;
import org.gongnon.report.ReportDocument.Paragraph;
import org.gongnon.report.ReportDocument.Section;
import org.gongnon.report.ReportDocument.Table;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.SessionSummary;
import org.gongnon.survey.AnalysisWave;
import org.gongnon.survey.KnowledgeAnalysis;
import org.gongnon.survey.QuestionAnalysis;
import org.gongnon.survey.SurveyAnalysis;
import org.gongnon.survey.SurveyAnalysisService;
import org.springframework.stereotype.Component;

/**
 * Puts the official report together from every step of the process: summary and timeline, recruitment (quotas,
 * the draw's seed and fingerprint, representativeness of panel and attendees), programme and attendance, survey
 * results with pre/post changes, the recommendations with support and minority opinions, and the methods. Only
 * aggregates go in: no citizen's name, contact or answers.
 */
@Component
class ReportAssembler {


    private final ProcessService processes;
    private final PanelSeatingService seating;
    private final DrawService draws;
    private final ProgrammeService programmes;
    private final AttendanceService attendance;
    private final SurveyAnalysisService surveys;
    private final TranslationProvider translations;
    /** The deliberation's time zone (the application clock's): the report's times are read there. */
    private final ZoneId zone;

    ReportAssembler(ProcessService processes, PanelSeatingService seating, DrawService draws,
                    ProgrammeService programmes, AttendanceService attendance, SurveyAnalysisService surveys,
                    TranslationProvider translations, java.time.Clock clock) {
        this.zone = clock.getZone();
        this.processes = processes;
        this.seating = seating;
        this.draws = draws;
        this.programmes = programmes;
        this.attendance = attendance;
        this.surveys = surveys;
        this.translations = translations;
    }

    ReportDocument assemble(long processId, RecommendationResults results, int versionNumber, Locale locale,
                            Instant at) {
        Text t = new Text(translations, locale, zone);
        ProcessDetails details = processes.getProcess(processId);
        ProcessForm form = details.form();
        List<String> cover = List.of(
                form.title(),
                t.get("report.doc.cover.organiser", form.organiser()),
                t.get("report.doc.cover.version", versionNumber, t.dateTime(at)),
                t.get("report.doc.cover.generated-by"));
        List<Section> sections = new ArrayList<>();
        sections.add(summary(t, details, results));
        sections.add(recommendations(t, results));
        recruitment(t, processId).ifPresent(sections::add);
        sections.add(programme(t, processId));
        sections.add(surveys(t, processId));
        sections.add(methodology(t, results));
        return new ReportDocument(t.get("report.doc.title", form.title()), cover, sections);
    }

    // --- sections ---------------------------------------------------------------------------------------------

    private Section summary(Text t, ProcessDetails details, RecommendationResults results) {
        ProcessForm form = details.form();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new KeyValues(List.of(
                new KeyValue(t.get("report.doc.summary.question"), form.publicQuestion()),
                new KeyValue(t.get("report.doc.summary.organiser"), form.organiser()),
                new KeyValue(t.get("report.doc.summary.recommendations"), String.valueOf(results.items().size())),
                new KeyValue(t.get("report.doc.summary.adopted"), String.valueOf(count(results, SupportStatus.ADOPTED))),
                new KeyValue(t.get("report.doc.summary.reservations"),
                        String.valueOf(count(results, SupportStatus.WITH_RESERVATIONS))),
                new KeyValue(t.get("report.doc.summary.not-adopted"),
                        String.valueOf(count(results, SupportStatus.NOT_ADOPTED))))));
        if (form.description() != null && !form.description().isBlank()) {
            blocks.add(new Paragraph(form.description()));
        }
        List<List<String>> phases = new ArrayList<>();
        for (PhasePlan plan : details.timeline().phases()) {
            phases.add(List.of(t.get(plan.phase().messageKey()), plan.start().toString(), plan.end().toString()));
        }
        blocks.add(new Table("timeline", t.get("report.doc.timeline.caption"),
                List.of(t.get("report.doc.timeline.phase"), t.get("report.doc.timeline.start"),
                        t.get("report.doc.timeline.end")), phases));
        return new Section(t.get("report.doc.summary.heading"), blocks);
    }

    private Section recommendations(Text t, RecommendationResults results) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(t.get("report.doc.rec.thresholds",
                t.percent(results.thresholds().adopt()), t.percent(results.thresholds().reservations()))));
        List<List<String>> rows = new ArrayList<>();
        List<BarGroup> bars = new ArrayList<>();
        for (ItemResult item : results.items()) {
            SupportShare s = item.support();
            rows.add(List.of(String.valueOf(item.number()), item.title(),
                    s == null || s.voters() == 0 ? "–" : t.percent(s.share()),
                    s == null || s.voters() == 0 ? "–" : t.interval(s.ciLow(), s.ciHigh()),
                    s == null ? "–" : String.valueOf(s.voters()),
                    t.status(item.status())));
            if (s != null && s.voters() > 0) {
                bars.add(new BarGroup(item.number() + ". " + item.title(), List.of(s.share()), List.of(s.ciLow()),
                        List.of(s.ciHigh())));
            }
        }
        blocks.add(new Table("recommendations", t.get("report.doc.rec.table"),
                List.of(t.get("report.doc.rec.number"), t.get("report.doc.rec.title"), t.get("report.doc.rec.support"),
                        t.get("report.doc.rec.ci"), t.get("report.doc.rec.voters"), t.get("report.doc.rec.status")),
                rows));
        if (!bars.isEmpty()) {
            blocks.add(new BarChart(t.get("report.doc.rec.chart"), List.of(t.get("report.doc.rec.support")), bars,
                    1.0, true, List.of(results.thresholds().reservations(), results.thresholds().adopt()),
                    t.get("report.doc.rec.chart-alt", bars.size())));
        }
        List<List<String>> strata = new ArrayList<>();
        List<List<String>> minority = new ArrayList<>();
        for (ItemResult item : results.items()) {
            blocks.add(new ReportDocument.Subheading(t.get("report.doc.rec.item-heading", item.number(), item.title())));
            StringBuilder body = new StringBuilder(item.text());
            if (item.rationale() != null && !item.rationale().isBlank()) {
                body.append("\n\n").append(t.get("report.doc.rec.rationale")).append(' ').append(item.rationale());
            }
            if (item.support() != null) {
                SupportShare s = item.support();
                body.append("\n\n").append(s.voters() == 0 ? t.get("report.doc.rec.no-votes")
                        : t.get("report.doc.rec.support-line", t.status(s.status()), t.percent(s.share()),
                        t.interval(s.ciLow(), s.ciHigh()), s.supporters(), s.voters(), item.voteSource()));
            } else {
                body.append("\n\n").append(t.get("report.doc.rec.not-voted"));
            }
            blocks.add(new Paragraph(body.toString()));
            if (!item.options().isEmpty()) {
                List<List<String>> options = new ArrayList<>();
                item.options().forEach(o -> options.add(List.of(o.label(), String.valueOf(o.chosenBy()),
                        o.voters() == 0 ? "–" : t.percent(o.share()),
                        o.voters() == 0 ? "–" : t.interval(o.ciLow(), o.ciHigh()))));
                blocks.add(new Table("options-" + item.number(), t.get("report.doc.rec.options", item.number()),
                        List.of(t.get("report.doc.rec.option"), t.get("report.doc.rec.chosen-by"),
                                t.get("report.doc.rec.share"), t.get("report.doc.rec.ci")), options));
            }
            for (ItemResult.StratumSupport s : item.byStratum()) {
                strata.add(List.of(String.valueOf(item.number()), s.feature(), s.value(), String.valueOf(s.voters()),
                        String.valueOf(s.supporters()), s.voters() == 0 ? "–" : t.percent(s.share()),
                        s.voters() == 0 ? "–" : t.interval(s.ciLow(), s.ciHigh())));
            }
            for (ItemResult.MinorityOpinion m : item.minorityOpinions()) {
                minority.add(List.of(String.valueOf(item.number()), m.position(), m.reasons(),
                        String.valueOf(m.holders())));
            }
        }
        if (!minority.isEmpty()) {
            blocks.add(new Table("minority-opinions", t.get("report.doc.rec.minority"),
                    List.of(t.get("report.doc.rec.number"), t.get("report.doc.rec.minority-what"),
                            t.get("report.doc.rec.minority-why"), t.get("report.doc.rec.minority-how-many")), minority));
        }
        if (!strata.isEmpty()) {
            blocks.add(new Table("support-by-stratum", t.get("report.doc.rec.strata"),
                    List.of(t.get("report.doc.rec.number"), t.get("report.doc.feature"), t.get("report.doc.value"),
                            t.get("report.doc.rec.voters"), t.get("report.doc.rec.supporters"),
                            t.get("report.doc.rec.support"), t.get("report.doc.rec.ci")), strata));
        }
        return new Section(t.get("report.doc.rec.heading"), blocks);
    }

    private Optional<Section> recruitment(Text t, long processId) {
        Optional<SeatingRecord> seated = seating.seating(processId);
        if (seated.isEmpty()) {
            return Optional.empty();
        }
        DrawDetails draw = draws.details(seated.get().drawId());
        var s = draw.summary();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new KeyValues(List.of(
                new KeyValue(t.get("report.doc.draw.algorithm"), s.algorithm() + " " + s.algorithmVersion()),
                new KeyValue(t.get("report.doc.draw.seed"), String.valueOf(s.seed())),
                new KeyValue(t.get("report.doc.draw.fingerprint"), s.fingerprint()),
                new KeyValue(t.get("report.doc.draw.drawn-at"), t.dateTime(s.drawnAt())),
                new KeyValue(t.get("report.doc.draw.pool"), String.valueOf(draw.pool().size())),
                new KeyValue(t.get("report.doc.draw.panel"), String.valueOf(s.panelSize())),
                new KeyValue(t.get("report.doc.draw.reserves"), String.valueOf(s.reserveCount())),
                new KeyValue(t.get("report.doc.draw.min-probability"), t.percent(s.minProbability())),
                new KeyValue(t.get("report.doc.draw.replacements"), String.valueOf(s.replacements())))));
        blocks.add(new Paragraph(t.get("report.doc.draw.verify")));
        List<List<String>> quotas = new ArrayList<>();
        draw.quotas().forEach(q -> quotas.add(List.of(q.feature(), q.value(), String.valueOf(q.min()),
                String.valueOf(q.max()), String.valueOf(q.inPool()), String.valueOf(q.drawn()), String.valueOf(q.now()))));
        blocks.add(new Table("quotas", t.get("report.doc.quotas.caption"),
                List.of(t.get("report.doc.feature"), t.get("report.doc.value"), t.get("report.doc.quotas.min"),
                        t.get("report.doc.quotas.max"), t.get("report.doc.quotas.pool"), t.get("report.doc.quotas.drawn"),
                        t.get("report.doc.quotas.now")), quotas));
        List<GroupComparison> comparisons = attendance.representativeness(processId);
        List<List<String>> rows = new ArrayList<>();
        List<BarGroup> bars = new ArrayList<>();
        String lastGroup = null;
        for (GroupComparison c : comparisons) {
            int last = c.groupLabels().size() - 1;
            if (last >= 0) {
                lastGroup = c.groupLabels().get(last);
            }
            for (GroupComparison.Row r : c.rows()) {
                GroupShare attendees = last >= 0 ? r.groups().get(last) : null;
                rows.add(List.of(c.feature(), r.value(), t.percent(r.populationShare()), share(t, r.pool()),
                        share(t, r.panel()), attendees == null ? "–" : share(t, attendees)));
                bars.add(new BarGroup(c.feature() + " · " + r.value(),
                        List.of(r.populationShare(), r.panel().hasShare() ? r.panel().share() : 0.0), null, null));
            }
        }
        if (!rows.isEmpty()) {
            blocks.add(new Table("representativeness", t.get("report.doc.repr.caption",
                    lastGroup == null ? "–" : lastGroup),
                    List.of(t.get("report.doc.feature"), t.get("report.doc.value"), t.get("report.doc.repr.population"),
                            t.get("report.doc.repr.pool"), t.get("report.doc.repr.panel"),
                            t.get("report.doc.repr.attendees")), rows));
            blocks.add(new BarChart(t.get("report.doc.repr.chart"),
                    List.of(t.get("report.doc.repr.population"), t.get("report.doc.repr.panel")), bars, maxShare(bars),
                    true, List.of(), t.get("report.doc.repr.chart-alt")));
        }
        return Optional.of(new Section(t.get("report.doc.draw.heading"), blocks));
    }

    private Section programme(Text t, long processId) {
        Programme programme = programmes.programme(processId);
        List<List<String>> rows = new ArrayList<>();
        for (SessionSummary s : programme.sessions()) {
            String rate = s.expected() == 0 || s.attended() == 0 ? "–" : t.percent((double) s.attended() / s.expected());
            rows.add(List.of(s.date().toString(), s.roundTitle(), s.title(),
                    s.venueName() == null ? "–" : s.venueName(), String.valueOf(s.expected()),
                    String.valueOf(s.confirmed()), String.valueOf(s.attended()), rate));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(t.get("report.doc.programme.intro", programme.panelSize(), programme.sessions().size())));
        blocks.add(new Table("sessions", t.get("report.doc.programme.caption"),
                List.of(t.get("report.doc.programme.date"), t.get("report.doc.programme.round"),
                        t.get("report.doc.programme.session"), t.get("report.doc.programme.venue"),
                        t.get("report.doc.programme.expected"), t.get("report.doc.programme.confirmed"),
                        t.get("report.doc.programme.attended"), t.get("report.doc.programme.rate")), rows));
        return new Section(t.get("report.doc.programme.heading"), blocks);
    }

    private Section surveys(Text t, long processId) {
        SurveyAnalysis analysis = surveys.analysis(processId, null, null, null);
        List<Block> blocks = new ArrayList<>();
        List<List<String>> waves = new ArrayList<>();
        for (AnalysisWave w : analysis.waves()) {
            waves.add(List.of(String.valueOf(w.number()), t.get("survey.kind." + w.kind().name().toLowerCase()),
                    w.title().in(t.locale), String.valueOf(w.submitted())));
        }
        blocks.add(new Table("survey-waves", t.get("report.doc.survey.waves"),
                List.of(t.get("report.doc.survey.wave"), t.get("report.doc.survey.kind"),
                        t.get("report.doc.survey.title"), t.get("report.doc.survey.submitted")), waves));
        if (!analysis.hasPair()) {
            blocks.add(new Paragraph(t.get("report.doc.survey.no-pair")));
            return new Section(t.get("report.doc.survey.heading"), blocks);
        }
        String before = waveName(t, analysis, analysis.beforeWaveId());
        String after = waveName(t, analysis, analysis.afterWaveId());
        blocks.add(new Paragraph(t.get("report.doc.survey.pair", before, after, analysis.pairedRespondents())));
        List<List<String>> rows = new ArrayList<>();
        // One chart per scale, so a five-point and a 0–10 question never share an axis.
        Map<Double, List<BarGroup>> charts = new LinkedHashMap<>();
        for (QuestionAnalysis q : analysis.questions()) {
            PairedChange c = q.change();
            if (c == null || c.n() < 2) {
                continue;
            }
            String question = q.text().in(t.locale);
            rows.add(List.of(q.code() + " · " + question, String.valueOf(c.n()), t.number(c.meanBefore()),
                    t.number(c.meanAfter()), t.signed(c.meanDifference()) + " (" + t.range(c.ciLow(), c.ciHigh()) + ")",
                    t.pValue(c.tPValue()), t.pValue(c.wilcoxonPValue())));
            double max = switch (q.type()) {
                case LIKERT_5 -> 5;
                case LIKERT_7 -> 7;
                case SCALE_0_10 -> 10;
                default -> Math.ceil(Math.max(c.meanBefore(), c.meanAfter()));
            };
            charts.computeIfAbsent(max, m -> new ArrayList<>())
                    .add(new BarGroup(question, List.of(c.meanBefore(), c.meanAfter()), null, null));
        }
        if (!rows.isEmpty()) {
            blocks.add(new Table("survey-changes", t.get("report.doc.survey.changes"),
                    List.of(t.get("report.doc.survey.question"), "n", before, after,
                            t.get("report.doc.survey.change-ci"), t.get("report.doc.survey.p-t"),
                            t.get("report.doc.survey.p-w")), rows));
            charts.forEach((max, bars) -> blocks.add(new BarChart(t.get("report.doc.survey.chart", String.valueOf(Math.round(max))),
                    List.of(before, after), bars, max, false, List.of(),
                    t.get("report.doc.survey.chart-alt", bars.size()))));
        }
        KnowledgeAnalysis k = analysis.knowledge();
        if (k != null && k.change() != null && k.change().n() >= 2) {
            PairedChange c = k.change();
            blocks.add(new Paragraph(t.get("report.doc.survey.knowledge", t.percent(c.meanBefore()),
                    t.percent(c.meanAfter()), c.n(), t.pValue(c.tPValue()))));
        }
        return new Section(t.get("report.doc.survey.heading"), blocks);
    }

    private Section methodology(Text t, RecommendationResults results) {
        return new Section(t.get("report.doc.method.heading"), List.of(
                new Paragraph(t.get("report.doc.method.sortition")),
                new Paragraph(t.get("report.doc.method.surveys")),
                new Paragraph(t.get("report.doc.method.support", t.percent(results.thresholds().adopt()),
                        t.percent(results.thresholds().reservations()))),
                new Paragraph(t.get("report.doc.method.privacy"))));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static long count(RecommendationResults results, SupportStatus status) {
        return results.items().stream().filter(i -> i.status() == status).count();
    }

    private static String share(Text t, GroupShare share) {
        return share.hasShare() ? t.percent(share.share()) : "–";
    }

    private static double maxShare(List<BarGroup> bars) {
        double max = bars.stream().flatMap(b -> b.values().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        return Math.min(1.0, Math.ceil(max * 10) / 10 + 0.1);
    }

    private static String waveName(Text t, SurveyAnalysis analysis, long waveId) {
        return analysis.wave(waveId).map(w -> t.get("report.doc.survey.wave-name", w.number(),
                t.get("survey.kind." + w.kind().name().toLowerCase()))).orElse("?");
    }

    /** Texts and number formats in the report's language. */
    private static final class Text {
        private final TranslationProvider translations;
        private final Locale locale;
        private final ZoneId zone;

        Text(TranslationProvider translations, Locale locale, ZoneId zone) {
            this.translations = translations;
            this.locale = locale;
            this.zone = zone;
        }

        String get(String key, Object... args) {
            return translations.getTranslation(key, locale, args);
        }

        String percent(double share) {
            return String.format(Locale.ROOT, "%.1f%%", share * 100);
        }

        String interval(double low, double high) {
            return String.format(Locale.ROOT, "%.1f–%.1f%%", low * 100, high * 100);
        }

        String range(double low, double high) {
            return String.format(Locale.ROOT, "%.2f~%.2f", low, high);
        }

        String number(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }

        String signed(double value) {
            return String.format(Locale.ROOT, "%+.2f", value);
        }

        String pValue(double p) {
            if (Double.isNaN(p)) {
                return "–";
            }
            return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
        }

        String status(SupportStatus status) {
            return status == null ? get("report.doc.rec.status.none")
                    : get("report.doc.rec.status." + status.name().toLowerCase().replace('_', '-'));
        }

        String dateTime(Instant at) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(at);
        }
    }
}
