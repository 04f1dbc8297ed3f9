package org.gongnon.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongnon.base.Problems;

/**
 * A wave's questions in sections (one section per page of the citizen's form). Stored as one JSON document
 * with the wave ({@link QuestionnaireFiles}); answers refer to questions by their code.
 */
public record Questionnaire(List<Section> sections) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    private static final int LONGEST_QUESTION = 1000;
    private static final int LONGEST_LABEL = 300;

    public Questionnaire {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static Questionnaire empty() {
        return new Questionnaire(List.of());
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(String code) {
        return questions().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    /** Questions by code, in questionnaire order. */
    public Map<String, Question> byCode() {
        Map<String, Question> map = new LinkedHashMap<>();
        questions().forEach(q -> map.put(q.code(), q));
        return map;
    }

    public boolean isEmpty() {
        return questions().isEmpty();
    }

    /**
     * Checks the questionnaire as a whole and throws every problem at once (field = question or section code):
     * codes well formed and unique, texts present, options where the kind needs them, a correct option for
     * knowledge items, sensible bounds, and conditions that refer to an earlier question.
     */
    public void validate() {
        Problems problems = new Problems();
        if (isEmpty()) {
            problems.add("questionnaire", "survey.builder.no-questions");
        }
        Set<String> sectionCodes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Map<String, Question> earlier = new LinkedHashMap<>();
        for (Section section : sections) {
            String where = section.code() == null ? "?" : section.code();
            if (section.code() == null || !CODE.matcher(section.code()).matches()) {
                problems.add(where, "survey.builder.bad-code");
            } else if (!sectionCodes.add(section.code())) {
                problems.add(where, "survey.builder.duplicate-section");
            }
            if (section.title().ko().isEmpty()) {
                problems.add(where, "survey.builder.section-title-required");
            }
            for (Question q : section.questions()) {
                validateQuestion(q, seen, earlier, problems);
                if (q.code() != null) {
                    earlier.put(q.code(), q);
                }
            }
        }
        problems.throwIfAny();
    }

    private static void validateQuestion(Question q, Set<String> seen, Map<String, Question> earlier,
                                         Problems problems) {
        String where = q.code() == null ? "?" : q.code();
        if (q.code() == null || !CODE.matcher(q.code()).matches()) {
            problems.add(where, "survey.builder.bad-code");
        } else if (!seen.add(q.code())) {
            problems.add(where, "survey.builder.duplicate-question");
        }
        if (q.type() == null) {
            problems.add(where, "survey.builder.type-required");
            return;
        }
        if (q.text() == null || q.text().ko().isEmpty()) {
            problems.add(where, "survey.builder.text-required");
        } else if (q.text().ko().length() > LONGEST_QUESTION || q.text().en().length() > LONGEST_QUESTION) {
            problems.add(where, "validation.too-long", LONGEST_QUESTION);
        }
        Set<String> optionCodes = new HashSet<>();
        for (AnswerOption option : q.options()) {
            if (option.code() == null || !CODE.matcher(option.code()).matches()) {
                problems.add(where, "survey.builder.bad-option-code", String.valueOf(option.code()));
            } else if (!optionCodes.add(option.code())) {
                problems.add(where, "survey.builder.duplicate-option", option.code());
            }
            if (option.label() == null || option.label().ko().isEmpty()) {
                problems.add(where, "survey.builder.option-label-required");
            } else if (option.label().ko().length() > LONGEST_LABEL || option.label().en().length() > LONGEST_LABEL) {
                problems.add(where, "validation.too-long", LONGEST_LABEL);
            }
        }
        if (q.type().usesOptions() && q.options().size() < 2) {
            problems.add(where, "survey.builder.two-options");
        }
        if (q.type().isScale()) {
            for (AnswerOption option : q.options()) {
                if (!isScalePoint(q.type(), option.code())) {
                    problems.add(where, "survey.builder.scale-label", q.type().scaleMin(), q.type().scaleMax());
                    break;
                }
            }
        }
        if (q.type() == QuestionType.KNOWLEDGE && (q.correctOption() == null || !optionCodes.contains(q.correctOption()))) {
            problems.add(where, "survey.builder.correct-required");
        }
        if (q.type() == QuestionType.NUMBER && q.min() != null && q.max() != null && q.min().compareTo(q.max()) > 0) {
            problems.add(where, "survey.builder.min-above-max");
        }
        if (q.maxLength() != null && (q.maxLength() < 1 || q.maxLength() > Question.LONGEST_TEXT)) {
            problems.add(where, "survey.builder.max-length", Question.LONGEST_TEXT);
        }
        if (q.showIf() != null) {
            Question target = earlier.get(q.showIf().questionCode());
            if (target == null) {
                problems.add(where, "survey.builder.condition-earlier");
            } else if (q.showIf().anyOf().isEmpty()) {
                problems.add(where, "survey.builder.condition-values");
            } else {
                for (String value : q.showIf().anyOf()) {
                    boolean known = target.type().isScale() ? isScalePoint(target.type(), value)
                            : target.option(value).isPresent();
                    if (!known) {
                        problems.add(where, "survey.builder.condition-unknown-value", value);
                    }
                }
            }
        }
    }

    private static boolean isScalePoint(QuestionType type, String value) {
        try {
            int point = Integer.parseInt(value);
            return point >= type.scaleMin() && point <= type.scaleMax();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The questions of this questionnaire marked as tracked, in order. */
    public List<Question> tracked() {
        List<Question> list = new ArrayList<>();
        for (Question q : questions()) {
            if (q.tracked()) {
                list.add(q);
            }
        }
        return list;
    }
}
