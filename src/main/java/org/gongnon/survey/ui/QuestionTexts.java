package org.gongnon.survey.ui;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;

/** A question's settings in words, for the builder's rows and the preview. */
final class QuestionTexts {

    private QuestionTexts() {
    }

    /** One line per setting the question has: options, scale, bounds, correct answer, condition. */
    static List<String> details(Component where, Locale locale, Question q) {
        List<String> lines = new ArrayList<>();
        QuestionType type = q.type();
        if (type == null) {
            return lines;
        }
        if (type.usesOptions() && !q.options().isEmpty()) {
            lines.add(where.getTranslation("survey.builder.detail-options", options(locale, q.options())));
        }
        if (type.isScale()) {
            String line = where.getTranslation("survey.builder.detail-scale", type.scaleMin(), type.scaleMax());
            if (!q.options().isEmpty()) {
                line += " · " + options(locale, q.options());
            }
            lines.add(line);
        }
        if (type == QuestionType.NUMBER && (q.min() != null || q.max() != null)) {
            lines.add(where.getTranslation("survey.builder.detail-range",
                    q.min() == null ? "–" : q.min().toPlainString(), q.max() == null ? "–" : q.max().toPlainString()));
        }
        if (type == QuestionType.TEXT) {
            lines.add(where.getTranslation("survey.builder.detail-max-length", q.effectiveMaxLength()));
        }
        if (type == QuestionType.KNOWLEDGE && q.correctOption() != null) {
            lines.add(where.getTranslation("survey.builder.detail-correct", q.option(q.correctOption())
                    .map(o -> o.label().in(locale) + " (" + o.code() + ")").orElse(q.correctOption())));
        }
        if (q.showIf() != null) {
            lines.add(where.getTranslation("survey.builder.detail-condition", q.showIf().questionCode(),
                    String.join(", ", q.showIf().anyOf())));
        }
        return lines;
    }

    static String options(Locale locale, List<AnswerOption> options) {
        return options.stream().map(o -> o.label().in(locale) + " (" + o.code() + ")")
                .collect(Collectors.joining(", "));
    }
}
