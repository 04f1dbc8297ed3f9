package org.gongnon.scheduling;

import java.util.List;

/** A warning about a session (at a form field) with its message key and arguments. */
public record ScheduleWarning(ScheduleWarningKind kind, String field, String messageKey, List<Object> arguments) {

    public ScheduleWarning {
        arguments = List.copyOf(arguments);
    }
}
