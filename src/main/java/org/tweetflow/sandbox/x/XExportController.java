package org.tweetflow.sandbox.x;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

/**
 * X's "Download an archive of your data" (x.com/settings/download_your_data) for the demo accounts: the zip built on
 * request and streamed to the response as it is written, never held whole. No sign-in: the sandbox's OAuth page
 * offers its accounts without one too.
 */
@RestController
@RequestMapping(SandboxClients.X_PATH + "/settings/download_your_data")
class XExportController {

    private final XSimulator sim;
    private final XDataExport export;

    XExportController(XSimulator sim, DemoPictures pictures, TweetflowProperties properties) {
        this.sim = sim;
        this.export = new XDataExport(sim, pictures, properties.publicUrl().toString());
    }

    @GetMapping("/{username}")
    void download(@PathVariable String username, HttpServletResponse response) throws IOException {
        Optional<XSimulator.Account> account = sim.accountByUsername(username);
        if (account.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        LocalDate today = LocalDate.ofInstant(sim.clock().instant(), ZoneOffset.UTC);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("twitter-" + today + "-" + account.get().username() + ".zip").build().toString());
        export.write(account.get(), response.getOutputStream());
    }
}
