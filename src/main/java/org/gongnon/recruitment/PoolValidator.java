package org.gongnon.recruitment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongnon.base.IdNumbers;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ValidationException.FieldProblem;

/**
 * Checks every row of a pool file against a column mapping and the features, and finds every problem of
 * every row: identification numbers in any cell, values beyond the last column, missing name, malformed
 * phone or e-mail, no contact at all, no consent, feature values that cannot be mapped, and people listed
 * twice (same phone or e-mail as an earlier row, which is named; the earlier row is kept).
 *
 * <p>A row holding an identification number has all its values masked before anything is reported, so the
 * number appears in no message and no output.
 */
public final class PoolValidator {

    public static final String ID_NUMBER = "recruitment.import.problem.id-number";
    public static final String EXTRA_CELLS = "recruitment.import.problem.extra-cells";
    public static final String MISSING_NAME = "recruitment.import.problem.missing-name";
    public static final String NAME_TOO_LONG = "recruitment.import.problem.name-too-long";
    public static final String DISTRICT_TOO_LONG = "recruitment.import.problem.district-too-long";
    /** The widths of pool_member.name and .district, in characters: longer values are refused, never cut. */
    public static final int MAX_NAME = 100;
    public static final int MAX_DISTRICT = 20;
    public static final String BAD_PHONE = "recruitment.import.problem.bad-phone";
    public static final String BAD_EMAIL = "recruitment.import.problem.bad-email";
    public static final String NO_CONTACT = "recruitment.import.problem.no-contact";
    public static final String NO_CONSENT = "recruitment.import.problem.no-consent";
    public static final String DUPLICATE_PHONE = "recruitment.import.problem.duplicate-phone";
    public static final String DUPLICATE_EMAIL = "recruitment.import.problem.duplicate-email";

    /** Consent answers that mean yes (compared ignoring case and spaces); anything else, blank included, is no. */
    static final Set<String> CONSENT_YES = Set.of("y", "yes", "예", "네", "동의", "동의함", "동의했음", "1",
            "true", "t", "o", "○", "◯", "v", "✓", "✔", "agree", "agreed", "consent", "consented");

    private static final int PROGRESS_STEP = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Told how far the validation is, to show a progress bar; may be called from the validating thread. */
    @FunctionalInterface
    public interface Progress {
        void rowsDone(int done, int total);
    }

    private PoolValidator() {
    }

    /** {@link #validate(PoolTable, ColumnMapping, List, Progress)} without progress reports. */
    public static PoolCheck validate(PoolTable table, ColumnMapping mapping, List<FeatureSpec> features) {
        return validate(table, mapping, features, (done, total) -> { });
    }

    /**
     * @param progress told (0, total) first, then every 200 rows, and (total, total) at the end
     * @throws ValidationException when the mapping is incomplete ({@link ColumnMapping#problems})
     */
    public static PoolCheck validate(PoolTable table, ColumnMapping mapping, List<FeatureSpec> features,
                                     Progress progress) {
        List<FieldProblem> mappingProblems = mapping.problems(table.headers(), features);
        if (!mappingProblems.isEmpty()) {
            throw new ValidationException(mappingProblems);
        }
        Columns columns = new Columns(table, mapping, features);
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        List<PoolCandidate> candidates = new ArrayList<>();
        List<PoolCheck.RejectedRow> rejected = new ArrayList<>();
        int total = table.rows().size();
        progress.rowsDone(0, total);
        int done = 0;
        for (PoolTable.Row row : table.rows()) {
            check(row, columns, features, phones, emails, candidates, rejected);
            done++;
            if (done % PROGRESS_STEP == 0 && done < total) {
                progress.rowsDone(done, total);
            }
        }
        progress.rowsDone(total, total);
        return new PoolCheck(table.headers(), total, candidates, rejected);
    }

    /** Column positions, resolved once. */
    private record Columns(List<String> headers, int name, int phone, int email, int district, int consent,
                           int[] features, Derivation.RegionFromDistrict districts) {

        Columns(PoolTable table, ColumnMapping mapping, List<FeatureSpec> features) {
            this(table.headers(), table.columnIndex(mapping.name()), table.columnIndex(mapping.phone()),
                    table.columnIndex(mapping.email()), table.columnIndex(mapping.district()),
                    table.columnIndex(mapping.consent()),
                    features.stream().mapToInt(f -> table.columnIndex(mapping.featureColumn(f.name()))).toArray(),
                    features.stream().map(FeatureSpec::derivation)
                            .filter(d -> d instanceof Derivation.RegionFromDistrict)
                            .map(d -> (Derivation.RegionFromDistrict) d).findFirst().orElse(null));
        }

        String header(int column) {
            return column < headers.size() ? headers.get(column) : columnLetters(column);
        }
    }

