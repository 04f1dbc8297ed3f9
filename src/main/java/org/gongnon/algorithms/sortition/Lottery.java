package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A lottery over panels: panels given as seats per feature type, each with its probability. Every
 * member of a type has the same chance: the type's expected seats divided by its size. LEXIMIN and maximin
 * lotteries carry the {@link Certificate} of their optimality; the others none.
 */
public record Lottery(FeatureTypes types, List<TypePanel> panels, String algorithm, Certificate certificate) {

    public Lottery {
        panels = List.copyOf(panels);
    }

    /** A lottery without an optimality certificate (LEGACY, cell-stratified). */
    public Lottery(FeatureTypes types, List<TypePanel> panels, String algorithm) {
        this(types, panels, algorithm, null);
    }

    /** Selection probability of each member of each type, by type index. */
    public double[] typeProbabilities() {
        double[] p = new double[types.types().size()];
        for (TypePanel panel : panels) {
            for (int t = 0; t < p.length; t++) {
                p[t] += panel.probability() * panel.seats()[t] / (double) types.types().get(t).size();
            }
        }
        return p;
    }

    /** Each pool member's exact selection probability, by person id, in pool order. */
    public Map<String, Double> personProbabilities() {
        double[] byType = typeProbabilities();
        Map<String, Double> result = new LinkedHashMap<>();
        for (FeatureTypes.Type t : types.types()) {
            for (Person p : t.members()) {
                result.put(p.id(), byType[t.index()]);
            }
        }
        return result;
    }

    public double minimumProbability() {
        double min = 1;
        for (double p : typeProbabilities()) {
            min = Math.min(min, p);
        }
        return min;
    }

    /**
     * Draws one panel: a panel by its probability, then within each type the members uniformly at
     * random. The same lottery and seed always give the same panel.
     */
    public List<Person> draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double u = random.nextDouble();
        TypePanel chosen = panels.getLast();
        double cumulative = 0;
        for (TypePanel panel : panels) {
            cumulative += panel.probability();
            if (u < cumulative) {
                chosen = panel;
                break;
            }
        }
        List<Person> panel = new ArrayList<>();
        for (FeatureTypes.Type t : types.types()) {
            List<Person> members = new ArrayList<>(t.members());
            // Fisher-Yates with our own generator, so the order does not depend on the JDK's shuffle.
            for (int i = members.size() - 1; i > 0; i--) {
                Collections.swap(members, i, random.nextInt(i + 1));
            }
            panel.addAll(members.subList(0, chosen.seats()[t.index()]));
        }
        return panel;
    }

    /** Seats per type (indexed like {@link FeatureTypes#types()}) and the probability of this panel. */
    public record TypePanel(int[] seats, double probability) {
    }
}
