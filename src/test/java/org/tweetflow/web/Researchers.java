package org.tweetflow.web;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.CollectionSteps;
import org.tweetflow.collect.Thumbnails;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/**
 * Members with X connected and what their collections left on disk, as the collections' page and API tests need
 * them; and a clean slate after each test. A test-only bean.
 */
@Component
class Researchers {

    private final Members members;
    private final CollectionFiles files;
    private final CollectionSteps steps;
    private final Thumbnails thumbnails;
    private final JdbcTemplate jdbc;

    Researchers(Members members, CollectionFiles files, CollectionSteps steps, Thumbnails thumbnails,
            JdbcTemplate jdbc) {
        this.members = members;
        this.files = files;
        this.steps = steps;
        this.thumbnails = thumbnails;
        this.jdbc = jdbc;
    }

    /** A member with an X account connected (collections search with it). */
    Member connected(String projectMemberId) {
        Member member = members.ensure(projectMemberId);
        members.connectTwitter(member.id(), "1400000000000000002", "user" + projectMemberId, "User", null);
        return members.find(member.id()).orElseThrow();
    }

    /** One of the collection's summary outputs, as its summaries would have written it. */
    void summarised(Collection collection, String output, String content) throws Exception {
        Path file = files.summaries(collection.id()).resolve(output);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** The collection's summary steps {@code names} are in {@code state}, as a summarising pass leaves them. */
    void steps(Collection collection, String state, List<String> names) {
        steps.claim(collection.id(), null, names);
        steps.set(collection.id(), null, names, state, null, null);
    }

    /** A thumbnail of a 640×480 grey picture kept for the photo, as fingerprinting it keeps one. */
    void thumbnail(Collection collection, String mediaKey) throws Exception {
        Files.createDirectories(files.summaries(collection.id()));
        thumbnails.write(collection.id(), mediaKey, new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY));
    }

    /** The pages up to {@code length} are recorded, as a run records them; what follows is not yet. */
    void recorded(Collection collection, long length) {
        jdbc.update("UPDATE collection SET data_length = ? WHERE id = ?", length, collection.id());
    }

    void forgetAll() {
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }
}
