package org.tweetflow.sandbox.openhumans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;


/**
 * State of the simulated Open Humans: demo members, OAuth codes and tokens (in memory), file metadata (in memory)
 * and file contents (on disk under {@link OpenHumansSimulationProperties#storageDir()}). Tests use the public
 * methods to skip the browser flow, seed files and count calls.
 */
public class OpenHumansSimulator {

    public static final Duration CODE_TTL = Duration.ofSeconds(60);
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofSeconds(36000);
    public static final String SCOPE = "read write";
    public static final String SOURCE = "direct-sharing-1330";
    private static final String COMPLETED = "completed:";

    /** The result of issuing tokens without the browser flow. */
    public record Tokens(String accessToken, String refreshToken) {
    }

    enum TokenState { VALID, EXPIRED, INVALID }

    record Code(String projectMemberId, String redirectUri, Instant expiresAt) {
    }

    record AccessToken(String projectMemberId, Instant expiresAt) {
    }

    /** A file record; {@code completed} files are listed. */
    static final class FileRecord {
        final long id;
        final String projectMemberId;
        final String basename;
        final String metadataJson;
        final String storageKey;
        final String downloadKey;
        volatile Instant created;
        volatile boolean completed;
        volatile long size;

        FileRecord(long id, String projectMemberId, String basename, String metadataJson, String storageKey,
                String downloadKey, Instant created) {
            this.id = id;
            this.projectMemberId = projectMemberId;
            this.basename = basename;
            this.metadataJson = metadataJson;
            this.storageKey = storageKey;
            this.downloadKey = downloadKey;
            this.created = created;
        }

        SimulatedFile view() {
            return new SimulatedFile(id, projectMemberId, basename, metadataJson, size, created);
        }
    }

    private final Clock clock;
    private final Path storageDir;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimulatedMember> members = new LinkedHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<Long, FileRecord> files = new ConcurrentHashMap<>();
    private final Map<String, FileRecord> byStorageKey = new ConcurrentHashMap<>();
    private final AtomicLong nextFileId = new AtomicLong(60000001L);
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public OpenHumansSimulator(Clock clock, OpenHumansSimulationProperties properties) {
        this.clock = clock;
        this.storageDir = properties.storageDir().toAbsolutePath().normalize();
        addMember("10000001", "ada", "2024-01-15T09:00:00Z");
        addMember("10000002", "ben", "2024-02-20T10:30:00Z");
        addMember("10000003", "cleo", "2024-03-25T14:45:00Z");
        try {
            Files.createDirectories(storageDir);
            removeOrphans();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Open Humans sandbox storage " + storageDir, e);
        }
    }

