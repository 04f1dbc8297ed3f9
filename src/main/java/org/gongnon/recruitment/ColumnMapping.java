package org.gongnon.recruitment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongnon.base.ValidationException.FieldProblem;

/**
 * Which column of the pool file holds what. Each component is a header of the {@link PoolTable}, or null
 * when no column holds it.
 *
 * @param name           the person's name (required)
 * @param phone          the phone number (phone or e-mail is required)
 * @param email          the e-mail address
 * @param district       the district (자치구) the person lives in
 * @param consent        optional: consent to the use of their data for the lottery; when mapped, a row
 *                       without a yes (Y, 예, 동의, 1, true, O, …) is refused
 * @param featureColumns feature name → the header its value is derived from
 */
public record ColumnMapping(String name, String phone, String email, String district, String consent,
                           Map<String, String> featureColumns) {

    /** Field names used in {@link #problems}; a feature's field is {@code FEATURE_FIELD_PREFIX + name}. */
    public static final String NAME = "name";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String DISTRICT = "district";
    public static final String CONSENT = "consent";
    public static final String FEATURE_FIELD_PREFIX = "feature:";

    private static final List<String> NAME_HEADERS = List.of("이름", "성명", "성함", "응답자명", "응답자이름",
            "참가자명", "name", "fullname");
    private static final List<String> PHONE_HEADERS = List.of("휴대폰", "휴대폰번호", "휴대전화", "휴대전화번호", "핸드폰",
            "핸드폰번호", "연락처", "전화번호", "전화", "안심번호", "가상번호", "mobile", "mobilephone", "cellphone",
            "phone", "phonenumber", "mobilenumber", "tel", "telephone", "cell", "contact");
    private static final List<String> EMAIL_HEADERS = List.of("이메일", "이메일주소", "전자우편", "전자메일", "메일",
            "메일주소", "email", "emailaddress", "mail");
    private static final List<String> DISTRICT_HEADERS = List.of("자치구", "구", "거주구", "거주자치구", "거주지",
            "거주지역", "지역구", "시군구", "주소", "district", "gu", "borough", "residence", "address");
    private static final List<String> CONSENT_HEADERS = List.of("동의", "동의여부", "개인정보동의", "개인정보수집동의",
            "개인정보수집이용동의", "개인정보활용동의", "개인정보제공동의", "정보제공동의", "수집동의", "연락동의", "참여동의",
            "consent", "agree", "agreement", "privacyconsent");
    private static final List<String> AGE_HEADERS = List.of("연령대", "나이", "연령", "만나이", "출생연도", "출생년도",
            "생년", "생년월일", "출생일", "태어난해", "age", "ageband", "agegroup", "birthyear", "yearofbirth",
            "birthdate", "dateofbirth", "dob");
    private static final List<String> REGION_HEADERS = List.of("권역", "생활권", "region");
    private static final List<String> GENDER_HEADERS = List.of("성별", "성", "gender", "sex");
    private static final List<String> OPINION_HEADERS = List.of("사전의견", "의견", "찬반", "찬반의견", "입장", "태도",
            "opinion", "position", "stance", "view");

    public ColumnMapping {
        name = blankToNull(name);
        phone = blankToNull(phone);
        email = blankToNull(email);
        district = blankToNull(district);
        consent = blankToNull(consent);
        Map<String, String> columns = new LinkedHashMap<>();
        if (featureColumns != null) {
            featureColumns.forEach((feature, header) -> {
                if (feature != null && blankToNull(header) != null) {
                    columns.put(feature, header);
                }
            });
        }
        featureColumns = Collections.unmodifiableMap(columns);
    }

    /** The header a feature is read from, or null. */
    public String featureColumn(String feature) {
        return featureColumns.get(feature);
    }

    /** This mapping with the feature read from another header (null: from none). */
    public ColumnMapping withFeatureColumn(String feature, String header) {
        Map<String, String> columns = new LinkedHashMap<>(featureColumns);
        columns.put(feature, header);
        return new ColumnMapping(name, phone, email, district, consent, columns);
    }

    /**
     * What is missing or wrong for a validation to be possible: no name column, neither phone nor e-mail
     * column, a feature without a column, a header that is not in the file. Each problem names its field
     * ({@link #NAME}, {@link #PHONE}, …, {@code feature:<name>}) and a {@code recruitment.import.mapping.*} key.
     */
    public List<FieldProblem> problems(List<String> headers, List<FeatureSpec> features) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null) {
            problems.add(new FieldProblem(NAME, "recruitment.import.mapping.name-required"));
        }
        if (phone == null && email == null) {
            problems.add(new FieldProblem(PHONE, "recruitment.import.mapping.contact-required"));
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        mapped.put(NAME, name);
        mapped.put(PHONE, phone);
        mapped.put(EMAIL, email);
        mapped.put(DISTRICT, district);
        mapped.put(CONSENT, consent);
        for (FeatureSpec feature : features) {
            String header = featureColumn(feature.name());
            String field = FEATURE_FIELD_PREFIX + feature.name();
            if (header == null) {
                problems.add(new FieldProblem(field, "recruitment.import.mapping.feature-required", feature.name()));
            }
            mapped.put(field, header);
        }
        mapped.forEach((field, header) -> {
            if (header != null && !headers.contains(header)) {
                problems.add(new FieldProblem(field, "recruitment.import.mapping.unknown-column", header));
            }
        });
        return problems;
    }

    /**
     * A first mapping from the headers' names (이름/성명/name, 휴대폰/전화/연락처/phone, 이메일/email,
     * 자치구/구/district, 동의/개인정보동의/consent, and per feature its own name or 성별/gender/sex,
     * 나이/연령/age/출생연도/birth year, 의견/opinion, 권역/region …). Headers are compared ignoring case,
     * spaces and brackets; when no header is such a name, one that contains it is taken ("휴대폰 번호 (필수)").
     * A region feature reads the district column unless a region column exists. The user checks the result.
     */
    public static ColumnMapping guess(List<String> headers, List<FeatureSpec> features) {
        Guesser g = new Guesser(headers);
        // Exact names first for every field, so that a header containing another field's name cannot steal it.
        String name = g.exact(NAME_HEADERS);
        String phone = g.exact(PHONE_HEADERS);
        String email = g.exact(EMAIL_HEADERS);
        String district = g.exact(DISTRICT_HEADERS);
        String consent = g.exact(CONSENT_HEADERS);
        Map<String, String> columns = new LinkedHashMap<>();
        for (FeatureSpec feature : features) {
            if (!(feature.derivation() instanceof Derivation.RegionFromDistrict)) {
                columns.put(feature.name(), g.exact(featureHeaders(feature)));
            }
        }
        name = name != null ? name : g.containing(NAME_HEADERS);
        phone = phone != null ? phone : g.containing(PHONE_HEADERS);
        email = email != null ? email : g.containing(EMAIL_HEADERS);
        district = district != null ? district : g.containing(DISTRICT_HEADERS);
        consent = consent != null ? consent : g.containing(CONSENT_HEADERS);
        for (FeatureSpec feature : features) {
            if (feature.derivation() instanceof Derivation.RegionFromDistrict) {
                String region = g.exact(featureHeaders(feature));
                columns.put(feature.name(), region != null ? region : district);
            } else if (columns.get(feature.name()) == null) {
                columns.put(feature.name(), g.containing(featureHeaders(feature)));
            }
        }
        return new ColumnMapping(name, phone, email, district, consent, columns);
    }

    private static List<String> featureHeaders(FeatureSpec feature) {
        List<String> names = new ArrayList<>();
        names.add(feature.name());
        String key = Keys.header(feature.name());
        switch (feature.derivation()) {
            case Derivation.AgeBand age -> names.addAll(AGE_HEADERS);
            case Derivation.RegionFromDistrict region -> names.addAll(REGION_HEADERS);
            case Derivation.Direct direct -> {
                if (GENDER_HEADERS.contains(key)) {
                    names.addAll(GENDER_HEADERS);
                } else if (OPINION_HEADERS.contains(key)) {
                    names.addAll(OPINION_HEADERS);
                }
            }
        }
        return names;
    }

    /** Picks headers by name; each header is given to one field only. */
    private static final class Guesser {

        private final List<String> headers;
        private final List<String> keys;
        private final Set<String> taken = new HashSet<>();

        Guesser(List<String> headers) {
            this.headers = headers;
            this.keys = headers.stream().map(Keys::header).toList();
        }

        /** The first free header that is one of the names, in the order of the names. */
        String exact(List<String> names) {
            for (String n : names) {
                String wanted = Keys.header(n);
                for (int h = 0; h < headers.size(); h++) {
                    if (keys.get(h).equals(wanted) && take(h)) {
                        return headers.get(h);
                    }
                }
            }
            return null;
        }

        /** The first free header that contains one of the names (of at least 2 Hangul or 4 Latin letters). */
        String containing(List<String> names) {
            for (String n : names) {
                String wanted = Keys.header(n);
                boolean hangul = wanted.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HANGUL);
                if (wanted.length() < (hangul ? 2 : 4)) {
                    continue;
                }
                for (int h = 0; h < headers.size(); h++) {
                    if (keys.get(h).contains(wanted) && take(h)) {
                        return headers.get(h);
                    }
                }
            }
            return null;
        }

        private boolean take(int h) {
            return taken.add(headers.get(h));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
