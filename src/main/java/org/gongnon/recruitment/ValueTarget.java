package org.gongnon.recruitment;

/**
 * A feature value's population share (a fraction; shares of a feature are normalised when quotas are
 * computed) and, if the facilitator adjusted them, its quota bounds; null bounds mean "computed".
 */
public record ValueTarget(String value, double populationShare, Integer quotaMin, Integer quotaMax) {

    public ValueTarget withQuota(Integer min, Integer max) {
        return new ValueTarget(value, populationShare, min, max);
    }
}
