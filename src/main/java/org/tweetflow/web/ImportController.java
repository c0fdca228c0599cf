package org.tweetflow.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tweetflow.archive.export.ArchiveImports;
import org.tweetflow.archive.export.ExportContents;
import org.tweetflow.archive.export.ExportUploads;
import org.tweetflow.archive.export.RefusedExportException;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;

/**
 * The import of a member's X data export: the page, the upload (read as it arrives, part by part: the servlet
 * container never stores it) and the import's live state. Before and after connecting X alike.
 */
@Controller
class ImportController {

    private final SignedInMember signedIn;
    private final ImportPage page;
    private final ExportUploads uploads;
    private final Figures figures;
    private final DataSize maxUploadSize;

    ImportController(SignedInMember signedIn, ImportPage page, ExportUploads uploads, Figures figures,
            TweetflowProperties properties) {
        this.signedIn = signedIn;
        this.page = page;
        this.uploads = uploads;
        this.figures = figures;
        this.maxUploadSize = properties.imports().maxUploadSize();
    }

    @GetMapping("/import")
    String importPage(Authentication authentication, Model model) {
        Member member = signedIn.of(authentication);
        model.addAttribute("view", page.view(member));
        model.addAttribute("twitterConnected", member.twitterConnected());
        return "import";
    }

    /** The import page's live updates. */
    @GetMapping("/api/members/{id}/import")
    @ResponseBody
    ImportView state(Authentication authentication, @PathVariable long id) {
        return page.view(signedIn.own(authentication, id));
    }

    /**
     * The upload: a multipart form of one zip, or of the tweets files (and account.js). The CSRF token comes in the
     * address, since the body is read only here, as it arrives.
     */
    @PostMapping("/import")
    String upload(Authentication authentication, HttpServletRequest request, RedirectAttributes flash) {
        Member member = signedIn.of(authentication);
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            flash.addFlashAttribute("notice", "Choose your export's zip, or its tweets files, to upload.");
            return "redirect:/import";
        }
        if (request.getContentLengthLong() > maxUploadSize.toBytes()) {
            // said before a byte is read: the browser would otherwise send gigabytes to be refused
            flash.addFlashAttribute("notice", "Not imported: the upload is larger than " + maxUploadSize.toGigabytes()
                    + " GB, more than this service takes. Upload data/tweets.js, its parts and data/account.js alone.");
            return "redirect:/import";
        }
        try {
            ExportContents contents = uploads.receive(member.id(), each -> new JakartaServletFileUpload<>()
                    .getItemIterator(request).forEachRemaining(item -> read(item, each)));
            flash.addFlashAttribute("notice", "Your upload is read: " + figures.number(contents.posts())
                    + " posts. The import into your archive runs now; this page shows how far it got.");
        } catch (RefusedExportException refused) {
            flash.addFlashAttribute("notice", "Not imported: " + refused.getMessage());
        } catch (IOException broken) {
            flash.addFlashAttribute("notice", ArchiveImports.BROKEN_OFF);
        }
        return "redirect:/import";
    }

    private static void read(FileItemInput item, ExportUploads.UploadedFile each) throws IOException {
        // an empty file field (nothing chosen) sends a part without a name
        if (!item.isFormField() && item.getName() != null && !item.getName().isBlank()) {
            each.read(item.getName(), item.getInputStream());
        }
    }
}
