package org.tweetflow.collect.summary;

/** A summary of the collection's accounts: it reads each post into {@link Accounts}, shared or not. */
abstract class AccountsSummary implements Summary {

    private final String file;
    final Accounts accounts;

    AccountsSummary(String file, Accounts accounts) {
        this.file = file;
        this.accounts = accounts;
    }

    @Override
    public final String file() {
        return file;
    }

    @Override
    public final void accept(Post post) {
        accounts.see(post);
    }
}
