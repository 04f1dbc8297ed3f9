package org.gongnon.survey;

/**
 * The kinds of question. How an answer is written (see {@link Question#validate}) depends on the kind:
 * one option code, several option codes, a whole number on a fixed scale, a number, the option codes in rank
 * order, or free text.
 */
public enum QuestionType {
    /** One option code. */
    SINGLE_CHOICE,
    /** One or more option codes. */
    MULTIPLE_CHOICE,
    /** 1–5; the options, if given, label the points. */
    LIKERT_5,
    /** 1–7; the options, if given, label the points. */
    LIKERT_7,
    /** 0–10 (e.g. feeling thermometer or agreement scale). */
    SCALE_0_10,
    /** A number between min and max. */
    NUMBER,
    /** Every option code once, most preferred first. */
    RANKING,
    /** Free text up to maxLength characters. */
    TEXT,
    /** A factual question with one correct option (knowledge index). */
    KNOWLEDGE;

    /** Answers are option codes from the question's list. */
    public boolean usesOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == RANKING || this == KNOWLEDGE;
    }

    /** Answers are whole numbers on a fixed scale (option labels are optional). */
    public boolean isScale() {
        return this == LIKERT_5 || this == LIKERT_7 || this == SCALE_0_10;
    }

    /** Answers can be compared as numbers across waves (paired tests). */
    public boolean isNumeric() {
        return isScale() || this == NUMBER;
    }

    public int scaleMin() {
        return this == SCALE_0_10 ? 0 : 1;
    }

    public int scaleMax() {
        return switch (this) {
            case LIKERT_5 -> 5;
            case LIKERT_7 -> 7;
            case SCALE_0_10 -> 10;
            default -> throw new IllegalStateException(name() + " is not a scale");
        };
    }
}
