package org.tweetflow.sandbox.x;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.tweetflow.sandbox.SandboxClients;

/**
 * The state of the simulated X: demo accounts and their posts, OAuth codes and tokens, rate-limit counters. The
 * demo data is the same on every start; its timestamps are relative to the moment this bean is created.
 */
public class XSimulator {

    public static final long TWITTER_EPOCH = 1288834974657L;

    /** When a post of this id was created: X's ids are snowflakes, with the time in their high bits. */
    static Instant createdAt(long id) {
        return Instant.ofEpochMilli((id >> 22) + TWITTER_EPOCH);
    }
    public static final int REACHABLE = 3200;
    /** With {@code exclude=replies} the timeline only looks at this many of the newest posts. */
    public static final int REACHABLE_WITHOUT_REPLIES = 800;
    /** The first post ever (jack, 2006-03-21T20:50:14Z): ids before the snowflake epoch count from here. */
    static final long FIRST_POST_MILLIS = 1142974214000L;
    public static final String DEFAULT_SCOPE = "tweet.read users.read offline.access";
    static final Duration CODE_TTL = Duration.ofSeconds(30);
    static final Duration ACCESS_TTL = Duration.ofSeconds(7200);
    /** The caller whose windows the app's bearer token counts in ({@link #callsInWindow}). */
    public static final String APP_CALLER = "app";
    /** X's window rolls this long after the reset it advertises: a call at the reset still counts in the old one. */
    static final Duration ROLL_DELAY = Duration.ofSeconds(1);

    public static final String SANDY = "1400000000000000001";
    public static final String SAM = "1400000000000000002";
    public static final String EMMA = "1400000000000000003";
    /** An account from 2007 with posts back to then: older than the timeline's 2010-11-06 floor. */
    public static final String VETERAN = "1400000000000000004";

    /** A demo account. */
    public record Account(String id, String name, String username, Instant createdAt, String description,
            String location, boolean isProtected, boolean verified, String profileImageUrl, int followers,
            int following, int listed) {
    }

    public record Media(String mediaKey, String type, String url, int width, int height, String altText) {
    }

    public record Poll(String id, List<String> options, List<Integer> votes, int durationMinutes, Instant end) {
    }

    public record Place(String id, String fullName, String name, String country, String countryCode,
            String placeType) {
    }

    /** Where a t.co link of the demo posts leads, and the title X's URL unwinding found there. */
    record Link(String expandedUrl, String title) {
    }

    /** An access token with its (optional) refresh token. */
    public record Tokens(String accessToken, String refreshToken, String scope) {
    }

    record Code(String userId, String redirectUri, String challenge, String scope, Instant expiresAt) {
    }

    /** What a token grants: a user's access, or the app's own (app-only: no user, its own rate windows). */
    record Grant(String userId, String scope, Instant expiresAt) {

        static final Grant APP = new Grant(null, null, Instant.MAX);

        boolean appOnly() {
            return userId == null;
        }

        /** Whose windows the calls count in: the user's, or the app's. */
        String caller() {
            return appOnly() ? APP_CALLER : userId;
        }
    }

    /** The outcome of counting one call against a rate limit. */
    record Quota(int limit, int remaining, long reset, boolean exceeded) {
    }

    private final Clock clock;
    private final SimulationProperties properties;
    private final Instant createdAt;
    private final SecureRandom secureRandom = new SecureRandom();

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Long, Tweet>> timelines = new ConcurrentHashMap<>();
    private final Map<Long, Tweet> tweets = new ConcurrentHashMap<>();
    /** Edited posts: the new id and the ids of its earlier versions, oldest first. */
    private final Map<Long, List<Long>> earlierVersions = new ConcurrentHashMap<>();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final Map<String, Poll> polls = new ConcurrentHashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Map<String, DemoPhoto> photos = new ConcurrentHashMap<>();

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> windowCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callCounts = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean usageCapped;
    private final AtomicInteger sequence = new AtomicInteger();

    public XSimulator(Clock clock, SimulationProperties properties) {
        this.clock = clock;
        this.properties = properties;
        this.createdAt = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        new DemoData(this, createdAt).generate();
        // After the demo accounts, so their posts and ids stay what they were before the corpus came.
        new SearchCorpus(this, createdAt).generate();
    }

    // ------------------------------------------------------------------ public API for tests

    /** A valid access token for the user, without the browser flow. */
    public String issueToken(String userId) {
        return issueTokens(userId, DEFAULT_SCOPE).accessToken();
    }

