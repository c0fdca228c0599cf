package org.tweetflow.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveOwner;
import org.tweetflow.archive.ArchiveOwners;
import org.tweetflow.openhumans.OpenHumansMember;
import org.tweetflow.twitter.XAccount;

/** The member table: who signed in with Open Humans, and which X account they connected. */
@Component
public class Members implements ArchiveOwners {

    private static final String COLUMNS = "id, project_member_id, twitter_user_id, twitter_username, twitter_name, "
            + "twitter_created_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Members(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The member of an Open Humans project member id, created on first sign-in. */
    public Member ensure(String projectMemberId) {
        return findByProjectMemberId(projectMemberId).orElseGet(() -> {
            Timestamp now = Timestamp.from(clock.instant());
            // signed in twice at once: the other sign-in created it, read below
            jdbc.update("INSERT INTO member (project_member_id, created_at, updated_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", projectMemberId, now, now);
            return findByProjectMemberId(projectMemberId).orElseThrow();
        });
    }

    public Optional<Member> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member WHERE id = ?", Members::member, id).stream().findFirst();
    }

    @Override
    public Optional<ArchiveOwner> owner(long memberId) {
        return find(memberId).map(member -> new ArchiveOwner(
                new OpenHumansMember(member.id(), member.projectMemberId()),
                member.twitterConnected() ? new XAccount(member.twitterUserId(), member.twitterUsername(),
                        member.twitterName(), member.twitterCreatedAt()) : null));
    }

    public Optional<Member> findByProjectMemberId(String projectMemberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member WHERE project_member_id = ?", Members::member,
                projectMemberId).stream().findFirst();
    }

    public void signedIn(long id, String openHumansUsername) {
        jdbc.update("UPDATE member SET oh_username = ?, updated_at = ? WHERE id = ?", openHumansUsername,
                Timestamp.from(clock.instant()), id);
    }

    public void disconnectTwitter(long id) {
        jdbc.update("""
                UPDATE member SET twitter_user_id = NULL, twitter_username = NULL, twitter_name = NULL,
                twitter_created_at = NULL, updated_at = ? WHERE id = ?""", Timestamp.from(clock.instant()), id);
    }

    /** Forgets the member here (their tokens and state go with them); their archive on Open Humans stays theirs. */
    public void delete(long id) {
        jdbc.update("DELETE FROM member WHERE id = ?", id);
    }

    public void connectTwitter(long id, String userId, String username, String name, Instant accountCreatedAt) {
        jdbc.update("""
                UPDATE member SET twitter_user_id = ?, twitter_username = ?, twitter_name = ?, twitter_created_at = ?,
                updated_at = ? WHERE id = ?""", userId, username, name,
                accountCreatedAt == null ? null : Timestamp.from(accountCreatedAt), Timestamp.from(clock.instant()), id);
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("twitter_created_at");
        return new Member(rs.getLong("id"), rs.getString("project_member_id"), rs.getString("twitter_user_id"),
                rs.getString("twitter_username"), rs.getString("twitter_name"),
                created == null ? null : created.toInstant());
    }
}
