package org.gongnon.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.i18n.TranslationProvider;
import org.gongnon.process.ProcessAccess;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitted survey responses as files for researchers: one wave, or every wave of a process joined by participant
 * (one row per participant), as CSV or XLSX, with a codebook.
 *
 * <p><b>Pseudonymous.</b> Rows are keyed by the participant key; the only things taken from the panel are the
 * strata the panel was drawn on (region, gender, age band, prior opinion, …). Names, phone numbers and e-mail
 * addresses never enter these files.
 *
 * <p><b>Layout.</b> Column names are the question codes (prefixed {@code w<n>.} in the joined file); a column
 * derived from a question adds a suffix after a dot, which question codes cannot contain, so names never clash:
 * a multiple-choice question has one 0/1 column per option ({@code SOURCES.tv}), a ranking one column per rank
 * holding the option code ranked there ({@code RANK.1}), a knowledge item its chosen option and a 0/1
 * {@code .correct} column. Scale and number answers are numbers (numeric cells in XLSX); an unanswered question
 * is an empty cell. Times are local to the process's time zone.
 *
 * <p><b>Formula injection.</b> Every text cell goes through {@link SpreadsheetText#guard}: in CSV because a
 * spreadsheet would run it, and in XLSX too, although a POI string cell is never a formula, so that both files
 * hold the same text and a sheet saved again as CSV stays safe. The codebook says so at each text column.
 */
@Service
public class SurveyExportService {

    static final String PARTICIPANT_KEY = "participant_key";
    static final String SUBMITTED_AT = "submitted_at";
    static final List<String> CODEBOOK_HEADERS = List.of("column", "wave", "question", "section", "type", "tracked",
            "required", "shown_if", "text_ko", "text_en", "value", "label_ko", "label_en", "correct", "note_ko",
            "note_en");

    private final SurveyWaveRepository waves;
    private final SurveyResponses responses;
    private final SurveyService surveys;
    private final ProcessAccess access;
    private final PanelSeatingService seating;
    private final TranslationProvider translations;
    private final Clock clock;

    SurveyExportService(SurveyWaveRepository waves, SurveyResponses responses, SurveyService surveys,
                        ProcessAccess access, PanelSeatingService seating, TranslationProvider translations,
                        Clock clock) {
        this.waves = waves;
        this.responses = responses;
        this.surveys = surveys;
        this.access = access;
        this.seating = seating;
        this.translations = translations;
        this.clock = clock;
    }

    /** The submitted responses of one wave; XLSX adds the codebook and the wave on sheets of their own. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public ExportFile waveResponses(long waveId, ExportFormat format) {
        SurveyWave wave = load(waveId);
        Export export = build(wave.getProcessId(), List.of(wave), false);
        String name = "survey-" + wave.getProcessId() + "-wave" + wave.getNumber();
        return file(name, format, export);
    }

    /** The codebook of one wave's export as a CSV file. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public ExportFile waveCodebook(long waveId) {
        SurveyWave wave = load(waveId);
        Export export = build(wave.getProcessId(), List.of(wave), false);
        return new ExportFile("survey-" + wave.getProcessId() + "-wave" + wave.getNumber() + "-codebook.csv",
                ExportFile.CSV, export.codebook().toCsv());
    }

    /**
     * Every wave of the process that has been opened, joined by participant key: one row per participant who
     * submitted at least one of them, the columns of wave n prefixed {@code w<n>.}.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public ExportFile processResponses(long processId, ExportFormat format) {
        access.requireEdit(processId);
        Export export = build(processId, openedWaves(processId), true);
        return file("survey-" + processId + "-all-waves", format, export);
    }

    /** The codebook of the joined export as a CSV file. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public ExportFile processCodebook(long processId) {
        access.requireEdit(processId);
        Export export = build(processId, openedWaves(processId), true);
        return new ExportFile("survey-" + processId + "-all-waves-codebook.csv", ExportFile.CSV,
                export.codebook().toCsv());
    }

    private SurveyWave load(long waveId) {
        SurveyWave wave = waves.findById(waveId).orElseThrow(() -> new UserFacingException("survey.wave.not-found"));
        access.requireEdit(wave.getProcessId());
        return wave;
    }

    private List<SurveyWave> openedWaves(long processId) {
        return waves.findByProcessIdOrderByNumberAsc(processId).stream()
                .filter(w -> w.getStatus() != WaveStatus.DRAFT).toList();
    }

    private static ExportFile file(String name, ExportFormat format, Export export) {
        return switch (format) {
            case CSV -> new ExportFile(name + "-responses.csv", ExportFile.CSV, export.responses().toCsv());
            case XLSX -> new ExportFile(name + ".xlsx", ExportFile.XLSX,
                    ExportTable.toXlsx(List.of(export.responses(), export.codebook(), export.waves())));
        };
    }

    // ---- Building the tables ----

    private record Export(ExportTable responses, ExportTable codebook, ExportTable waves) {
    }

    /** One participant's row: their key, their panel member (for strata) and their response per wave id. */
    private record Participant(String key, Long panelMemberId, Map<Long, Answered> byWave) {
    }

    private record Answered(Instant submittedAt, Map<String, List<String>> answers) {
    }

    /** A column of the responses sheet: its name, how its cell is computed, and its lines in the codebook. */
    private record Column(String name, Function<Participant, Object> value, List<List<Object>> codebookLines) {
    }

    private Export build(long processId, List<SurveyWave> selected, boolean prefixed) {
        PanelRoster roster = seating.roster(processId);
        Map<Long, RosterMember> members = new HashMap<>();
        roster.members().forEach(m -> members.put(m.panelMemberId(), m));
        responses.keptStrata(processId).forEach((key, strata) -> members.put(key, new RosterMember(key, "", null,
                strata)));

        Map<String, Participant> participants = new LinkedHashMap<>();
        Map<Long, Questionnaire> questionnaires = new LinkedHashMap<>();
        for (SurveyWave wave : selected) {
            Questionnaire q = surveys.questionnaire(wave);
            questionnaires.put(wave.getId(), q);
            for (SurveyResponses.RawResponse r : responses.submitted(wave.getId())) {
                Participant p = participants.computeIfAbsent(r.participantKey(),
                        k -> new Participant(k, r.panelMemberId(), new HashMap<>()));
                p.byWave().put(wave.getId(), new Answered(r.submittedAt(),
                        CitizenSurveyService.decode(q, r.answers())));
            }
        }

        List<Column> columns = new ArrayList<>();
        columns.add(new Column(PARTICIPANT_KEY, Participant::key,
                List.of(line(PARTICIPANT_KEY, null, null, null, "survey.export.note.participant-key"))));
        for (String feature : roster.features()) {
            List<List<Object>> lines = new ArrayList<>();
            lines.add(line(feature, null, null, null, "survey.export.note.stratum", feature));
            for (String value : roster.values().getOrDefault(feature, List.of())) {
                lines.add(valueLine(feature, null, null, value, null, null));
            }
            columns.add(new Column(feature, p -> {
                RosterMember m = p.panelMemberId() == null ? null : members.get(p.panelMemberId());
                return m == null ? null : blankToNull(m.value(feature));
            }, lines));
        }
        for (SurveyWave wave : selected) {
            String prefix = prefixed ? "w" + wave.getNumber() + "." : "";
            long waveId = wave.getId();
            columns.add(new Column(prefix + SUBMITTED_AT, p -> {
                Answered a = p.byWave().get(waveId);
                return a == null ? null
                        : LocalDateTime.ofInstant(a.submittedAt(), clock.getZone()).truncatedTo(ChronoUnit.SECONDS);
            }, List.of(line(prefix + SUBMITTED_AT, wave.getNumber(), null, null, "survey.export.note.submitted",
                    clock.getZone().getId()))));
            Questionnaire q = questionnaires.get(waveId);
            for (Section section : q.sections()) {
                for (Question question : section.questions()) {
                    columns.addAll(questionColumns(prefix, wave.getNumber(), waveId, section, question));
                }
            }
        }

        List<Participant> ordered = new ArrayList<>(participants.values());
        ordered.sort(Comparator.comparing(Participant::key));
        List<List<Object>> rows = new ArrayList<>();
        for (Participant p : ordered) {
            List<Object> row = new ArrayList<>(columns.size());
            columns.forEach(c -> row.add(c.value().apply(p)));
            rows.add(row);
        }
        List<List<Object>> codebook = new ArrayList<>();
        columns.forEach(c -> codebook.addAll(c.codebookLines()));
        return new Export(new ExportTable("responses", columns.stream().map(Column::name).toList(), rows),
                new ExportTable("codebook", CODEBOOK_HEADERS, codebook), wavesTable(selected, participants));
    }

    private ExportTable wavesTable(List<SurveyWave> selected, Map<String, Participant> participants) {
        List<List<Object>> rows = new ArrayList<>();
        for (SurveyWave wave : selected) {
            WaveForm form = wave.toForm(clock.getZone());
            long submitted = participants.values().stream().filter(p -> p.byWave().containsKey(wave.getId())).count();
            rows.add(Arrays.asList(wave.getNumber(), wave.getKind().name(), wave.title().ko(), wave.title().en(),
                    wave.getStatus().name(), form.opensAt(), form.closesAt(), submitted));
        }
        return new ExportTable("waves", List.of("wave", "kind", "title_ko", "title_en", "status", "opens_at",
                "closes_at", "submitted"), rows);
    }

    private List<Column> questionColumns(String prefix, int waveNumber, long waveId, Section section, Question q) {
        String name = prefix + q.code();
        Function<Participant, List<String>> answer = p -> {
            Answered a = p.byWave().get(waveId);
            List<String> values = a == null ? null : a.answers().get(q.code());
            return values == null || values.isEmpty() ? null : values;
        };
        List<Column> columns = new ArrayList<>();
        switch (q.type()) {
            case SINGLE_CHOICE -> columns.add(new Column(name, p -> first(answer.apply(p)),
                    withOptions(questionLine(name, waveNumber, section, q, "survey.export.note.choice"), name, q)));
            case KNOWLEDGE -> {
                List<Object> head = questionLine(name, waveNumber, section, q, "survey.export.note.knowledge");
                head.set(CODEBOOK_HEADERS.indexOf("correct"), q.correctOption());
                columns.add(new Column(name, p -> first(answer.apply(p)), withOptions(head, name, q)));
                String correct = name + ".correct";
                columns.add(new Column(correct, p -> {
                    List<String> a = answer.apply(p);
                    return a == null ? null : q.isCorrect(a) ? 1 : 0;
                }, List.of(questionLine(correct, waveNumber, section, q, "survey.export.note.knowledge-correct"))));
            }
            case MULTIPLE_CHOICE -> {
                for (AnswerOption option : q.options()) {
                    String column = name + "." + option.code();
                    List<Object> line = questionLine(column, waveNumber, section, q, "survey.export.note.multiple",
                            option.label().ko(), option.label().en().isEmpty() ? option.label().ko() : option.label().en());
                    setValue(line, option.code(), option.label(), null);
                    columns.add(new Column(column, p -> {
                        List<String> a = answer.apply(p);
                        return a == null ? null : a.contains(option.code()) ? 1 : 0;
                    }, List.of(line)));
                }
            }
            case RANKING -> {
                for (int rank = 1; rank <= q.options().size(); rank++) {
                    int index = rank - 1;
                    String column = name + "." + rank;
                    columns.add(new Column(column, p -> {
                        List<String> a = answer.apply(p);
                        return a == null || a.size() <= index ? null : a.get(index);
                    }, withOptions(questionLine(column, waveNumber, section, q, "survey.export.note.rank", rank),
                            column, q)));
                }
            }
            case LIKERT_5, LIKERT_7, SCALE_0_10 -> columns.add(new Column(name, p -> number(first(answer.apply(p))),
                    withOptions(questionLine(name, waveNumber, section, q, "survey.export.note.scale",
                            q.type().scaleMin(), q.type().scaleMax()), name, q)));
            case NUMBER -> columns.add(new Column(name, p -> number(first(answer.apply(p))),
                    List.of(questionLine(name, waveNumber, section, q, "survey.export.note.number",
                            q.min() == null ? "–" : q.min().toPlainString(),
                            q.max() == null ? "–" : q.max().toPlainString()))));
            case TEXT -> columns.add(new Column(name, p -> first(answer.apply(p)),
                    List.of(questionLine(name, waveNumber, section, q, "survey.export.note.text"))));
        }
        return columns;
    }

    /** The question's line followed by one line per option (code → labels; for knowledge items, 1 = correct). */
    private static List<List<Object>> withOptions(List<Object> head, String column, Question q) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(head);
        for (AnswerOption option : q.options()) {
            Integer correct = q.type() == QuestionType.KNOWLEDGE ? (option.code().equals(q.correctOption()) ? 1 : 0)
                    : null;
            lines.add(valueLine(column, (Integer) head.get(1), q.code(), option.code(), option.label(), correct));
        }
        return lines;
    }

    private List<Object> questionLine(String column, int wave, Section section, Question q, String noteKey,
                                      Object... noteArgs) {
        List<Object> line = line(column, wave, q.code(), section.code(), noteKey, noteArgs);
        line.set(4, q.type().name());
        line.set(5, q.tracked() ? 1 : 0);
        line.set(6, q.required() ? 1 : 0);
        line.set(7, q.showIf() == null ? null
                : q.showIf().questionCode() + " in [" + String.join(", ", q.showIf().anyOf()) + "]");
        line.set(8, q.text().ko());
        line.set(9, blankToNull(q.text().en()));
        return line;
    }

    /** A codebook line describing a column (the columns of the codebook not given here stay empty). */
    private List<Object> line(String column, Integer wave, String question, String section, String noteKey,
                              Object... noteArgs) {
        List<Object> line = new ArrayList<>(java.util.Collections.nCopies(CODEBOOK_HEADERS.size(), null));
        line.set(0, column);
        line.set(1, wave);
        line.set(2, question);
        line.set(3, section);
        line.set(14, translations.getTranslation(noteKey, TranslationProvider.KOREAN, noteArgs));
        line.set(15, translations.getTranslation(noteKey, TranslationProvider.ENGLISH, noteArgs));
        return line;
    }

    private static List<Object> valueLine(String column, Integer wave, String question, String value, LocalText label,
                                          Integer correct) {
        List<Object> line = new ArrayList<>(java.util.Collections.nCopies(CODEBOOK_HEADERS.size(), null));
        line.set(0, column);
        line.set(1, wave);
        line.set(2, question);
        setValue(line, value, label, correct);
        return line;
    }

    private static void setValue(List<Object> line, String value, LocalText label, Integer correct) {
        line.set(10, value);
        line.set(11, label == null ? null : blankToNull(label.ko()));
        line.set(12, label == null ? null : blankToNull(label.en()));
        if (correct != null) {
            line.set(13, correct);
        }
    }

    private static String first(List<String> values) {
        return values == null ? null : values.getFirst();
    }

    /** A stored scale point or number as a number; anything unreadable (never expected) stays text. */
    private static Object number(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.strip());
            return d.scale() <= 0 && d.precision() - d.scale() < 10 ? (Object) d.intValueExact() : d;
        } catch (NumberFormatException | ArithmeticException e) {
            return value;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
