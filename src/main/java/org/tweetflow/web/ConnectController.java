package org.tweetflow.web;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.member.ProviderSlowException;
import org.tweetflow.security.XAuthorizedMark;

/**
 * The step after signing in: connect an X account. The authorization itself (PKCE, code exchange, token storage)
 * is Spring Security's; it comes back to the callback here, which learns the account and queues the first sync.
 */
@Controller
class ConnectController {

    /** Said until Open Humans confirmed deleting the member's archive: the archive is still there meanwhile. */
    static final String DELETION_PENDING = "Open Humans has not confirmed deleting your archive yet; "
            + "tweetflow keeps asking until it does.";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectController.class);

    private final SignedInMember signedIn;
    private final MemberAccount account;

    ConnectController(SignedInMember signedIn, MemberAccount account) {
        this.signedIn = signedIn;
        this.account = account;
    }

    @GetMapping("/connect")
    String connect(Authentication authentication, Model model) {
        Member member = signedIn.of(authentication);
        if (member.twitterConnected()) {
            return "redirect:/dashboard";
        }
        model.addAttribute("deletionPending", account.archiveDeletionPending(member) ? DELETION_PENDING : null);
        return "connect";
    }

    /**
     * Where Spring Security sends the browser once it exchanged X's code (or with X's error): the account is learnt
     * only right after an exchange, never on another visit (a link from another site), which calls nothing.
     */
    @GetMapping("/connect/twitter/callback")
    String connected(Authentication authentication, @RequestParam(required = false) String error,
            HttpSession session, Model model) {
        Member member = signedIn.of(authentication);
        if (error != null) {
            String code = ProblemPage.errorCode(error, "error");
            return problem(model, "access_denied".equals(code)
                    ? "You cancelled at X, so no account was connected. Nothing was fetched or stored."
                    : "X did not authorize tweetflow (" + code + "). Nothing was fetched or stored.");
        }
        if (!XAuthorizedMark.take(session)) {
            return problem(model, "X has not just authorized tweetflow, so there is nothing to connect here. "
                    + "Connect from this page: X then sends you back with its answer.");
        }
        try {
            account.connectTwitter(member);
        } catch (ProviderSlowException slow) {
            // the tokens are stored; the account is recorded and its first sync queued as soon as X says which it is
            LOG.info("Connecting X for member {} goes on in the background: {}", member.id(), slow.getMessage());
            return ProblemPage.show(model, "X account not connected yet", "X authorized tweetflow but has not said "
                    + "yet which account it was. tweetflow connects it as soon as X does: look again in a minute.",
                    "/connect");
        } catch (RuntimeException failed) {
            LOG.warn("Connecting X for member {} failed: {}", member.id(), failed.getMessage());
            return problem(model, "X authorized tweetflow, but then did not say which account it was. "
                    + "Please try again in a few minutes.");
        }
        return "redirect:/dashboard";
    }

    private static String problem(Model model, String message) {
        return ProblemPage.show(model, "X account not connected", message, "/connect");
    }
}
