package org.gongnon.survey.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.gongnon.survey.Question;
import org.gongnon.survey.Questionnaire;

/**
 * A read-only rendering of a questionnaire as text: each section as a page with its questions, their help,
 * options and conditions, in the user's language. A stand-in until the citizen's form itself is shown.
 */
class QuestionnairePreview extends Div {

    QuestionnairePreview(Questionnaire questionnaire) {
        addClassName("gn-questionnaire-preview");
        setId("questionnaire-preview");
        if (questionnaire.sections().isEmpty()) {
            add(new Paragraph(getTranslation("survey.builder.preview-empty")));
            return;
        }
        int number = 0;
        int page = 0;
        for (org.gongnon.survey.Section section : questionnaire.sections()) {
            page++;
            Section part = new Section();
            part.addClassName("gn-preview-section");
            part.add(new H3(getTranslation("survey.builder.preview-page", page, questionnaire.sections().size(),
                    section.title().in(getLocale()))));
            if (!section.intro().isBlank()) {
                part.add(new Paragraph(section.intro().in(getLocale())));
            }
            OrderedList questions = new OrderedList();
            questions.getElement().setAttribute("start", String.valueOf(number + 1));
            for (Question q : section.questions()) {
                number++;
                ListItem item = new ListItem();
                Span text = new Span(q.text().in(getLocale()));
                text.addClassName("gn-preview-question");
                item.add(text);
                if (q.required()) {
                    Span required = new Span(getTranslation("survey.builder.required-badge"));
                    required.addClassName("gn-required-badge");
                    item.add(required);
                }
                if (!q.help().isBlank()) {
                    Paragraph help = new Paragraph(q.help().in(getLocale()));
                    help.addClassName("gn-hint");
                    item.add(help);
                }
                Paragraph kind = new Paragraph(SurveyLabels.type(this, q.type()));
                kind.addClassName("gn-muted");
                item.add(kind);
                if (!q.options().isEmpty()) {
                    UnorderedList options = new UnorderedList();
                    q.options().forEach(o -> options.add(new ListItem(o.label().in(getLocale()))));
                    item.add(options);
                }
                if (q.showIf() != null) {
                    Paragraph condition = new Paragraph(getTranslation("survey.builder.detail-condition",
                            q.showIf().questionCode(), String.join(", ", q.showIf().anyOf())));
                    condition.addClassName("gn-hint");
                    item.add(condition);
                }
                questions.add(item);
            }
            part.add(questions);
            add(part);
        }
    }
}
