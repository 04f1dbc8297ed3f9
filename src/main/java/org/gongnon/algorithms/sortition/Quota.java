package org.gongnon.algorithms.sortition;

/** How many panel seats must go to people with {@code feature = value}: at least min, at most max. */
public record Quota(String feature, String value, int min, int max) {

    public Quota {
        if (feature == null || feature.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a quota needs a feature and a value");
        }
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("quota " + feature + "=" + value + ": need 0 <= min <= max, got "
                    + min + ".." + max);
        }
    }
}
