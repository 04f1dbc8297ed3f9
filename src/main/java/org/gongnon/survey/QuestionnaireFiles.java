package org.gongnon.survey;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.util.List;
import org.gongnon.base.UserFacingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaire as a JSON document: how it is stored with its wave and the file facilitators export and
 * import. The document names its format and version so a file from elsewhere is refused clearly.
 */
public final class QuestionnaireFiles {

    public static final String FORMAT = "gongnon-questionnaire";
    public static final int VERSION = 1;
    /** Larger files are refused before parsing: a questionnaire of a few hundred questions is far below. */
    public static final int LARGEST_FILE = 1_000_000;

    // Only record components (their fields) are written, not derived getters such as isEmpty().
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .withVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE))
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file's outer shape. */
    record Document(String format, Integer version, List<Section> sections) {
    }

    private QuestionnaireFiles() {
    }

    public static String write(Questionnaire questionnaire) {
        return MAPPER.writeValueAsString(new Document(FORMAT, VERSION, questionnaire.sections()));
    }

    /** Reads a questionnaire; a file that is not one (or of a later version) is a clear error, not a stack trace. */
    public static Questionnaire read(String json) {
        if (json == null || json.isBlank()) {
            throw new UserFacingException("survey.import.empty");
        }
        if (json.length() > LARGEST_FILE) {
            throw new UserFacingException("survey.import.too-large");
        }
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JacksonException e) {
            throw new UserFacingException("survey.import.not-a-questionnaire");
        }
        if (document == null || !FORMAT.equals(document.format())) {
            throw new UserFacingException("survey.import.not-a-questionnaire");
        }
        if (document.version() == null || document.version() > VERSION) {
            throw new UserFacingException("survey.import.unknown-version");
        }
        return new Questionnaire(document.sections());
    }
}
