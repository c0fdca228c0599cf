package org.tweetflow.collect.summary;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The accounts of a collection by key ({@link PostFields#authorKey} for authors, the lowercased username for those
 * mentioned): the posts each wrote, the times each was mentioned, and their followers and following as last seen
 * (later pages overwrite earlier ones, and a recurring collection appends its newer runs at the end of the file, so
 * the figures are the freshest X gave). One table serves count-users.csv, count-mentions.csv, count-followers.csv
 * and follow-ratio.csv in the same pass, so each account's key and entry are kept once, not in four maps; a post
 * seen twice in a row is taken once.
 */
final class Accounts {

    /** Mutable while counting. */
    static final class Account {
        long posts;
        long mentions;
        boolean hasFigures;
        long followers;
        long following;
    }

    private final Map<String, Account> byKey = new HashMap<>();
    private Post last;

    void see(Post post) {
        if (post == last) {
            return;
        }
        last = post;
        if (post.authorKey() != null) {
            Account author = account(post.authorKey());
            author.posts++;
            if (post.figures() != null) {
                author.hasFigures = true;
                author.followers = post.figures().followers();
                author.following = post.figures().following();
            }
        }
        for (String mentioned : post.mentions()) {
            account(mentioned).mentions++;
        }
    }

    void forEach(BiConsumer<String, Account> consumer) {
        byKey.forEach(consumer);
    }

    private Account account(String key) {
        Account account = byKey.get(key);
        if (account == null) {
            account = new Account();
            byKey.put(key, account);
        }
        return account;
    }
}
