package org.gongnon.recruitment;

/** Where a pool member's value for a feature comes from. */
public enum FeatureDerivation {
    /** A column of the pool file, its values matched to the feature's values. */
    COLUMN,
    /** The 권역 of the respondent's district (자치구). */
    REGION_FROM_DISTRICT,
    /** The age band of an age or a birth year. */
    AGE_BAND
}
