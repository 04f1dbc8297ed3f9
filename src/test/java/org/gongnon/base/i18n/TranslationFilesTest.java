package org.gongnon.base.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Korean and English stay in step, and every key the code asks for exists. */
class TranslationFilesTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|translate|Confirm\\.destructive\\(this,|UserFacingException)\\(?\\s*\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");

    @Test
    void koreanAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> korean = load("translations.properties").stringPropertyNames();
        Set<String> english = load("translations_en.properties").stringPropertyNames();
        Set<String> onlyKorean = new TreeSet<>(korean);
        onlyKorean.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(korean);
        assertTrue(onlyKorean.isEmpty(), "missing in translations_en.properties: " + onlyKorean);
        assertTrue(onlyEnglish.isEmpty(), "missing in translations.properties: " + onlyEnglish);
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String file : new String[] {"translations.properties", "translations_en.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                assertTrue(!p.getProperty(key).isBlank(), file + ": empty value for " + key);
            }
        }
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = KEY_IN_CODE.matcher(source);
                while (m.find()) {
                    if (!isDefined(keys, m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
                // Keys passed around as plain string literals, e.g. to Problems.add or @Menu titles.
                Matcher literal = KEY_LITERAL.matcher(source);
                while (literal.find()) {
                    String candidate = literal.group(1);
                    if (looksLikeMessageKey(candidate) && !isDefined(keys, candidate)) {
                        missing.add(candidate + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "translation keys used in code but not defined: " + missing);
    }

    @Test
    void enumMessageKeysExist() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        for (var phase : org.gongnon.process.Phase.values()) {
            assertTrue(keys.contains(phase.messageKey()), phase.messageKey());
        }
        for (var status : org.gongnon.process.ProcessStatus.values()) {
            assertTrue(keys.contains(status.messageKey()), status.messageKey());
        }
        for (var role : org.gongnon.process.ProcessRole.values()) {
            assertTrue(keys.contains(role.messageKey()), role.messageKey());
        }
        for (var role : org.gongnon.security.StaffRole.values()) {
            assertTrue(keys.contains(role.messageKey()), role.messageKey());
        }
    }

    @Test
    void providerServesKoreanByDefaultAndEnglishOnRequest() {
        TranslationProvider provider = new TranslationProvider();
        Locale previous = Locale.getDefault();
        try {
            // Even on a server whose JVM runs in English, Korean users get Korean.
            Locale.setDefault(Locale.US);
            assertEquals("로그인", provider.getTranslation("login.submit", Locale.KOREAN));
            assertEquals("로그인", provider.getTranslation("login.submit", Locale.FRENCH));
            assertEquals("Sign in", provider.getTranslation("login.submit", Locale.UK));
            assertEquals("100자 이하로 입력해 주세요.", provider.getTranslation("validation.too-long", Locale.KOREAN, 100));
            assertEquals("!no.such-key", provider.getTranslation("no.such-key", Locale.KOREAN));
        } finally {
            Locale.setDefault(previous);
        }
    }

    /** A key, or a prefix the code completes at run time (e.g. "timeline.state." + state). */
    private static boolean isDefined(Set<String> keys, String key) {
        return key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key);
    }

    /** Keys built from enum names in the recruitment views: every constant needs its text. */
    @Test
    void recruitmentEnumKeysExist() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        for (org.gongnon.recruitment.DrawAlgorithm a : org.gongnon.recruitment.DrawAlgorithm.values()) {
            assertTrue(keys.contains(a.messageKey()), a.messageKey());
        }
        for (Enum<?> e : java.util.stream.Stream.of(org.gongnon.recruitment.FeatureDerivation.values()).toList()) {
            assertTrue(keys.contains("recruitment.derivation." + e.name().toLowerCase(java.util.Locale.ROOT)), e.name());
        }
        for (Enum<?> e : org.gongnon.recruitment.ToleranceMode.values()) {
            assertTrue(keys.contains("recruitment.tolerance." + e.name().toLowerCase(java.util.Locale.ROOT)), e.name());
        }
        for (Enum<?> e : org.gongnon.recruitment.DrawDetails.SeatStatus.values()) {
            assertTrue(keys.contains("recruitment.status." + e.name().toLowerCase(java.util.Locale.ROOT)), e.name());
        }
    }

    private static boolean looksLikeMessageKey(String s) {
        if (s.matches(".*\\.(csv|txt|zip|xlsx)")) {
            return false; // a file name such as panel.csv, not a key
        }
        String first = s.substring(0, s.indexOf('.'));
        return Set.of("validation", "account", "accounts", "process", "panel", "citizen", "team", "nav", "home",
                "editor", "error", "login", "timeline", "action", "header", "datepicker", "recruitment", "scheduling",
                "outbox", "qr", "survey", "recommendation", "report", "retention").contains(first);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationFilesTest.class.getResourceAsStream("/vaadin-i18n/" + name);
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
