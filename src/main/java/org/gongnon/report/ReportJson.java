package org.gongnon.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.gongnon.recommendation.RecommendationResults;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frozen form of a reviewed report: its document and the recommendations it states, as JSON. Records are
 * written field by field (not through helper methods such as {@code tables()}), so what is read back is exactly
 * what was written.
 */
final class ReportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .withVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static ReportDocument document(String json) {
        return MAPPER.readValue(json, ReportDocument.class);
    }

    static RecommendationResults recommendations(String json) {
        return MAPPER.readValue(json, RecommendationResults.class);
    }
}