    /** A valid access and refresh token for the user, without the browser flow. */
    public Tokens issueTokens(String userId, String scope) {
        String access = randomToken();
        accessTokens.put(access, new Grant(userId, scope, clock.instant().plus(ACCESS_TTL)));
        String refresh = null;
        if (scope.contains("offline.access")) {
            refresh = randomToken();
            refreshTokens.put(refresh, new Grant(userId, scope, Instant.MAX));
        }
        return new Tokens(access, refresh, scope);
    }

    public void expireAccessToken(String accessToken) {
        accessTokens.computeIfPresent(accessToken, (k, g) -> new Grant(g.userId(), g.scope(), Instant.EPOCH));
    }

    /** Adds a post by the user at the given time; visible on later calls. */
    public Tweet post(String userId, String text, Instant at) {
        Tweet t = addTweet(userId, text, at, "en", "Tweetflow Sandbox", 0, null, List.of(), List.of(), null, null,
                new Tweet.Metrics(0, 0, 0, 0, 0, 0), false);
        return t;
    }

    /**
     * The user edits a post, as X does it: the edit is a new post with a new id (created at the edit) whose
     * {@code edit_history_tweet_ids} list the earlier versions; the timeline shows only the newest version.
     */
    public Tweet edit(long id, String text, Instant at) {
        Tweet old = tweet(id).orElseThrow(() -> new IllegalArgumentException("no post " + id));
        Tweet edited = addTweet(old.authorId(), text, at, old.lang(), old.source(), old.conversationId(),
                old.inReplyToUserId(), old.referencedTweets(), old.mediaKeys(), old.pollId(), old.placeId(),
                old.metrics(), old.withheld());
        List<Long> history = new ArrayList<>(earlierVersions.getOrDefault(id, List.of()));
        history.add(id);
        earlierVersions.put(edited.id(), List.copyOf(history));
        removeFromTimeline(old);
        return edited;
    }

    /** The user deletes a post: X no longer returns it. */
    public void delete(long id) {
        tweet(id).ifPresent(this::removeFromTimeline);
        tweets.remove(id);
    }

    public int callCount(String endpointKey) {
        AtomicInteger n = callCounts.get(endpointKey);
        return n == null ? 0 : n.get();
    }

    /** Calls of the caller (a user id, or {@link #APP_CALLER}) counted in the endpoint's current window. */
    public int callsInWindow(String endpointKey, String caller) {
        AtomicInteger n = windowCounts.get(windowKey(endpointKey, caller, windowStart()));
        return n == null ? 0 : n.get();
    }

    /**
     * The calls of the caller (a user id, or {@link #APP_CALLER}) to the endpoint in each window since the last
     * reset, refused ones included, by the window's start: what a limit allowed against what was asked.
     */
    public SortedMap<Instant, Integer> callsByWindow(String endpointKey, String caller) {
        String prefix = endpointKey + "|" + caller + "|";
        SortedMap<Instant, Integer> out = new TreeMap<>();
        windowCounts.forEach((key, n) -> {
            if (key.startsWith(prefix)) {
                out.put(Instant.ofEpochMilli(Long.parseLong(key.substring(prefix.length()))), n.get());
            }
        });
        return out;
    }

    /** Calls answered 429 because their caller's window was spent (any endpoint, any caller) since the last reset. */
    public int refusedCalls() {
        return refused.get();
    }

    public void resetCounts() {
        callCounts.clear();
        windowCounts.clear();
        refused.set(0);
    }

    public void setUsageCapped(boolean capped) {
        this.usageCapped = capped;
    }

    public boolean isUsageCapped() {
        return usageCapped;
    }

    /** Ids of the tweets the timeline endpoint can return for the user, newest first. */
    public List<String> reachableTweetIds(String userId) {
        return reachable(userId).stream().filter(t -> !t.withheld()).map(Tweet::idString).toList();
    }

    /** Number of posts the account has, reachable or not. */
    public int tweetCount(String userId) {
        NavigableMap<Long, Tweet> tl = timelines.get(userId);
        return tl == null ? 0 : tl.size();
    }

    public Optional<Instant> accountCreatedAt(String userId) {
        return Optional.ofNullable(accounts.get(userId)).map(Account::createdAt);
    }

    public List<Account> demoAccounts() {
        return List.of(accounts.get(SANDY), accounts.get(SAM), accounts.get(EMMA), accounts.get(VETERAN));
    }

