package org.gongnon.report;

/** Told how far a long rendering has got, so a background task can show it. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = fraction -> {
    };

    /** @param fraction done so far, from 0 to 1 (never decreasing) */
    void progress(double fraction);
}
