package org.tweetflow.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.member.ProviderSlowException;

/**
 * The member's dashboard and its actions. Addresses that name a member answer 404 for anyone but that member, so a
 * member can neither read nor guess another's state.
 */
@Controller
class DashboardController {

    private final SignedInMember signedIn;
    private final MemberDashboard dashboard;
    private final MemberAccount account;

    DashboardController(SignedInMember signedIn, MemberDashboard dashboard, MemberAccount account) {
        this.signedIn = signedIn;
        this.dashboard = dashboard;
        this.account = account;
    }

    @GetMapping("/dashboard")
    String dashboard(Authentication authentication, Model model) {
        Member member = signedIn.of(authentication);
        if (!member.twitterConnected()) {
            return "redirect:/connect";
        }
        model.addAttribute("view", dashboard.view(member));
        return "dashboard";
    }

    /** The dashboard's live updates. */
    @GetMapping("/api/members/{id}/state")
    @ResponseBody
    DashboardView state(Authentication authentication, @PathVariable long id) {
        return dashboard.view(signedIn.own(authentication, id));
    }

    /**
     * The archive file on Open Humans, through a fresh signed download address. Asking for one changes nothing, so
     * when Open Humans is slow the member is told to follow the link again.
     */
    @GetMapping("/members/{id}/archive")
    String archive(Authentication authentication, @PathVariable long id, Model model, HttpServletResponse response) {
        Optional<String> url;
        try {
            url = account.archiveDownloadUrl(signedIn.own(authentication, id));
        } catch (ProviderSlowException slow) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            return ProblemPage.show(model, "Archive link not ready", "Open Humans did not answer in time. Your "
                    + "archive there is as it was; please follow the link again in a minute.", "/dashboard");
        }
        return "redirect:" + url.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no archive on Open Humans yet."));
    }

    @PostMapping("/dashboard/sync")
    String syncNow(Authentication authentication, RedirectAttributes flash) {
        Member member = signedIn.of(authentication);
        if (!member.twitterConnected()) {
            return "redirect:/connect";
        }
        Optional<String> refused = account.requestSync(member.id())
                .map(MemberDashboard::format);
        flash.addFlashAttribute("notice", refused.map(from -> "You asked for a sync a short while ago; you can ask "
                + "again from " + from + ".").orElse("Sync queued."));
        return "redirect:/dashboard";
    }

    @PostMapping("/dashboard/disconnect")
    String disconnect(Authentication authentication, @RequestParam(defaultValue = "keep") String archive,
            RedirectAttributes flash) {
        boolean delete = "delete".equals(archive);
        boolean deleted = account.disconnectTwitter(signedIn.of(authentication), delete);
        flash.addFlashAttribute("notice", !delete ? "X disconnected. Your archive stays in your Open Humans account."
                : deleted ? "X disconnected and your archive deleted from Open Humans."
                : "X disconnected. " + ConnectController.DELETION_PENDING);
        return "redirect:/connect";
    }

    @PostMapping("/account/delete")
    String deleteAccount(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        account.delete(signedIn.of(authentication));
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/?deleted";
    }
}
