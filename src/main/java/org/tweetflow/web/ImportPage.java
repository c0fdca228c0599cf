package org.tweetflow.web;

import org.springframework.stereotype.Component;
import org.tweetflow.archive.export.ArchiveImports;
import org.tweetflow.archive.export.ImportStatus;
import org.tweetflow.member.Member;

/** Reads a member's latest import into what the import page shows, in words and figures. */
@Component
class ImportPage {

    private final ArchiveImports imports;
    private final Figures figures;

    ImportPage(ArchiveImports imports, Figures figures) {
        this.imports = imports;
        this.figures = figures;
    }

    ImportView view(Member member) {
        return imports.status(member.id()).map(status -> view(member, status)).orElse(new ImportView(member.id(),
                "none", "You have not imported an export yet.", false, "0", null, null, null, null, null));
    }

    private ImportView view(Member member, ImportStatus status) {
        String posts = figures.number(status.postsRead());
        String weeks = status.weeks() == null ? null : figures.number(status.weeks());
        String notRead = status.filesNotRead() == 0 ? "nothing"
                : figures.number(status.filesNotRead()) + (status.filesNotRead() == 1 ? " file" : " files")
                        + " (messages, likes, media and the rest): passed over as they arrived, never stored";
        return new ImportView(member.id(), status.state(), label(status, posts, weeks), status.underWay(), posts,
                weeks, status.filesRead(), notRead, status.account() == null ? null : "@" + status.account().username(),
                status.exportedAt() == null ? null : MemberDashboard.format(status.exportedAt()));
    }

    private static String label(ImportStatus status, String posts, String weeks) {
        return switch (status.state()) {
            case ArchiveImports.RECEIVING -> "Reading your upload: " + posts + " posts so far";
            case ArchiveImports.QUEUED -> "Read " + posts + " posts; the import into your archive starts as soon as "
                    + "a worker is free";
            case ArchiveImports.IMPORTING -> weeks == null ? "Importing " + posts + " posts: sorting them into weeks"
                    : "Importing " + posts + " posts: merging " + weeks + " weeks into your archive on Open Humans";
            case ArchiveImports.DONE -> "Done: the " + posts + " posts of your export are in your archive on Open "
                    + "Humans (" + weeks + " weeks)";
            case ArchiveImports.REFUSED -> "Not imported: " + status.detail();
            default -> "Failed: " + status.detail();
        };
    }
}
