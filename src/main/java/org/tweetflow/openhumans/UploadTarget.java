package org.tweetflow.openhumans;

/** Where Open Humans takes a new file: its id-to-be and the presigned URL to PUT it to. */
public record UploadTarget(long fileId, String url) {

    @Override
    public String toString() {
        // the presigned URL is a credential until it expires
        return "UploadTarget[" + fileId + "]";
    }
}
