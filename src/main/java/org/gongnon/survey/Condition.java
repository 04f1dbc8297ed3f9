package org.gongnon.survey;

import java.util.List;

/**
 * Simple conditional display: the question is shown only when the answer to an earlier question includes one
 * of the given values (option codes, or scale points written as numbers).
 */
public record Condition(String questionCode, List<String> anyOf) {

    public Condition {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }

    public boolean isMetBy(List<String> answer) {
        return answer != null && answer.stream().anyMatch(anyOf::contains);
    }
}
