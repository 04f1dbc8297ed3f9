package org.gongnon.base;

/**
 * A refusal the user should read: carries a translation key (and its arguments), never a technical
 * message. Views translate it; the global error handler shows it instead of a generic error.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