    private static void check(PoolTable.Row row, Columns columns, List<FeatureSpec> features,
                              Map<String, Integer> phones, Map<String, Integer> emails,
                              List<PoolCandidate> candidates, List<PoolCheck.RejectedRow> rejected) {
        int rowNumber = row.rowNumber();
        List<RowProblem> problems = new ArrayList<>();
        List<String> cells = new ArrayList<>(row.cells());
        for (int c = 0; c < cells.size(); c++) {
            if (IdNumbers.contains(cells.get(c))) {
                problems.add(new RowProblem(rowNumber, columns.header(c), ID_NUMBER, List.of()));
                cells.set(c, IdNumbers.mask(cells.get(c)));
            }
        }
        PoolTable.Row view = new PoolTable.Row(rowNumber, cells);

        int extra = 0;
        for (int c = columns.headers().size(); c < cells.size(); c++) {
            extra += cells.get(c).isBlank() ? 0 : 1;
        }
        if (extra > 0) {
            problems.add(new RowProblem(rowNumber, null, EXTRA_CELLS, List.of(String.valueOf(extra))));
        }

        String name = WHITESPACE.matcher(view.cell(columns.name()).strip()).replaceAll(" ");
        if (name.isEmpty()) {
            problems.add(new RowProblem(rowNumber, columns.header(columns.name()), MISSING_NAME, List.of()));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(new RowProblem(rowNumber, columns.header(columns.name()), NAME_TOO_LONG,
                    List.of(String.valueOf(MAX_NAME))));
        }

        String phoneCell = columns.phone() < 0 ? "" : view.cell(columns.phone()).strip();
        String phone = null;
        if (!phoneCell.isEmpty()) {
            Optional<String> normalised = Contacts.phone(phoneCell);
            if (normalised.isPresent()) {
                phone = normalised.get();
            } else {
                problems.add(new RowProblem(rowNumber, columns.header(columns.phone()), BAD_PHONE, List.of(phoneCell)));
            }
        }
        String emailCell = columns.email() < 0 ? "" : view.cell(columns.email()).strip();
        String email = null;
        if (!emailCell.isEmpty()) {
            Optional<String> normalised = Contacts.email(emailCell);
            if (normalised.isPresent()) {
                email = normalised.get();
            } else {
                problems.add(new RowProblem(rowNumber, columns.header(columns.email()), BAD_EMAIL, List.of(emailCell)));
            }
        }
        if (phoneCell.isEmpty() && emailCell.isEmpty()) {
            problems.add(new RowProblem(rowNumber, null, NO_CONTACT, List.of()));
        }

        if (columns.consent() >= 0 && !CONSENT_YES.contains(Keys.of(view.cell(columns.consent())))) {
            problems.add(new RowProblem(rowNumber, columns.header(columns.consent()), NO_CONSENT, List.of()));
        }

        Map<String, String> values = new LinkedHashMap<>();
        for (int f = 0; f < features.size(); f++) {
            FeatureSpec feature = features.get(f);
            int column = columns.features()[f];
            Derivation.Result result = feature.derive(view.cell(column));
            if (result.ok()) {
                values.put(feature.name(), result.value());
            } else {
                problems.add(new RowProblem(rowNumber, columns.header(column), result.messageKey(), result.args()));
            }
        }

        String district = null;
        if (columns.district() >= 0) {
            String cell = view.cell(columns.district()).strip();
            if (!cell.isEmpty()) {
                district = columns.districts() == null ? cell : columns.districts().district(cell).orElse(cell);
                if (district.codePointCount(0, district.length()) > MAX_DISTRICT) {
                    problems.add(new RowProblem(rowNumber, columns.header(columns.district()), DISTRICT_TOO_LONG,
                            List.of(String.valueOf(MAX_DISTRICT))));
                }
            }
        }

        if (phone != null) {
            Integer earlier = phones.putIfAbsent(phone, rowNumber);
            if (earlier != null) {
                problems.add(new RowProblem(rowNumber, columns.header(columns.phone()), DUPLICATE_PHONE,
                        List.of(String.valueOf(earlier))));
            }
        }
        if (email != null) {
            Integer earlier = emails.putIfAbsent(email.toLowerCase(Locale.ROOT), rowNumber);
            if (earlier != null) {
                problems.add(new RowProblem(rowNumber, columns.header(columns.email()), DUPLICATE_EMAIL,
                        List.of(String.valueOf(earlier))));
            }
        }

        if (problems.isEmpty()) {
            candidates.add(new PoolCandidate(rowNumber, name, phone, email, district, values));
        } else {
            rejected.add(new PoolCheck.RejectedRow(rowNumber, cells, problems));
        }
    }

    /** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
    static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
