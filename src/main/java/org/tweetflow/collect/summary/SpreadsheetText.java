package org.tweetflow.collect.summary;

/**
 * Free text in the CSV files, made safe for spreadsheets: anyone can post into a collection, and a spreadsheet runs a
 * cell that starts with {@code = + - @}, a tab or a carriage return as a formula (OWASP "CSV Injection"). Such a
 * cell gets a leading apostrophe, which spreadsheets read as "text follows" and hide; the raw pages keep the text
 * exact.
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    public static String guarded(String text) {
        return startsFormula(text, 0) ? "'" + text : text;
    }

    /** The text as posted, for a reader of the CSV files that is not a spreadsheet (the summary page). */
    public static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsFormula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsFormula(String text, int at) {
        return text.length() > at && FORMULA_STARTS.indexOf(text.charAt(at)) >= 0;
    }
}
