package org.gongnon.process;

public enum CodeSignInResult {
    SIGNED_IN,
    /** Wrong or unknown code: one message for both, so codes cannot be probed. */
    INVALID,
    /** Too many wrong attempts on this code; try again later. */
    LOCKED
}
