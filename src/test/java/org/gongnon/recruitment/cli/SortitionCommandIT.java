package org.gongnon.recruitment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as users run it: {@code java -jar target/gongnon.jar sortition …} in its own
 * process. Checks that the command needs neither Spring nor the database, and that OR-Tools' native
 * libraries load from inside the Boot jar. Run by failsafe after {@code package}.
 */
class SortitionCommandIT {

    @TempDir
    Path temp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome jar(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("gongnon.jar", "target/gongnon.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the packaged jar exists: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "sortition"));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within 120 s");
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static String example(String file) {
        return Path.of("src/test/resources/sortition-examples", file).toAbsolutePath().toString();
    }

    @Test
    void thePackagedJarDrawsTheLargeExampleWithoutStartingTheApplication() throws Exception {
        Path out = temp.resolve("large");
        Outcome o = jar(temp, "--features", example("example_large_200/categories.csv"),
                "--people", example("example_large_200/respondents.csv"),
                "--panel-size", "200", "--algorithm", "leximin", "--seed", "20261122", "--out", out.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("min probability  0.1 (exact)"), "OR-Tools solved it: " + o.out());
        assertFalse((o.out() + o.err()).contains("Spring"), "no Spring banner or log: " + o.out() + o.err());
        assertFalse((o.out() + o.err()).contains("MariaDB"), "no database: " + o.out() + o.err());
        assertEquals(201, Files.readAllLines(out.resolve("panel.csv")).size());
        assertEquals(41, Files.readAllLines(out.resolve("reserves.csv")).size(), "default: 20 % of 200");
        assertEquals(2001, Files.readAllLines(out.resolve("probabilities.csv")).size());
    }

    @Test
    void thePackagedJarGivesTheSameDrawAsTheInProcessCommand() throws Exception {
        String[] args = {"--features", example("example_small_20/categories.csv"), "--people",
                example("example_small_20/respondents.csv"), "--panel-size", "20", "--algorithm", "legacy", "--seed", "5"};
        Path viaJar = temp.resolve("jar");
        Outcome o = jar(temp, concat(args, "--out", viaJar.toString()));
        assertEquals(0, o.code(), o.err());
        Path inProcess = temp.resolve("in-process");
        assertEquals(0, new SortitionCommand().run(concat(args, "--out", inProcess.toString()), System.out, System.err));
        for (String file : List.of("panel.csv", "reserves.csv", "probabilities.csv", "distribution.csv")) {
            assertEquals(Files.readString(inProcess.resolve(file)), Files.readString(viaJar.resolve(file)), file);
        }
    }

    @Test
    void thePackagedJarReportsInfeasibleQuotasAndUsageErrorsByExitCode() throws Exception {
        Path features = temp.resolve("features.csv");
        Files.writeString(features, "feature,value,min,max\ngender,female,15,20\ngender,male,0,20\n"
                + "leaning,conservative,15,20\nleaning,liberal,0,20\n");
        Outcome infeasible = jar(temp, "--features", features.toString(), "--people", example("example_small_20/respondents.csv"),
                "--panel-size", "20", "--seed", "1", "--out", temp.resolve("never").toString());
        assertEquals(3, infeasible.code(), infeasible.out() + infeasible.err());
        assertTrue(infeasible.err().contains("lower the minimum to"), infeasible.err());

        Outcome usage = jar(temp, "--panel-size", "20");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("Usage:"), usage.err());
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
