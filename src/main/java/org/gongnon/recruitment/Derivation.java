package org.gongnon.recruitment;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person's value for a feature is obtained from the cell of the feature's column: taken directly
 * ({@link Direct}), the region of a district ({@link RegionFromDistrict}), or the age band of an age, birth
 * year or birth date ({@link AgeBand}). Plain data, so it can be stored (e.g. as JSON) with its feature.
 */
public sealed interface Derivation permits Derivation.Direct, Derivation.RegionFromDistrict, Derivation.AgeBand {

    String MISSING_VALUE = "recruitment.import.problem.missing-value";
    String UNKNOWN_VALUE = "recruitment.import.problem.unknown-value";
    String UNKNOWN_DISTRICT = "recruitment.import.problem.unknown-district";
    String BAD_AGE = "recruitment.import.problem.bad-age";
    String AGE_OUT_OF_RANGE = "recruitment.import.problem.age-out-of-range";

    /** The feature value for one cell (one of {@code feature.values()}), or a problem with its arguments. */
    Result derive(String cell, FeatureSpec feature);

    /**
     * Either a value or a problem ({@code recruitment.import.problem.*} key and arguments, which quote the
     * cell as given).
     */
    record Result(String value, String messageKey, List<String> args) {

        public Result {
            args = List.copyOf(args);
        }

        static Result of(String value) {
            return new Result(value, null, List.of());
        }

        static Result problem(String messageKey, String... args) {
            return new Result(null, messageKey, List.of(args));
        }

        public boolean ok() {
            return value != null;
        }
    }

    /**
     * The cell is the value itself or one of its spellings. Case, spaces, hyphens, dots and full-width
     * forms are ignored, so "Male", "M" and "ｍ" match the same alias.
     *
     * @param aliases spelling → value (the values always match themselves)
     */
    record Direct(Map<String, String> aliases) implements Derivation {

        public Direct {
            Map<String, String> normalised = new LinkedHashMap<>();
            aliases.forEach((spelling, value) -> normalised.put(Keys.of(spelling), value));
            aliases = Map.copyOf(normalised);
        }

        @Override
        public Result derive(String cell, FeatureSpec feature) {
            String key = Keys.of(cell);
            if (key.isEmpty()) {
                return Result.problem(MISSING_VALUE, feature.name());
            }
            for (String value : feature.values()) {
                if (Keys.of(value).equals(key)) {
                    return Result.of(value);
                }
            }
            String value = aliases.get(key);
            return value != null ? Result.of(value)
                    : Result.problem(UNKNOWN_VALUE, cell.strip(), feature.name(), String.join(", ", feature.values()));
        }
    }

    /**
     * The cell names a district (자치구), whose region (권역) is the value; a region name is accepted too.
     * Besides the exact name and the aliases, an address is understood when its first word, or its first two
     * words, name the district ("강남구 역삼동", "서울특별시 강남구 테헤란로 …").
     *
     * @param districtToRegion canonical district name → region
     * @param aliases          other spellings → canonical district name
     */
    record RegionFromDistrict(Map<String, String> districtToRegion, Map<String, String> aliases)
            implements Derivation {

        public RegionFromDistrict {
            Map<String, String> regions = Collections.unmodifiableMap(new LinkedHashMap<>(districtToRegion));
            Map<String, String> normalised = new LinkedHashMap<>();
            regions.keySet().forEach(d -> normalised.put(Keys.of(d), d));
            aliases.forEach((spelling, district) -> {
                if (!regions.containsKey(district)) {
                    throw new IllegalArgumentException("alias " + spelling + " names an unknown district " + district);
                }
                normalised.put(Keys.of(spelling), district);
            });
            districtToRegion = regions;
            aliases = Map.copyOf(normalised);
        }

        /** The canonical district a cell names, if any. */
        public Optional<String> district(String cell) {
            if (cell == null || cell.isBlank()) {
                return Optional.empty();
            }
            String whole = aliases.get(Keys.of(cell));
            if (whole != null) {
                return Optional.of(whole);
            }
            String[] words = cell.strip().split("\\s+");
            String first = aliases.get(Keys.of(words[0]));
            if (first != null) {
                return Optional.of(first);
            }
            return words.length > 1 ? Optional.ofNullable(aliases.get(Keys.of(words[0] + words[1]))) : Optional.empty();
        }

        @Override
        public Result derive(String cell, FeatureSpec feature) {
            String key = Keys.of(cell);
            if (key.isEmpty()) {
                return Result.problem(MISSING_VALUE, feature.name());
            }
            for (String region : feature.values()) {
                if (Keys.of(region).equals(key)) {
                    return Result.of(region);
                }
            }
            return district(cell).map(districtToRegion::get).map(Result::of)
                    .orElseGet(() -> Result.problem(UNKNOWN_DISTRICT, cell.strip()));
        }
    }

