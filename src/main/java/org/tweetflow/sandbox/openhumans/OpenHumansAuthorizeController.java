package org.tweetflow.sandbox.openhumans;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

import jakarta.servlet.http.HttpServletResponse;

/** The simulated Open Humans consent page: pick a demo member, then Authorize or Deny. */
@Controller
@RequestMapping(SandboxClients.OPEN_HUMANS_PATH + "/direct-sharing/projects/oauth2/authorize")
class OpenHumansAuthorizeController {

    /** Django OAuth Toolkit's words (Open Humans' provider) for a redirect_uri other than the project's. */
    static final String MISMATCHING_REDIRECT = "Mismatching redirect URI.";

    private final OpenHumansSimulator simulator;
    private final String registeredRedirect;

    OpenHumansAuthorizeController(OpenHumansSimulator simulator, TweetflowProperties properties) {
        this.simulator = simulator;
        this.registeredRedirect = SandboxClients.openHumansRedirect(properties.publicUrl());
    }

    @GetMapping({"/", ""})
    String page(@RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "response_type", required = false) String responseType,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(name = "state", required = false) String state, Model model,
            HttpServletResponse response) {
        String problem = problem(clientId, responseType, redirectUri);
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem);
            return "sandbox/oh-error";
        }
        model.addAttribute("members", simulator.members());
        model.addAttribute("clientId", clientId);
        model.addAttribute("redirectUri", redirectUri);
        model.addAttribute("state", state);
        model.addAttribute("action", SandboxClients.OPEN_HUMANS_PATH + "/direct-sharing/projects/oauth2/authorize/");
        return "sandbox/oh-authorize";
    }

    @PostMapping({"/", ""})
    String decide(@RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "project_member_id", required = false) String projectMemberId,
            @RequestParam(name = "decision", defaultValue = "deny") String decision, Model model,
            HttpServletResponse response) {
        String problem = problem(clientId, "code", redirectUri);
        if (problem == null && "authorize".equals(decision) && simulator.member(projectMemberId).isEmpty()) {
            problem = "Pick one of the demo members.";
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem);
            return "sandbox/oh-error";
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirectUri);
        if ("authorize".equals(decision)) {
            target.queryParam("code", simulator.issueCode(projectMemberId, redirectUri));
        } else {
            target.queryParam("error", "access_denied");
        }
        if (state != null) {
            target.queryParam("state", state);
        }
        return "redirect:" + target.encode().build().toUriString();
    }

    private String problem(String clientId, String responseType, String redirectUri) {
        if (!SandboxClients.OPEN_HUMANS_CLIENT_ID.equals(clientId)) {
            return "Invalid client_id parameter value.";
        }
        if (!"code".equals(responseType)) {
            return "Unsupported response_type: only \"code\" is supported.";
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            return "Missing redirect_uri parameter.";
        }
        if (!registeredRedirect.equals(redirectUri)) {
            return MISMATCHING_REDIRECT;
        }
        return null;
    }
}
