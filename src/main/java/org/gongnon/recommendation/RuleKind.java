package org.gongnon.recommendation;

/** How a vote answer counts as support for an item. */
public enum RuleKind {
    /** A scale answer (Likert 5/7, 0–10) at or above a point, e.g. 4 or 5 on a five-point scale. */
    SCALE_AT_LEAST,
    /** A choice answer naming one of some option codes (any of them, for a multiple choice). */
    OPTIONS
}
