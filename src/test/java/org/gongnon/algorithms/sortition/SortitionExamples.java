package org.gongnon.algorithms.sortition;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The published examples in src/test/resources/sortition-examples, read as the command line reads them. */
public final class SortitionExamples {

    private SortitionExamples() {
    }

    /**
     * An example by its folder, e.g. {@code example_small_20} or {@code tight_5000_500}; the panel size is the
     * folder name's last part. The published examples have {@code categories.csv} and {@code respondents.csv},
     * the held-back pools {@code features.csv} and {@code people.csv}.
     */
    public static SelectionProblem load(String example) {
        int panelSize = Integer.parseInt(example.substring(example.lastIndexOf('_') + 1));
        boolean published = example.startsWith("example_");
        try (Reader quotas = reader(example + (published ? "/categories.csv" : "/features.csv"));
             Reader people = reader(example + (published ? "/respondents.csv" : "/people.csv"))) {
            List<Quota> q = SortitionFiles.readQuotas(quotas);
            return new SelectionProblem(SortitionFiles.readPeople(people), q, panelSize);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reader reader(String path) {
        var in = SortitionExamples.class.getResourceAsStream("/sortition-examples/" + path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
