package org.tweetflow.collect.summary;

/**
 * Free text in the CSV files, made safe for spreadsheets: anyone can post into a collection, and a spreadsheet runs a
 * cell that starts with {@code = + - @}, a tab or a carriage return as a formula (OWASP "CSV Injection"). Such a
 * cell gets a leading apostrophe, which spreadsheets read as "text follows" and hide; so does a text that starts
 * with an apostrophe itself, so that taking one off always gives the text as posted. The raw pages keep it exact.
 */
public final class SpreadsheetText {

    private static final String GUARDED_STARTS = "=+-@\t\r'";

    private SpreadsheetText() {
    }

    public static String guarded(String text) {
        return !text.isEmpty() && GUARDED_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The text as posted, for a reader of the CSV files that is not a spreadsheet (the summary page). */
    public static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && GUARDED_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
