package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A {@code user,figure} file of the accounts: their posts (count-users.csv), their mentions (count-mentions.csv) or
 * their followers as last seen (count-followers.csv); most first, then by user.
 */
final class AccountCounts extends AccountsSummary {

    static final String USERS = "count-users.csv";
    static final String MENTIONS = "count-mentions.csv";
    static final String FOLLOWERS = "count-followers.csv";

    private final String keyColumn;
    private final String countColumn;
    private final Predicate<Accounts.Account> listed;
    private final ToLongFunction<Accounts.Account> figure;

    private AccountCounts(String file, Accounts accounts, String keyColumn, String countColumn,
            Predicate<Accounts.Account> listed, ToLongFunction<Accounts.Account> figure) {
        super(file, accounts);
        this.keyColumn = keyColumn;
        this.countColumn = countColumn;
        this.listed = listed;
        this.figure = figure;
    }

    /** Each author with the posts they wrote. */
    static AccountCounts users(Accounts accounts) {
        return new AccountCounts(USERS, accounts, "user", "count", account -> account.posts > 0,
                account -> account.posts);
    }

    /** Each username mentioned with the times it was. */
    static AccountCounts mentions(Accounts accounts) {
        return new AccountCounts(MENTIONS, accounts, "username", "count", account -> account.mentions > 0,
                account -> account.mentions);
    }

    /** Each author whose figures X gave with their followers, as last seen. */
    static AccountCounts followers(Accounts accounts) {
        return new AccountCounts(FOLLOWERS, accounts, "user", "followers", account -> account.hasFigures,
                account -> account.followers);
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<KeyCounts.Counted> rows = new ArrayList<>();
        accounts.forEach((key, account) -> {
            if (listed.test(account)) {
                rows.add(new KeyCounts.Counted(key, figure.applyAsLong(account)));
            }
        });
        KeyCounts.write(dir, file(), keyColumn, countColumn, rows);
    }
}
