package org.tweetflow.collect.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AccountsTest {

    private static Post post(long id, String author, Post.Figures figures, String... mentions) {
        return new Post(id, null, author, figures, "", List.of(), List.of(mentions), List.of(), List.of(), null,
                new String[] {Long.toString(id)});
    }

    @Test
    void keepsOneEntryPerAccountForItsPostsMentionsAndLatestFigures() {
        Accounts accounts = new Accounts();
        accounts.see(post(1, "alice", new Post.Figures(100, 40), "bob"));
        accounts.see(post(2, "bob", null, "alice", "alice"));
        accounts.see(post(3, "alice", new Post.Figures(120, 41)));
        accounts.see(post(4, null, null, "carol"));
        Map<String, long[]> seen = new HashMap<>();
        accounts.forEach((key, account) -> seen.put(key, new long[] {account.posts, account.mentions,
            account.hasFigures ? 1 : 0, account.followers, account.following}));
        assertThat(seen).containsOnlyKeys("alice", "bob", "carol");
        assertThat(seen.get("alice")).containsExactly(2, 2, 1, 120, 41);
        assertThat(seen.get("bob")).containsExactly(1, 1, 0, 0, 0);
        assertThat(seen.get("carol")).containsExactly(0, 1, 0, 0, 0);
    }

    @Test
    void aPostGivenByEachOfTheSummariesSharingTheTableCountsOnce() {
        Accounts accounts = new Accounts();
        Post post = post(1, "alice", new Post.Figures(100, 40), "bob");
        AccountCounts.users(accounts).accept(post);
        AccountCounts.mentions(accounts).accept(post);
        AccountCounts.followers(accounts).accept(post);
        new FollowRatios(accounts).accept(post);
        Map<String, Long> posts = new HashMap<>();
        accounts.forEach((key, account) -> posts.put(key, account.posts + account.mentions));
        assertThat(posts).containsOnly(Map.entry("alice", 1L), Map.entry("bob", 1L));
    }
}
