package org.gongnon.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Arrays;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;

/** Turns refusals from services into the user's language. */
public final class Messages {

    private Messages() {
    }

    public static String of(Component where, UserFacingException e) {
        return translate(where, e.messageKey(), e.arguments());
    }

    public static String of(Component where, ValidationException.FieldProblem problem) {
        return translate(where, problem.messageKey(), problem.arguments());
    }

    /** Arguments that are themselves message keys (e.g. a phase name) are translated too. */
    public static String translate(Component where, String key, Object... arguments) {
        Object[] translated = Arrays.stream(arguments)
                .map(a -> a instanceof String s && s.matches("[a-z-]+\\.[a-z.-]+") ? where.getTranslation(s) : a)
                .toArray();
        return where.getTranslation(key, translated);
    }
}
