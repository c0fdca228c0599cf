package org.tweetflow.archive.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.util.unit.DataSize;
import org.tweetflow.config.TweetflowProperties;

/**
 * Reads one of the export's .js files, each a JavaScript assignment of JSON ({@code window.YTD.tweets.part0 = [ … ]}),
 * as a stream: the array's items one at a time, each post converted and written before the next is read, so a
 * 100 MB part never sits in memory. Only the account's id and names are taken from account.js (it holds the
 * member's email too) and only the account, date and counts from the manifest.
 */
final class ExportScripts {

    /** X writes the name and "=" on the first line; the value may start there or on the next one. */
    private static final int LONGEST_PREFIX = 256;
    private static final Pattern TWEETS = Pattern.compile("\\s*window\\.YTD\\.tweets?\\.part\\d+\\s*");
    private static final Pattern MONTH = Pattern.compile("\\s*Grailbird\\.data\\.tweets_\\d{4}_\\d{2}\\s*");
    private static final Pattern MANIFEST = Pattern.compile("\\s*window\\.__THAR_CONFIG\\s*");
    private static final Pattern ACCOUNT = Pattern.compile("\\s*window\\.YTD\\.account\\.part\\d+\\s*");

    private final ObjectMapper mapper;
    private final TweetflowProperties.Imports settings;
    private final PostConversion conversion = new PostConversion();

    ExportScripts(ObjectMapper mapper, TweetflowProperties.Imports settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    /** Reads the file to its end (what follows the JSON too), under the bounds of its kind. */
    void read(ExportPath path, InputStream in, ExtractedPosts posts) throws IOException {
        BoundedInput file = new BoundedInput(in);
        DataSize largest = path.kind().posts() ? settings.maxPostsFileSize() : settings.maxPostSize();
        file.bound(largest::toBytes, path.name() + " is larger than " + ReadableSize.of(largest)
                + " once unpacked, more than X writes in one such file, so the upload was refused.");
        expectPrefix(path, file);
        BoundedInput item = new BoundedInput(file);
        try (JsonParser parser = mapper.createParser(item)) {
            switch (path.kind()) {
                case TWEETS, MONTH_OF_TWEETS -> posts.read(path.name(), readPosts(path, parser, item, posts), true);
                case MANIFEST -> readManifest(bounded(path, parser, item), posts);
                case ACCOUNT -> readAccount(path, parser, item, posts);
                default -> throw new IllegalArgumentException(path.kind() + " is never read");
            }
        } catch (StreamConstraintsException e) {
            throw refused(path, e.getMessage().contains("nesting")
                    ? "nests its JSON deeper than " + settings.maxNestingDepth() + " levels, which no export does"
                    : "holds a text longer than " + ReadableSize.of(settings.maxPostSize()) + ", which no post has");
        } catch (JsonEOFException e) {
            throw refused(path, "ends in the middle of its data: it was cut short");
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the content: the reason names only where the file broke
            throw refused(path, "is not the JSON X writes"
                    + (e.getLocation() == null ? "" : " (it breaks near byte " + e.getLocation().getByteOffset() + ")"));
        }
        if (!path.kind().posts()) {
            posts.read(path.name(), 0, false);
        }
        file.drain();
    }

    private long readPosts(ExportPath path, JsonParser parser, BoundedInput item, ExtractedPosts posts)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw refused(path, "does not hold a list of posts");
        }
        long read = 0;
        for (JsonToken token; (token = parser.nextToken()) != JsonToken.END_ARRAY; read++) {
            if (token != JsonToken.START_OBJECT) {
                throw refused(path, "holds an item that is not a post");
            }
            posts.write(conversion.convert(bounded(path, parser, item))
                    .orElseThrow(() -> refused(path, "holds an item that is not a post as X writes them (no id or date)")));
        }
        return read;
    }

    private void readManifest(JsonNode manifest, ExtractedPosts posts) {
        JsonNode user = manifest.path("userInfo");
        ExportAccount account = user.hasNonNull("accountId") ? new ExportAccount(user.get("accountId").asText(),
                user.path("userName").asText(null), user.path("displayName").asText(null)) : null;
        Long manifestPosts = null;
        for (String type : new String[] {"tweets", "tweet"}) {
            for (JsonNode file : manifest.path("dataTypes").path(type).path("files")) {
                manifestPosts = (manifestPosts == null ? 0 : manifestPosts) + file.path("count").asLong();
            }
        }
        posts.manifest(account, generatedAt(manifest.path("archiveInfo").path("generationDate").asText()),
                manifestPosts);
    }

    private void readAccount(ExportPath path, JsonParser parser, BoundedInput item, ExtractedPosts posts)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw refused(path, "does not hold the account as X writes it");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode account = bounded(path, parser, item).path("account");
            if (account.hasNonNull("accountId")) {
                posts.account(new ExportAccount(account.get("accountId").asText(),
                        account.path("username").asText(null), account.path("accountDisplayName").asText(null)));
            }
        }
    }

    /** The object starting at the parser, refused once it takes more than the largest post may. */
    private JsonNode bounded(ExportPath path, JsonParser parser, BoundedInput item) throws IOException {
        long end = item.count() + settings.maxPostSize().toBytes();
        item.bound(() -> end, path.name() + " holds an item larger than " + ReadableSize.of(settings.maxPostSize())
                + ", larger than any post, so the upload was refused.");
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refused(path, "is not the manifest X writes");
        }
        JsonNode node = parser.readValueAsTree();
        item.unbound();
        return node;
    }

    private void expectPrefix(ExportPath path, InputStream file) throws IOException {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        for (int b; (b = file.read()) != '='; ) {
            if (b < 0 || prefix.size() == LONGEST_PREFIX) {
                throw brokenPrefix(path);
            }
            prefix.write(b);
        }
        String global = prefix.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        Pattern expected = switch (path.kind()) {
            case TWEETS -> TWEETS;
            case MONTH_OF_TWEETS -> MONTH;
            case MANIFEST -> MANIFEST;
            default -> ACCOUNT;
        };
        if (!expected.matcher(global).matches()) {
            throw brokenPrefix(path);
        }
    }

    private static RefusedExportException brokenPrefix(ExportPath path) {
        return refused(path, "does not begin the way X writes it (like \"window.YTD.tweets.part0 = [\"): it was "
                + "edited or damaged");
    }

    private static RefusedExportException refused(ExportPath path, String what) {
        return new RefusedExportException(path.name() + " " + what + ", so the upload was refused.");
    }

    private static Instant generatedAt(String date) {
        try {
            return Instant.parse(date);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
