package org.tweetflow.web;

import java.nio.file.Files;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
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
    private final JdbcTemplate jdbc;

    Researchers(Members members, CollectionFiles files, JdbcTemplate jdbc) {
        this.members = members;
        this.files = files;
        this.jdbc = jdbc;
    }

    /** A member with an X account connected (collections search with it). */
    Member connected(String projectMemberId) {
        Member member = members.ensure(projectMemberId);
        members.connectTwitter(member.id(), "1400000000000000002", "user" + projectMemberId, "User", null);
        return members.find(member.id()).orElseThrow();
    }

    /** The collection's count-hashtags.csv, as its summaries would have written it. */
    void summarisedHashtags(Collection collection, String csv) throws Exception {
        Files.createDirectories(files.summaries(collection.id()));
        Files.writeString(files.summaries(collection.id()).resolve("count-hashtags.csv"), csv);
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
