package org.tweetflow;

/**
 * Names of the exchange properties that carry typed values between route steps, each received by the next step as
 * an {@code @ExchangeProperty}. Properties, not headers: camel-http sends headers to the remote side, and every
 * request starts from clean headers ({@code HttpTarget}).
 */
public final class TweetflowExchange {

    /** The {@code XCall} the next {@code call-x} makes. */
    public static final String X_CALL = "tweetflowXCall";
    /** The {@code OpenHumansCall} the next {@code call-openhumans} makes. */
    public static final String OPEN_HUMANS_CALL = "tweetflowOpenHumansCall";
    /** The member's token the last call was sent with ({@code MemberToken}), for a renewal after 401. */
    public static final String SENT_TOKEN = "tweetflowSentToken";
    /** Whose archive the exchange works on ({@code ArchiveOwner}). */
    public static final String OWNER = "tweetflowOwner";
    /** The member at Open Humans the archive calls act for ({@code OpenHumansMember}). */
    public static final String OPEN_HUMANS_MEMBER = "tweetflowOpenHumansMember";
    /** When the sync started ({@code Instant}): a deletion asked for after it withdraws what it uploads. */
    public static final String SYNC_STARTED = "tweetflowSyncStarted";
    /** The member's archive files on Open Humans ({@code ArchiveFiles}), replaced by the upload. */
    public static final String ARCHIVE_FILES = "tweetflowArchiveFiles";
    /** The one copy every archive file downloaded so far is merged into ({@code ArchiveCopies.Combined}). */
    public static final String ARCHIVE_COPY = "tweetflowArchiveCopy";
    /** The archive the sync starts from ({@code ExistingArchive}): a downloaded copy and its index. */
    public static final String EXISTING_ARCHIVE = "tweetflowExistingArchive";
    /** The weeks due and how they are ranged ({@code SyncPlan}). */
    public static final String PLAN = "tweetflowPlan";
    /** Every week the sync fetched and the rate limit that stopped it, if one did ({@code FetchedWeeks}). */
    public static final String FETCHED = "tweetflowFetched";
    /** The merged archive and what it holds ({@code MergedArchive}). */
    public static final String MERGED = "tweetflowMerged";
    /** The member's import this archive run merges ({@code PendingImport}), or none. */
    public static final String IMPORT = "tweetflowImport";
    /** The archive file to upload ({@code ArchiveUpload}). */
    public static final String UPLOAD = "tweetflowUpload";
    /** Where Open Humans takes the new file ({@code UploadTarget}). */
    public static final String UPLOAD_TARGET = "tweetflowUploadTarget";
    /** The collection a worker is busy with ({@code Long}). */
    public static final String COLLECTION_ID = "tweetflowCollectionId";
    /** The photo being fetched for its fingerprint ({@code Photo}). */
    public static final String PHOTO = "tweetflowPhoto";
    /** The claimed work item a worker is busy with ({@code WorkItem}). */
    public static final String WORK_ITEM = "tweetflowWorkItem";
    /** Who asked for an operator's action: the ops account's name ({@code String}), for the log, never a secret. */
    public static final String OPS_ACCOUNT = "tweetflowOpsAccount";

    private TweetflowExchange() {
    }
}
