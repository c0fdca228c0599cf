package org.tweetflow.archive;

import java.util.Optional;

/** Where the archive jobs learn whose archive a member id stands for; the member package keeps the members. */
public interface ArchiveOwners {

    Optional<ArchiveOwner> owner(long memberId);
}
