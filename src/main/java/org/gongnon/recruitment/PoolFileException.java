package org.gongnon.recruitment;

import org.gongnon.base.UserFacingException;

/**
 * A pool file that cannot be read as a whole (empty, not a spreadsheet, broken quoting, …). Carries a
 * {@code recruitment.import.file.*} translation key; problems of single rows are {@link RowProblem}s instead.
 */
public class PoolFileException extends UserFacingException {

    public PoolFileException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
