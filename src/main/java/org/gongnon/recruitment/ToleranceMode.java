package org.gongnon.recruitment;

/** How far a quota may stray from its proportional seats: by a number of seats, or by a percentage of them. */
public enum ToleranceMode {
    SEATS,
    PERCENT
}
