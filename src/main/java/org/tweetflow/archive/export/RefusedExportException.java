package org.tweetflow.archive.export;

/**
 * An upload the import refuses, before anything of it is merged. The message is the reason shown to the member: it
 * names what is wrong in their words and never quotes the upload's content.
 */
public class RefusedExportException extends RuntimeException {

    public RefusedExportException(String reason) {
        super(reason);
    }
}
