package org.tweetflow.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code tweetflow.*} key (environment: {@code TWEETFLOW_*}). docs/configuration.md lists them with their defaults.
 * Endpoint URLs left empty mean the real services. The sandbox runs only when asked for ({@code TWEETFLOW_SANDBOX=true}):
 * it then supplies its own clients and URLs as ordinary settings of lowest precedence (and refuses to start next to
 * configured client ids). Without it the providers' settings are required, so a deployment whose Secret is missing
 * stops at start instead of serving a simulation.
 *
 * @param sandbox whether the simulated X and Open Humans run in this process
 */
@ConfigurationProperties("tweetflow")
@Validated
public record TweetflowProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("false") boolean sandbox,
        // not stripped: the key is hashed into the cipher's, and a changed one could not read the stored tokens
        String tokenKey,
        @Valid @DefaultValue Twitter twitter,
        @Valid @DefaultValue OpenHumans openhumans,
        @Valid @DefaultValue Ops ops,
        @Valid @DefaultValue Archive archive,
        @Valid @DefaultValue Imports imports,
        @Valid @DefaultValue Collect collect,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Media media,
        @Valid @DefaultValue Web web) {

    public TweetflowProperties {
        if (!sandbox) {
            List<String> missing = new ArrayList<>();
            requireText(missing, twitter.clientId(), "TWEETFLOW_TWITTER_CLIENT_ID");
            requireText(missing, twitter.clientSecret(), "TWEETFLOW_TWITTER_CLIENT_SECRET");
            requireText(missing, openhumans.clientId(), "TWEETFLOW_OPENHUMANS_CLIENT_ID");
            requireText(missing, openhumans.clientSecret(), "TWEETFLOW_OPENHUMANS_CLIENT_SECRET");
            requireText(missing, tokenKey, "TWEETFLOW_TOKEN_KEY");
            if (!missing.isEmpty()) {
                throw new MissingSettingsException(missing);
            }
        }
    }

    @Override
    public String toString() {
        return "TweetflowProperties[publicUrl=" + publicUrl + ", sandbox=" + sandbox + ", tokenKey="
                + Secrets.shown(tokenKey) + ", twitter=" + twitter + ", openhumans=" + openhumans + ", ops=" + ops
                + ", archive=" + archive + ", imports=" + imports + ", collect=" + collect + ", http=" + http + ", media=" + media + ", web=" + web + "]";
    }

    private static void requireText(List<String> missing, String value, String variable) {
        if (!StringUtils.hasText(value)) {
            missing.add(variable);
        }
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    /** @param bearerToken the X app's app-only bearer token, for collections; blank is none */
    public record Twitter(URI apiUrl, URI authorizeUrl, URI tokenUrl, String clientId, String clientSecret,
            String bearerToken) {

        public Twitter {
            // a Kubernetes Secret made from a file ends in a newline, which a header or Basic credentials would carry
            clientId = stripped(clientId);
            clientSecret = stripped(clientSecret);
            bearerToken = stripped(bearerToken);
        }

        /** Collections search with the app's token when one is configured, else with each owner's (and need it). */
        public boolean appTokenConfigured() {
            return StringUtils.hasText(bearerToken);
        }

        @Override
        public String toString() {
            return "Twitter[apiUrl=" + apiUrl + ", authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl
                    + ", clientId=" + clientId + ", clientSecret=" + Secrets.shown(clientSecret) + ", bearerToken="
                    + Secrets.shown(bearerToken) + "]";
        }
    }

    public record OpenHumans(URI url, String clientId, String clientSecret) {

        public OpenHumans {
            clientId = stripped(clientId);
            clientSecret = stripped(clientSecret);
        }

        @Override
        public String toString() {
            return "OpenHumans[url=" + url + ", clientId=" + clientId + ", clientSecret=" + Secrets.shown(clientSecret)
                    + "]";
        }
    }

    public record Ops(@DefaultValue("ops") String username, String password) {

        public Ops {
            // blank is no password: an empty one would let "ops:" in
            password = StringUtils.hasText(password) ? password.strip() : null;
        }

        @Override
        public String toString() {
            return "Ops[username=" + username + ", password=" + Secrets.shown(password) + "]";
        }
    }

    /**
     * @param schedule        Quartz cron of the stale-member scan
     * @param staleAfter      a member whose last complete sync is older than this is synced again
     * @param syncNowInterval the shortest time between two "sync now" requests of one member
     * @param workers         members synced side by side on this replica
     * @param lease           how long a claimed member stays with one worker once that worker's replica stops
     *                        renewing it (it died); longer than one call through all its redeliveries (6 ×
     *                        read-timeout + 31 s with the defaults)
     * @param leaseRenewal    how often a replica renews the leases of the syncs it runs (a heartbeat: however long
     *                        an upload takes); shorter than lease
     * @param pollInterval    how often idle workers look for queued members
     * @param claimQueued     whether this replica's workers take queued syncs (off for a replica serving pages only)
     * @param retryDelay      how long a sync stopped by a provider's outage, or an archive deletion Open Humans did
     *                        not confirm, waits before it is tried again (doubled on each further attempt)
     * @param retryDelayMax   the longest such wait
     */
    public record Archive(
            @DefaultValue("0 0 3 * * ?") String schedule,
            @NotNull @DefaultValue("P4D") Duration staleAfter,
            @NotNull @DefaultValue("PT1H") Duration syncNowInterval,
            @Min(1) @DefaultValue("4") int workers,
            @NotNull @DefaultValue("PT5M") Duration lease,
            @NotNull @DefaultValue("PT1M") Duration leaseRenewal,
            @NotNull @DefaultValue("PT2S") Duration pollInterval,
            @DefaultValue("true") boolean claimQueued,
            @NotNull @DefaultValue("PT1M") Duration retryDelay,
            @NotNull @DefaultValue("PT1H") Duration retryDelayMax) {

        /** A lease renewed less often than it expires would let a live worker's sync go to another. */
        @AssertTrue(message = "lease-renewal must be shorter than lease")
        public boolean isLeaseRenewedBeforeItExpires() {
            return leaseRenewal.compareTo(lease) < 0;
        }

        /** The wait before attempt {@code attempts + 1}: retry-delay, twice that, four times ... up to retry-delay-max. */
        public Duration retryDelayAfter(int attempts) {
            Duration delay = retryDelay;
            for (int i = 1; i < attempts && delay.compareTo(retryDelayMax) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(retryDelayMax) < 0 ? delay : retryDelayMax;
        }
    }

    /**
     * The import of a member's X data export (the "Your X data" zip, or its tweets files alone). Only the posts are
     * read; the bounds refuse hostile uploads before they cost more than a legitimate export would.
     *
     * @param dir               where an upload's posts (converted, nothing else of the zip) wait for the import to
     *                          merge them; every replica must reach it (the collections' volume serves); each file
     *                          goes when its import ends
     * @param maxUploadSize     the most one upload may send, all its files together (X's exports reach 16 GB)
     * @param maxPostsFileSize  the most one tweets file may inflate to (X writes parts of about 100 MB)
     * @param maxInflation      how many times its compressed size an entry may inflate to, beyond its first MB (a
     *                          zip bomb inflates thousands of times; JSON about ten, photos about once)
     * @param maxNestingDepth   the deepest JSON nesting a tweets file may hold (a post with a video nests about nine deep)
     * @param maxPostSize       the largest one post may be, as JSON
     * @param sortMemory        how much of the posts the import holds in memory at once while it sorts them into weeks
     */
    public record Imports(
            @NotNull @DefaultValue("./data/imports") Path dir,
            @NotNull @DefaultValue("20GB") DataSize maxUploadSize,
            @NotNull @DefaultValue("1GB") DataSize maxPostsFileSize,
            @Min(2) @DefaultValue("100") int maxInflation,
            @Min(8) @DefaultValue("64") int maxNestingDepth,
            @NotNull @DefaultValue("1MB") DataSize maxPostSize,
            @NotNull @DefaultValue("32MB") DataSize sortMemory) {
    }

    /**
     * @param workers         collections collected side by side on this replica
     * @param lease           how long a claimed collection stays with its worker once that worker's replica stops
     *                        renewing the lease (it died): then another worker takes it over
     * @param leaseRenewal    how often a replica renews the leases of the collections it runs (the heartbeat):
     *                        well within the lease
     * @param pollInterval    how often idle workers look for queued collections
     * @param claimQueued     whether this replica's workers take queued collections
     * @param defaultCount    the posts a collection asks for when its creator says nothing
     * @param maxCount        the most posts one collection may ask for, each run (a recurring one's too)
     * @param dataDir         where collections keep their raw pages (JSON Lines) and summaries
     * @param repeatCheck     how often recurring collections are checked for a due run
     * @param failedRunsBeforeStop how many runs in a row may fail before a recurring collection stops repeating
     * @param compareMax      the most collections one comparison sets side by side (each reads a file)
     * @param maxActive       the most collections one member may have queued or collecting at once
     * @param maxRecurring    the most recurring collections one member may have repeating at once
     * @param creationsPerMinute the most collections one member may start in a minute (all replicas together)
     */
    public record Collect(
            @Min(1) @DefaultValue("2") int workers,
            @NotNull @DefaultValue("PT5M") Duration lease,
            @NotNull @DefaultValue("PT1M") Duration leaseRenewal,
            @NotNull @DefaultValue("PT2S") Duration pollInterval,
            @DefaultValue("true") boolean claimQueued,
            @Min(1) @DefaultValue("1000") int defaultCount,
            @Min(1) @DefaultValue("100000") int maxCount,
            @NotNull @DefaultValue("./data/collections") Path dataDir,
            @NotNull @DefaultValue("PT1M") Duration repeatCheck,
            @Min(1) @DefaultValue("3") int failedRunsBeforeStop,
            @Min(2) @DefaultValue("10") int compareMax,
            @Min(1) @DefaultValue("5") int maxActive,
            @Min(0) @DefaultValue("3") int maxRecurring,
            @Min(1) @DefaultValue("10") int creationsPerMinute) {

        /** A lease renewed less often than it expires would let a live worker's collection go to another. */
        @AssertTrue(message = "lease-renewal must be shorter than lease")
        public boolean isLeaseRenewedBeforeItExpires() {
            return leaseRenewal.compareTo(lease) < 0;
        }
    }

    /**
     * @param connectTimeout     connect timeout of every call to X and Open Humans
     * @param readTimeout        read timeout of every call
     * @param maxRetries         redeliveries of a call that failed with 5xx, a timeout or a broken connection
     * @param retryDelay         first redelivery delay, doubled on each attempt
     * @param maxConcurrentCalls calls to X in flight at once on this replica (the Throttle EIP)
     */
    public record Http(
            @NotNull @DefaultValue("PT10S") Duration connectTimeout,
            @NotNull @DefaultValue("PT30S") Duration readTimeout,
            @Min(0) @DefaultValue("5") int maxRetries,
            @NotNull @DefaultValue("PT1S") Duration retryDelay,
            @Min(1) @DefaultValue("8") int maxConcurrentCalls) {

        /**
         * The longest a call may go unanswered with all its redeliveries, each waiting out both timeouts: a rate
         * budget's probe is held no longer (its replica died, or it gave up), then another may go.
         */
        public Duration longestCall() {
            return connectTimeout.plus(readTimeout).multipliedBy(maxRetries + 1L);
        }
    }

    /**
     * The photo fetch of a collection's media step: photos are public files, not calls to X's API, so neither X's
     * budget nor its throttle applies; an unreachable host must cost seconds, not a backoff per photo.
     *
     * @param parallelFetches photos fetched at once on this replica, by all collections together
     * @param maxRetries      redeliveries of a photo whose host answered 5xx or 429, timed out or broke the
     *                        connection (an unknown host, a refused connection, a 404 or 410 are never retried)
     * @param hostFailures    fetches from one host that fail, at least half of its last 2 × this many, before its
     *                        circuit breaker opens: its other photos are then not asked for
     * @param hostPause       how long an open breaker keeps a host's photos from being asked for before one is
     *                        tried again
     */
    public record Media(
            @Min(1) @DefaultValue("4") int parallelFetches,
            @Min(0) @DefaultValue("2") int maxRetries,
            @Min(1) @DefaultValue("5") int hostFailures,
            @NotNull @DefaultValue("PT1M") Duration hostPause) {
    }

    /**
     * @param providerWait how long a page waits for a call to X or Open Humans it started (a redelivered call can
     *                     take minutes); after that the member is answered and the call goes on, or may be repeated
     * @param maxJsonBody  the largest body the JSON API reads; a larger one is refused with a 413
     */
    public record Web(@NotNull @DefaultValue("PT10S") Duration providerWait,
            @NotNull @DefaultValue("16KB") DataSize maxJsonBody) {
    }
}
