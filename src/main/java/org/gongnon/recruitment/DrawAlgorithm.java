package org.gongnon.recruitment;

import org.gongnon.algorithms.sortition.SortitionRun;

/** The selection algorithms facilitators can choose; LEXIMIN is the default. */
public enum DrawAlgorithm {
    LEXIMIN(SortitionRun.Algorithm.LEXIMIN),
    MAXIMIN(SortitionRun.Algorithm.MAXIMIN),
    CELL_STRATIFIED(SortitionRun.Algorithm.CELL_STRATIFIED),
    LEGACY(SortitionRun.Algorithm.LEGACY);

    private final SortitionRun.Algorithm algorithm;

    DrawAlgorithm(SortitionRun.Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    SortitionRun.Algorithm algorithm() {
        return algorithm;
    }

    public String version() {
        return algorithm.version();
    }

    public String messageKey() {
        return "recruitment.algorithm." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
