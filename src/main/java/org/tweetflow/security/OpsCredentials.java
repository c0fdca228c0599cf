package org.tweetflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.tweetflow.config.TweetflowProperties;

/**
 * The check of the ops account, for HTTP Basic on the management port and Hawtio's sign-in form alike. The password
 * is in the configuration as it is, so hashing it gains nothing, and bcrypt would cost every scrape and every ops
 * call (Basic sends the credentials with each): a comparison in constant time instead, so the time an answer takes
 * says nothing of how much of a guess was right. Without a password, nobody is the ops account.
 */
final class OpsCredentials implements AuthenticationProvider {

    static final String OPS_ROLE = "OPS";

    private final byte[] username;
    private final byte[] password;

    OpsCredentials(TweetflowProperties.Ops ops) {
        this.username = utf8(ops.username());
        this.password = ops.password() == null ? null : utf8(ops.password());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        // MessageDigest.isEqual takes time after its first argument alone: the guess, never the secret
        boolean name = MessageDigest.isEqual(utf8(authentication.getName()), username);
        boolean secret = password != null
                && MessageDigest.isEqual(utf8(String.valueOf(authentication.getCredentials())), password);
        if (!(name & secret)) {
            throw new BadCredentialsException("Not the ops account");
        }
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + OPS_ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
