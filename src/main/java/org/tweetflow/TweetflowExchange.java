package org.tweetflow;

/**
 * Names of the exchange properties that carry state between route steps. Properties, not headers: camel-http
 * sends headers to the remote side, and tokens must never travel or be logged by accident.
 */
public final class TweetflowExchange {

    /** The {@code XCall} the next call to X makes. */
    public static final String X_CALL = "tweetflowXCall";
    /** The X user whose posts are fetched. */
    public static final String X_USER_ID = "tweetflowXUserId";
    /** Whose budget and token the calls use (a member id, or "app"). */
    public static final String CREDENTIAL = "tweetflowCredential";
    /** The X access token of that credential (redacted in toString wherever it is wrapped). */
    public static final String ACCESS_TOKEN = "tweetflowAccessToken";
    /** The member whose sync this is. */
    public static final String MEMBER_ID = "tweetflowMemberId";
    /** The member's sync in progress ({@code SyncRun}), shared by the archive-member route and its split. */
    public static final String SYNC_RUN = "tweetflowSyncRun";
    /** The claimed work item a worker is busy with. */
    public static final String WORK_ITEM = "tweetflowWorkItem";
    /** The week collector of the range being fetched. */
    public static final String WEEK_COLLECTOR = "tweetflowWeekCollector";
    /** Whether another page of the range is to be fetched. */
    public static final String MORE_PAGES = "tweetflowMorePages";

    /** The member's Open Humans access token. */
    public static final String OPEN_HUMANS_TOKEN = "tweetflowOpenHumansToken";
    /** The member's Open Humans project member id. */
    public static final String PROJECT_MEMBER_ID = "tweetflowProjectMemberId";
    /** Every archive file found on Open Humans (normally one): the upload replaces them all. */
    public static final String ARCHIVE_FILES = "tweetflowArchiveFiles";
    /** The newest archive file on Open Humans, the one the sync starts from, if any. */
    public static final String OLD_ARCHIVE = "tweetflowOldArchive";
    /** The merged archive, in a temporary file, ready to upload. */
    public static final String ARCHIVE_PATH = "tweetflowArchivePath";
    /** The Open Humans metadata of the archive file (a map). */
    public static final String ARCHIVE_METADATA = "tweetflowArchiveMetadata";

    private TweetflowExchange() {
    }
}
