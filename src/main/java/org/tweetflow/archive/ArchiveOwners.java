package org.tweetflow.archive;

import java.util.Objects;
import java.util.Optional;

import org.tweetflow.openhumans.OpenHumansMember;

/** Where the archive jobs learn whose archive a member id stands for; the member package keeps the members. */
public interface ArchiveOwners {

    Optional<ArchiveOwner> owner(long memberId);

    /**
     * Whether the member is still here, with the X account {@code syncing} was taken for (a run that only imports
     * their X export, taken without X, needs the member only).
     */
    default boolean stillConnected(ArchiveOwner syncing) {
        return owner(syncing.memberId()).filter(now -> !syncing.xConnected()
                || now.xConnected() && Objects.equals(now.xAccount().id(), syncing.xAccount().id())).isPresent();
    }

    /** Body: a member id. The member the archive calls act for at Open Humans. */
    default OpenHumansMember openHumansMember(long memberId) {
        return owner(memberId).map(ArchiveOwner::openHumans)
                .orElseThrow(() -> new IllegalStateException("member " + memberId + " has left"));
    }
}
