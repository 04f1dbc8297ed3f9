package org.gongnon.survey;

/**
 * Keeps text that people typed from being run as a formula when an export is opened in a spreadsheet
 * ("CSV injection"). Following OWASP's guidance (https://owasp.org/www-community/attacks/CSV_Injection) and
 * ASVS 5.0 requirement 1.2.10, a text whose first character is =, +, -, @, a tab, a carriage return or NUL gets a
 * leading apostrophe. We look past leading spaces too (" =1+1"), since some spreadsheets trim them before deciding,
 * and treat the full-width forms of = + - @ (which Korean and Japanese input methods produce) the same way. The
 * rule is applied to every text cell, CSV and XLSX alike, so both files hold the same text (see
 * {@link SurveyExportService}); numbers written as numbers are not texts and are left alone.
 */
public final class SpreadsheetText {

    private static final String TRIGGERS = "=+-@\t\r\u0000\uFF1D\uFF0B\uFF0D\uFF20";

    private SpreadsheetText() {
    }

    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        int i = 0;
        while (i < value.length() && isBlankButNotTrigger(value.charAt(i))) {
            i++;
        }
        return i < value.length() && TRIGGERS.indexOf(value.charAt(i)) >= 0 ? "'" + value : value;
    }

    private static boolean isBlankButNotTrigger(char c) {
        return (c == ' ' || c == '\u00A0' || c == '\u3000' || c == '\n' || c == '\f' || c == '\u000B');
    }
}