    /**
     * The age band of the person, from what the cell holds:
     * <ul>
     *   <li>an age: {@code 45}, {@code 45세}, {@code 만 45세}, {@code 45살};</li>
     *   <li>a birth year, 1900 up to the reference year: {@code 1985}, {@code 1985년}, {@code 1985년생},
     *       {@code 85년생} (two digits: 20xx when that is not after the reference year, else 19xx). The age is
     *       the reference year minus the birth year, i.e. the age reached during the reference year;</li>
     *   <li>a birth date: {@code 1985-03-02}, {@code 1985.3.2}, {@code 1985/03/02}, {@code 19850302},
     *       {@code 1985년 3월 2일}: the exact age (만 나이) on the reference date;</li>
     *   <li>a band: its label, or a range inside one band ({@code 18~29세}, {@code 20대} → 18-29,
     *       {@code 80대} and {@code 70세 이상} → 70+).</li>
     * </ul>
     * An age below the youngest band or above {@value #MAX_AGE} is a problem of its own (for instance a
     * respondent under 18).
     *
     * @param bands         the bands, youngest first, without overlaps; their labels are the feature's values
     * @param referenceDate the day ages are counted on (e.g. the start of recruitment)
     */
    record AgeBand(List<Band> bands, LocalDate referenceDate) implements Derivation {

        public static final int MAX_AGE = 120;

        private static final Pattern TIME_SUFFIX = Pattern.compile("\\s+\\d{1,2}:\\d{2}(:\\d{2})?$");
        private static final Pattern WHITESPACE = Pattern.compile("\\s+");
        private static final Pattern AGE = Pattern.compile("(?:만)?(\\d{1,3})(?:\\.0+)?(?:세|살)?");
        private static final Pattern RANGE = Pattern.compile("(\\d{1,3})(?:세|살)?[-~–—](\\d{1,3})(?:세|살)?");
        private static final Pattern OPEN_RANGE = Pattern.compile("(\\d{1,3})(?:세|살)?(?:\\+|이상)");
        private static final Pattern DECADE = Pattern.compile("(\\d{1,2}0)대(이상)?");
        private static final Pattern BIRTH_YEAR = Pattern.compile("(\\d{4})(?:\\.0+|년|년생|년도)?");
        private static final Pattern SHORT_BIRTH_YEAR = Pattern.compile("(\\d{2})년생");
        private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
        private static final Pattern DATE = Pattern.compile("(\\d{4})[-./년](\\d{1,2})[-./월](\\d{1,2})[.일]?");

        public AgeBand {
            bands = List.copyOf(bands);
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("age bands are missing");
            }
            for (int i = 1; i < bands.size(); i++) {
                Integer previousMax = bands.get(i - 1).max();
                if (previousMax == null || previousMax >= bands.get(i).min()) {
                    throw new IllegalArgumentException("age bands must be in order and must not overlap");
                }
            }
            if (referenceDate == null) {
                throw new IllegalArgumentException("age bands need a reference date");
            }
        }

        /**
         * @param label the value of the feature, e.g. "30-39"
         * @param min   youngest age in the band
         * @param max   oldest age in the band, or null for an open band such as "70+"
         */
        public record Band(String label, int min, Integer max) {

            public Band {
                if (label == null || label.isBlank() || min < 0 || (max != null && max < min)) {
                    throw new IllegalArgumentException("invalid age band " + label + " " + min + ".." + max);
                }
            }

            boolean covers(int lo, int hi) {
                return min <= lo && (max == null || hi <= max);
            }
        }

        /** The band labels, in order. */
        public List<String> labels() {
            return bands.stream().map(Band::label).toList();
        }

