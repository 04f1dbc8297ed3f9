package org.gongnon.report;

/** The city's answer to one recommendation (정책반영 결과). Only UNDER_REVIEW is not a final answer. */
public enum ResponseStatus {
    ACCEPTED,
    PARTLY_ACCEPTED,
    NOT_ACCEPTED,
    UNDER_REVIEW;

    public boolean isFinal() {
        return this != UNDER_REVIEW;
    }

    public String messageKey() {
        return "report.response.status." + name().toLowerCase().replace('_', '-');
    }
}