    public Instant createdAt() {
        return createdAt;
    }

    // ------------------------------------------------------------------ used by the controllers

    Clock clock() {
        return clock;
    }

    SimulationProperties properties() {
        return properties;
    }

    void countCall(String endpointKey) {
        callCounts.computeIfAbsent(endpointKey, k -> new AtomicInteger()).incrementAndGet();
    }

    Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    Optional<Account> accountByUsername(String username) {
        return accounts.values().stream().filter(a -> a.username().equalsIgnoreCase(username)).findFirst();
    }

    Collection<Account> allAccounts() {
        return accounts.values();
    }

    /** The ids of every version of the post, oldest first, this one last. */
    List<Long> editHistory(Tweet t) {
        List<Long> history = new ArrayList<>(earlierVersions.getOrDefault(t.id(), List.of()));
        history.add(t.id());
        return history;
    }

    private void removeFromTimeline(Tweet t) {
        NavigableMap<Long, Tweet> tl = timelines.get(t.authorId());
        if (tl != null) {
            synchronized (tl) {
                tl.remove(t.id());
            }
        }
    }

    Optional<Tweet> tweet(long id) {
        return Optional.ofNullable(tweets.get(id));
    }

    Optional<Media> media(String key) {
        return Optional.ofNullable(media.get(key));
    }

    /** The link behind a t.co slug of a demo post, when the corpus gave it one. */
    Optional<Link> link(String slug) {
        return Optional.ofNullable(links.get(slug));
    }

    /** The picture the sandbox serves for a demo photo's media key. */
    Optional<DemoPhoto> photo(String mediaKey) {
        return Optional.ofNullable(photos.get(mediaKey));
    }

    Optional<Poll> poll(String id) {
        return Optional.ofNullable(polls.get(id));
    }

    Optional<Place> place(String id) {
        return Optional.ofNullable(places.get(id));
    }

    /** The 3,200 newest posts of the account (including withheld ones), newest first. */
    List<Tweet> reachable(String userId) {
        return reachable(userId, REACHABLE);
    }

    /** The {@code depth} newest posts of the account (including withheld ones), newest first. */
    List<Tweet> reachable(String userId, int depth) {
        NavigableMap<Long, Tweet> tl = timelines.get(userId);
        if (tl == null) {
            return List.of();
        }
        List<Tweet> out = new ArrayList<>(Math.min(tl.size(), depth));
        synchronized (tl) {
            for (Tweet t : tl.descendingMap().values()) {
                if (out.size() == depth) {
                    break;
                }
                out.add(t);
            }
        }
        return out;
    }

    /** Every post of the account, reachable or not, oldest first. */
    List<Tweet> posts(String userId) {
        NavigableMap<Long, Tweet> tl = timelines.get(userId);
        if (tl == null) {
            return List.of();
        }
        synchronized (tl) {
            return List.copyOf(tl.values());
        }
    }

    /** All visible posts at or after the instant, newest first. */
    List<Tweet> recentTweets(Instant since) {
        List<Tweet> out = new ArrayList<>();
        for (Tweet t : tweets.values()) {
            if (!t.withheld() && !t.createdAt().isBefore(since)) {
                out.add(t);
            }
        }
        out.sort((a, b) -> Long.compare(b.id(), a.id()));
        return out;
    }

