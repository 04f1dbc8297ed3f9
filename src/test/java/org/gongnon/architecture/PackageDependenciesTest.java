package org.gongnon.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies follow the process: a feature may use the features of earlier steps, never later ones;
 * base, security and algorithms use no feature. Checked on the imports of the main sources.
 */
class PackageDependenciesTest {

    /** For each top-level package, the org.gongnon packages it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "base", Set.of("base"),
            "algorithms", Set.of("algorithms"),
            "security", Set.of("security", "base"),
            "process", Set.of("process", "security", "base", "algorithms"),
            "recruitment", Set.of("recruitment", "process", "security", "base", "algorithms"),
            "scheduling", Set.of("scheduling", "recruitment", "process", "security", "base", "algorithms"),
            "survey", Set.of("survey", "recruitment", "process", "security", "base", "algorithms"),
            "recommendation", Set.of("recommendation", "survey", "scheduling", "recruitment", "process", "security",
                    "base", "algorithms"),
            "report", Set.of("report", "recommendation", "survey", "scheduling", "recruitment", "process", "security",
                    "base", "algorithms"),
            "demo", Set.of("demo", "report", "recommendation", "survey", "scheduling", "recruitment", "process",
                    "security", "base", "algorithms"));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.gongnon\\.([a-z]+)[.;]",
            Pattern.MULTILINE);
    private static final Path ROOT = Path.of("src/main/java/org/gongnon");

    @Test
    void featuresOnlyUseEarlierSteps() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = ROOT.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // Application.java wires everything together
                }
                String pkg = relative.getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(relative + ": package '" + pkg + "' has no place in the dependency order");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        violations.add(relative + " imports org.gongnon." + m.group(1));
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "dependency rule broken: " + violations);
    }

    @Test
    void algorithmsArePlainJava() throws IOException {
        Pattern framework = Pattern.compile("^import (?:static )?(org\\.springframework|com\\.vaadin|jakarta)\\.",
                Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        Path algorithms = ROOT.resolve("algorithms");
        if (Files.isDirectory(algorithms)) {
            try (Stream<Path> files = Files.walk(algorithms)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (framework.matcher(Files.readString(file)).find()) {
                        violations.add(ROOT.relativize(file).toString());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "algorithms must not use Spring, Vaadin or Jakarta: " + violations);
    }

    @Test
    void viewsLiveInUiPackagesAndTalkToServicesNotRepositories() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().contains("/ui/") && f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("Repository") || source.contains("EntityManager")) {
                    violations.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertTrue(violations.isEmpty(), "views touching persistence directly: " + violations);
    }
}