        @Override
        public Result derive(String cell, FeatureSpec feature) {
            String given = cell == null ? "" : cell.strip();
            if (given.isEmpty()) {
                return Result.problem(MISSING_VALUE, feature.name());
            }
            String s = compact(TIME_SUFFIX.matcher(Normalizer.normalize(given, Normalizer.Form.NFKC)).replaceFirst(""));
            for (Band band : bands) {
                if (compact(band.label()).equals(s)) {
                    return Result.of(band.label());
                }
            }
            Optional<int[]> range = range(s);
            if (range.isPresent()) {
                int lo = range.get()[0];
                int hi = range.get()[1];
                return bandOf(lo, hi).map(b -> Result.of(b.label()))
                        .orElseGet(() -> Result.problem(UNKNOWN_VALUE, given, feature.name(),
                                String.join(", ", feature.values())));
            }
            Integer age;
            try {
                age = age(s);
            } catch (DateTimeException impossibleDate) {
                age = null;
            }
            if (age == null) {
                return Result.problem(BAD_AGE, given);
            }
            int youngest = bands.getFirst().min();
            if (age < youngest || age > MAX_AGE) {
                return Result.problem(AGE_OUT_OF_RANGE, given, String.valueOf(age), String.valueOf(youngest),
                        String.valueOf(MAX_AGE));
            }
            int a = age;
            return bandOf(a, a).map(b -> Result.of(b.label()))
                    .orElseGet(() -> Result.problem(UNKNOWN_VALUE, given, feature.name(),
                            String.join(", ", feature.values())));
        }

        private Optional<Band> bandOf(int lo, int hi) {
            return bands.stream().filter(b -> b.covers(lo, hi)).findFirst();
        }

        /** A range of ages the cell stands for ("18~29", "70+", "20대"), or empty for a single age. */
        private static Optional<int[]> range(String s) {
            Matcher m = RANGE.matcher(s);
            if (m.matches()) {
                int lo = Integer.parseInt(m.group(1));
                int hi = Integer.parseInt(m.group(2));
                return lo <= hi ? Optional.of(new int[] {lo, hi}) : Optional.empty();
            }
            m = OPEN_RANGE.matcher(s);
            if (m.matches()) {
                return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.MAX_VALUE});
            }
            m = DECADE.matcher(s);
            if (m.matches()) {
                int decade = Integer.parseInt(m.group(1));
                return Optional.of(new int[] {decade, m.group(2) != null ? Integer.MAX_VALUE : decade + 9});
            }
            return Optional.empty();
        }

        /** The age the cell gives on the reference date, or null when it is neither age nor birth year/date. */
        private Integer age(String s) {
            int year = referenceDate.getYear();
            Matcher m = AGE.matcher(s);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
            m = BIRTH_YEAR.matcher(s);
            if (m.matches()) {
                int born = Integer.parseInt(m.group(1));
                return born >= 1900 && born <= year ? year - born : null;
            }
            m = SHORT_BIRTH_YEAR.matcher(s);
            if (m.matches()) {
                int yy = Integer.parseInt(m.group(1));
                int born = 2000 + yy <= year ? 2000 + yy : 1900 + yy;
                return year - born;
            }
            m = COMPACT_DATE.matcher(s);
            if (!m.matches()) {
                m = DATE.matcher(s);
                if (!m.matches()) {
                    return null;
                }
            }
            LocalDate born = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (born.getYear() < 1900 || born.isAfter(referenceDate)) {
                return null;
            }
            return Period.between(born, referenceDate).getYears();
        }

        private static String compact(String s) {
            return WHITESPACE.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        }

        /** Bands from lower bounds, youngest first: {@code fromLowerBounds(18, 30, 40)} gives 18-29, 30-39, 40+. */
        public static List<Band> fromLowerBounds(int... mins) {
            List<Band> list = new ArrayList<>();
            for (int i = 0; i < mins.length; i++) {
                boolean last = i == mins.length - 1;
                list.add(last ? new Band(mins[i] + "+", mins[i], null)
                        : new Band(mins[i] + "-" + (mins[i + 1] - 1), mins[i], mins[i + 1] - 1));
            }
            return list;
        }
    }
}