    /** File metadata lives in memory only: bytes left by an earlier run can never be listed again. */
    private void removeOrphans() throws IOException {
        try (var entries = Files.list(storageDir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                        || (name.startsWith("upload-") && name.endsWith(".part")))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void addMember(String id, String username, String created) {
        members.put(id, new SimulatedMember(id, username, Instant.parse(created)));
    }

    // ---------------------------------------------------------------- public API for tests and demos

    public List<SimulatedMember> members() {
        return List.copyOf(members.values());
    }

    public Optional<SimulatedMember> member(String projectMemberId) {
        return Optional.ofNullable(projectMemberId == null ? null : members.get(projectMemberId));
    }

    /** An access token for the member, without the browser flow. */
    public String issueToken(String projectMemberId) {
        return issueTokens(projectMemberId).accessToken();
    }

    /** An access and a refresh token for the member, without the browser flow. */
    public Tokens issueTokens(String projectMemberId) {
        requireMember(projectMemberId);
        String access = randomToken(30);
        String refresh = randomToken(30);
        accessTokens.put(access, new AccessToken(projectMemberId, clock.instant().plus(ACCESS_TOKEN_TTL)));
        refreshTokens.put(refresh, projectMemberId);
        return new Tokens(access, refresh);
    }

    /** Makes the access token answer "Expired token." from now on. */
    public void expireAccessToken(String token) {
        accessTokens.computeIfPresent(token, (k, t) -> new AccessToken(t.projectMemberId(), Instant.EPOCH));
    }

    /** The member's completed files, oldest first. */
    public List<SimulatedFile> files(String projectMemberId) {
        return completedFiles(projectMemberId).stream().map(FileRecord::view).toList();
    }

    /** Where the bytes of a file are stored. */
    public Path path(long fileId) {
        FileRecord file = files.get(fileId);
        if (file == null) {
            throw new IllegalArgumentException("no file " + fileId);
        }
        return storagePath(file.storageKey);
    }

    public InputStream open(long fileId) throws IOException {
        return Files.newInputStream(path(fileId));
    }

    /** Seeds a completed file for the member. */
    public SimulatedFile addFile(String projectMemberId, String basename, String metadataJson, byte[] content) {
        requireMember(projectMemberId);
        FileRecord file = newFile(projectMemberId, basename, metadataJson);
        try {
            Files.write(storagePath(file.storageKey), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.size = content.length;
        file.completed = true;
        return file.view();
    }

    /** Deletes every file (completed or not) of every member, on disk too. */
    public void clearFiles() {
        for (FileRecord f : List.copyOf(files.values())) {
            try {
                delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Calls of "exchange-member", "upload-direct", "put", "complete", "delete", "download" since the last reset. */
    public int callCount(String endpointKey) {
        AtomicInteger n = counts.get(endpointKey);
        return n == null ? 0 : n.get();
    }

    /** Uploads of the member's that completed since the last reset: one per sync that uploaded. */
    public int completedUploads(String projectMemberId) {
        return callCount(COMPLETED + projectMemberId);
    }

    public void resetCounts() {
        counts.clear();
    }

    // ---------------------------------------------------------------- used by the controllers

    void count(String endpointKey) {
        counts.computeIfAbsent(endpointKey, k -> new AtomicInteger()).incrementAndGet();
    }

    Clock clock() {
        return clock;
    }

    String issueCode(String projectMemberId, String redirectUri) {
        requireMember(projectMemberId);
        String code = randomToken(30);
        codes.put(code, new Code(projectMemberId, redirectUri, clock.instant().plus(CODE_TTL)));
        return code;
    }

    /** Uses the code up; empty when unknown, used, expired or for another redirect_uri. */
    Optional<Tokens> redeemCode(String code, String redirectUri) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || !clock.instant().isBefore(c.expiresAt())
                || (c.redirectUri() != null && !c.redirectUri().equals(redirectUri))) {
            return Optional.empty();
        }
        return Optional.of(issueTokens(c.projectMemberId()));
    }

    /** Rotates the refresh token: the old one stops working. */
    Optional<Tokens> redeemRefreshToken(String refreshToken) {
        String member = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        return member == null ? Optional.empty() : Optional.of(issueTokens(member));
    }

    TokenState tokenState(String token) {
        AccessToken t = token == null ? null : accessTokens.get(token);
        if (t == null) {
            return TokenState.INVALID;
        }
        return clock.instant().isBefore(t.expiresAt()) ? TokenState.VALID : TokenState.EXPIRED;
    }

    /** The member of a valid token. */
    String memberOf(String token) {
        return accessTokens.get(token).projectMemberId();
    }

    List<FileRecord> completedFiles(String projectMemberId) {
        List<FileRecord> list = new ArrayList<>();
        for (FileRecord f : files.values()) {
            if (f.completed && f.projectMemberId.equals(projectMemberId)) {
                list.add(f);
            }
        }
        list.sort(Comparator.comparingLong(f -> f.id));
        return list;
    }

    FileRecord newFile(String projectMemberId, String basename, String metadataJson) {
        long id = nextFileId.getAndIncrement();
        FileRecord file = new FileRecord(id, projectMemberId, basename, metadataJson,
                java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), clock.instant());
        files.put(id, file);
        byStorageKey.put(file.storageKey, file);
        return file;
    }

    Optional<FileRecord> file(long id) {
        return Optional.ofNullable(files.get(id));
    }

    Optional<FileRecord> fileByStorageKey(String key) {
        return Optional.ofNullable(key == null ? null : byStorageKey.get(key));
    }

    /** Stores the stream on disk (through a temporary file) and returns the number of bytes. */
    long store(FileRecord file, InputStream body) throws IOException {
        Path target = storagePath(file.storageKey);
        Path tmp = Files.createTempFile(storageDir, "upload-", ".part");
        try {
            long size = Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Marks a PUT file completed; empty when its bytes never arrived. */
    Optional<Long> complete(FileRecord file) throws IOException {
        Path p = storagePath(file.storageKey);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        file.size = Files.size(p);
        file.created = clock.instant();
        file.completed = true;
        count(COMPLETED + file.projectMemberId);
        return Optional.of(file.size);
    }

    void delete(FileRecord file) throws IOException {
        files.remove(file.id);
        byStorageKey.remove(file.storageKey);
        Files.deleteIfExists(storagePath(file.storageKey));
    }

    Path storagePath(String key) {
        return storageDir.resolve(key);
    }

    private void requireMember(String projectMemberId) {
        if (member(projectMemberId).isEmpty()) {
            throw new IllegalArgumentException("no demo member " + projectMemberId);
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
