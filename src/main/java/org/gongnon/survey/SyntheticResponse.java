package org.gongnon.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A response written without the citizen's form (the demo's made-up answers): who, when they consented, when
 * they submitted (null: still in progress) and their answers by question code, in the form's own shape.
 */
public record SyntheticResponse(long panelMemberId, Instant consentedAt, Instant submittedAt,
                                Map<String, List<String>> answers) {

    public SyntheticResponse {
        answers = Map.copyOf(answers);
    }
}