    /** The grant of a user's access token, or of the app's bearer token ({@link SandboxClients#X_APP_BEARER_TOKEN}). */
    Optional<Grant> grantFor(String accessToken) {
        if (SandboxClients.X_APP_BEARER_TOKEN.equals(accessToken)) {
            return Optional.of(Grant.APP);
        }
        Grant g = accessToken == null ? null : accessTokens.get(accessToken);
        if (g == null || !clock.instant().isBefore(g.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    String issueCode(String userId, String redirectUri, String challenge, String scope) {
        String code = randomToken();
        codes.put(code, new Code(userId, redirectUri, challenge, scope, clock.instant().plus(CODE_TTL)));
        return code;
    }

    /** Redeems a code (single use): empty when unknown, used, expired, or redirect/verifier do not match. */
    Optional<Tokens> redeemCode(String code, String redirectUri, String verifier) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || !clock.instant().isBefore(c.expiresAt()) || !c.redirectUri().equals(redirectUri)
                || verifier == null || !s256(verifier).equals(c.challenge())) {
            return Optional.empty();
        }
        return Optional.of(issueTokens(c.userId(), c.scope()));
    }

    /** Rotates a refresh token: the old one stops working. */
    Optional<Tokens> refresh(String refreshToken) {
        Grant g = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (g == null) {
            return Optional.empty();
        }
        return Optional.of(issueTokens(g.userId(), g.scope()));
    }

    void revoke(String token) {
        if (token != null) {
            accessTokens.remove(token);
            refreshTokens.remove(token);
        }
    }

    /** X limits the app per window apart from each user, with limits of its own (the users/me handler never asks). */
    int limitFor(String endpointKey, boolean appOnly) {
        return switch (endpointKey) {
            case "users/tweets" -> appOnly ? properties.appTimelineLimit() : properties.timelineLimit();
            case "search/recent" -> appOnly ? properties.appSearchLimit() : properties.searchLimit();
            default -> properties.meLimit();
        };
    }

    /**
     * Counts one call against the caller's fixed window of the endpoint. The window is the user's (or the app's), not
     * the token's: a refreshed token of the same user gets no new one. It rolls {@link #ROLL_DELAY} after the
     * advertised reset.
     */
    Quota consume(String endpointKey, Grant grant) {
        int limit = limitFor(endpointKey, grant.appOnly());
        long start = windowStart();
        long reset = (start + windowMillis()) / 1000;
        AtomicInteger n = windowCounts.computeIfAbsent(windowKey(endpointKey, grant.caller(), start),
                k -> new AtomicInteger());
        int used = n.incrementAndGet();
        if (used > limit) {
            refused.incrementAndGet();
            return new Quota(limit, 0, reset, true);
        }
        return new Quota(limit, limit - used, reset, false);
    }

    /** When the window that counts a call made now started, in epoch milliseconds. */
    private long windowStart() {
        long sinceRoll = clock.instant().minus(ROLL_DELAY).toEpochMilli();
        return sinceRoll - Math.floorMod(sinceRoll, windowMillis());
    }

    private long windowMillis() {
        return Math.max(1, properties.window().toSeconds()) * 1000;
    }

    private static String windowKey(String endpointKey, String caller, long start) {
        return endpointKey + "|" + caller + "|" + start;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[36];
        secureRandom.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ------------------------------------------------------------------ building the data

    void addAccount(Account a) {
        accounts.put(a.id(), a);
        timelines.computeIfAbsent(a.id(), k -> new TreeMap<>());
    }

    void addMedia(Media m) {
        media.put(m.mediaKey(), m);
    }

    void addLink(String slug, Link link) {
        links.put(slug, link);
    }

    void addPhoto(String mediaKey, DemoPhoto photo) {
        photos.put(mediaKey, photo);
    }

    void addPoll(Poll p) {
        polls.put(p.id(), p);
    }

    void addPlace(Place p) {
        places.put(p.id(), p);
    }

    List<Place> placeList() {
        return new ArrayList<>(places.values());
    }

    /**
     * A post id that grows with time. From X's snowflake epoch (2010-11-04) on: milliseconds since the epoch, shifted
     * past 22 bits of sequence. Before it X numbered posts in order; here the milliseconds since the first post,
     * shifted past 4 bits of sequence, which stays below every snowflake id from a few minutes after the epoch on.
     */
    long snowflake(Instant at) {
        long ms = at.toEpochMilli();
        if (ms < TWITTER_EPOCH) {
            long sinceFirst = Math.max(ms, FIRST_POST_MILLIS) - FIRST_POST_MILLIS + 1;
            return (sinceFirst << 4) | (sequence.incrementAndGet() & 0xF);
        }
        return ((ms - TWITTER_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF);
    }

    Tweet addTweet(String authorId, String text, Instant at, String lang, String source, long conversationId,
            String inReplyTo, List<Tweet.Ref> refs, List<String> mediaKeys, String pollId, String placeId,
            Tweet.Metrics metrics, boolean withheld) {
        long id = snowflake(at);
        Tweet t = new Tweet(id, authorId, text, at, lang, source, conversationId == 0 ? id : conversationId,
                inReplyTo, List.copyOf(refs), List.copyOf(mediaKeys), pollId, placeId, metrics, withheld);
        tweets.put(id, t);
        NavigableMap<Long, Tweet> tl = timelines.computeIfAbsent(authorId, k -> new TreeMap<>());
        synchronized (tl) {
            tl.put(id, t);
        }
        return t;
    }
}
