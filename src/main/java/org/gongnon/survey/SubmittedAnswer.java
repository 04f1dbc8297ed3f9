package org.gongnon.survey;

import java.util.List;
import java.util.Map;

/**
 * One submitted response's answer to one question, for steps that count votes (recommendation items): the
 * pseudonymous participant key, the respondent's strata from the live roster (empty when the member was
 * withdrawn or the link to the panel was cut), and the answer's values (empty when the question was left
 * unanswered or not shown).
 */
public record SubmittedAnswer(String participantKey, Map<String, String> strata, List<String> values) {

    public SubmittedAnswer {
        strata = Map.copyOf(strata);
        values = List.copyOf(values);
    }

    public boolean answered() {
        return !values.isEmpty();
    }
}
