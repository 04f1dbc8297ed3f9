package org.gongnon.base;

import java.util.List;

/** Input that was refused as a whole: one problem per field, each a translation key. Nothing was saved. */
public class ValidationException extends UserFacingException {

    private final transient List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super("validation.failed");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One problem: the field it belongs to, and a translation key with its arguments. */
    public record FieldProblem(String field, String messageKey, Object... arguments) {
    }
}
