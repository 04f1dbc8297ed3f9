package org.gongnon.base;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems, then throws them together so the user sees all of them at once. */
public final class Problems {

    private final List<ValidationException.FieldProblem> list = new ArrayList<>();

    public Problems add(String field, String messageKey, Object... arguments) {
        list.add(new ValidationException.FieldProblem(field, messageKey, arguments));
        return this;
    }

    /** Required text: present, not longer than {@code max} characters, and no ID number in it. */
    public String requireText(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            add(field, "validation.required");
        } else if (trimmed.length() > max) {
            add(field, "validation.too-long", max);
        }
        noIdNumber(field, trimmed);
        return trimmed;
    }

    /** Optional text: may be empty, not longer than {@code max} characters, and no ID number in it. */
    public String optionalText(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > max) {
            add(field, "validation.too-long", max);
        }
        noIdNumber(field, trimmed);
        return trimmed;
    }

    /** Resident registration numbers (and other ID numbers, see {@link IdNumbers}) are never stored. */
    public Problems noIdNumber(String field, String value) {
        if (IdNumbers.contains(value)) {
            add(field, IdNumbers.REFUSED);
        }
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
