package org.tweetflow.sandbox.openhumans;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tweetflow.sandbox.SandboxClients;

/**
 * The S3 bucket behind Open Humans' presigned URLs: the PUT of a direct upload and the GET a download_url redirects
 * to. It refuses what S3 refuses, with S3's XML errors: a chunked upload, one larger than a single PUT may be (5 GB),
 * a second auth mechanism, an expired URL and any request whose method, Content-MD5, Content-Type or x-amz-* headers
 * differ from what the URL was signed for.
 */
@RestController
@RequestMapping(SandboxClients.OPEN_HUMANS_PATH + S3Presigner.STORAGE_PATH)
class S3StorageController {

    private final OpenHumansSimulator simulator;
    private final S3Presigner presigner;
    private final long maxPutBytes;

    S3StorageController(OpenHumansSimulator simulator, S3Presigner presigner,
            OpenHumansSimulationProperties properties) {
        this.simulator = simulator;
        this.presigner = presigner;
        this.maxPutBytes = properties.maxPutSize().toBytes();
    }

    @PutMapping("/{key}/{name}")
    void put(@PathVariable("key") String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        simulator.count("put");
        Optional<S3Error> refusal = lengthRefusal(request).or(() -> presigner.refusal(request));
        if (refusal.isPresent()) {
            refusal.get().write(response);
            return;
        }
        Optional<OpenHumansSimulator.FileRecord> file = simulator.fileByStorageKey(key);
        if (file.isEmpty()) {
            // Only the objects Open Humans handed out URLs for (and has not deleted) may be written.
            S3Error.accessDenied().write(response);
            return;
        }
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(request.getInputStream(), md5)) {
            simulator.store(file.get(), in);
        }
        response.setStatus(HttpStatus.OK.value());
        response.setHeader(HttpHeaders.ETAG, "\"" + HexFormat.of().formatHex(md5.digest()) + "\"");
        response.setContentLength(0);
    }

    @GetMapping("/{key}/{name}")
    void get(@PathVariable("key") String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<S3Error> refusal = presigner.refusal(request);
        if (refusal.isPresent()) {
            refusal.get().write(response);
            return;
        }
        Optional<OpenHumansSimulator.FileRecord> file = simulator.fileByStorageKey(key);
        Path path = simulator.storagePath(key);
        if (file.isEmpty() || !Files.exists(path)) {
            S3Error.noSuchKey(key).write(response);
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(contentType(file.get().basename));
        response.setContentLengthLong(Files.size(path));
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        Files.copy(path, response.getOutputStream());
    }

    /**
     * S3 takes a PUT body of announced length only: 501 to a chunked one, 411 without any length, 400 to one larger
     * than a single PUT may be (told from the Content-Length, before a byte of the body is read).
     */
    private Optional<S3Error> lengthRefusal(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return Optional.of(S3Error.chunkedUpload());
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            return Optional.of(S3Error.missingContentLength());
        }
        if (length > maxPutBytes) {
            return Optional.of(S3Error.entityTooLarge(length, maxPutBytes));
        }
        return Optional.empty();
    }

    private static String contentType(String basename) {
        if (basename.toLowerCase().endsWith(".json")) {
            return MediaType.APPLICATION_JSON_VALUE;
        }
        String guessed = URLConnection.guessContentTypeFromName(basename);
        return guessed != null ? guessed : "binary/octet-stream";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
