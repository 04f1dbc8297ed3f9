package org.gongnon.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongnon.base.ValidationException;

/**
 * Shows a service's validation problems on the fields they belong to. Problems for fields the form
 * does not know are returned, so the caller can show them elsewhere.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks the fields and returns the text of any problem that has no field here. */
    public String show(Component where, ValidationException e) {
        clear();
        StringBuilder unplaced = new StringBuilder();
        boolean focused = false;
        for (ValidationException.FieldProblem problem : e.problems()) {
            HasValidation field = fields.get(problem.field());
            String text = Messages.of(where, problem);
            if (field == null) {
                unplaced.append(text).append('\n');
                continue;
            }
            field.setErrorMessage(text);
            field.setInvalid(true);
            if (!focused && field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
                focused = true;
            }
        }
        return unplaced.toString().strip();
    }
}
