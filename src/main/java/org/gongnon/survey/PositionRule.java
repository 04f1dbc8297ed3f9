package org.gongnon.survey;

/** What "changed position" means for a kind of question (the view explains it in one line). */
public enum PositionRule {
    /** Scales: below, at or above the scale's midpoint (e.g. 3 on 1–5); moving up or down counts. */
    SIDE_OF_MIDPOINT,
    /** Single choice and knowledge items: any other option. */
    OPTION,
    /** Multiple choice: any other set of options. */
    OPTION_SET,
    /** Ranking: another option ranked first. */
    TOP_RANK,
    /** Numbers and open text: no positions. */
    NONE;

    static PositionRule of(QuestionType type) {
        return switch (type) {
            case LIKERT_5, LIKERT_7, SCALE_0_10 -> SIDE_OF_MIDPOINT;
            case SINGLE_CHOICE, KNOWLEDGE -> OPTION;
            case MULTIPLE_CHOICE -> OPTION_SET;
            case RANKING -> TOP_RANK;
            case NUMBER, TEXT -> NONE;
        };
    }
}
