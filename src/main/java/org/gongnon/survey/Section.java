package org.gongnon.survey;

import java.util.List;

/** A page of the citizen's form. */
public record Section(String code, LocalText title, LocalText intro, List<Question> questions) {

    public Section {
        title = title == null ? LocalText.empty() : title;
        intro = intro == null ? LocalText.empty() : intro;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
