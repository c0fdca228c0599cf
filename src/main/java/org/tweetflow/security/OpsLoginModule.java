package org.tweetflow.security;

import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Hawtio's sign-in form checks its users through JAAS; this login module answers with the ops account, through the
 * same Spring Security check as HTTP Basic on the management port, so the form accepts that account and nothing else.
 * The subject gets Hawtio's own user and role principals ({@code OPS}), which {@code hawtio.roles} requires.
 */
public class OpsLoginModule implements LoginModule {

    private static final String OPS_SIGN_IN = OpsLoginModule.class.getName() + ".opsSignIn";

    private Subject subject;
    private CallbackHandler callbacks;
    private AuthenticationManager opsSignIn;
    private Authentication signedIn;

    /** The JAAS configuration Hawtio adds to its realm: this module, required, with the ops account's check. */
    static Configuration configuration(AuthenticationManager opsSignIn) {
        AppConfigurationEntry[] entries = {new AppConfigurationEntry(OpsLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of(OPS_SIGN_IN, opsSignIn))};
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
                return entries;
            }
        };
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbacks, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbacks;
        this.opsSignIn = (AuthenticationManager) options.get(OPS_SIGN_IN);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("username");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw (LoginException) new LoginException("No credentials: " + e.getMessage()).initCause(e);
        }
        char[] secret = password.getPassword();
        if (name.getName() == null || secret == null) {
            throw new FailedLoginException("No credentials");
        }
        try {
            signedIn = opsSignIn.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(name.getName(), new String(secret)));
        } catch (AuthenticationException e) {
            throw new FailedLoginException("Not the ops account");
        } finally {
            password.clearPassword();
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (signedIn == null) {
            return false;
        }
        subject.getPrincipals().add(new UserPrincipal(signedIn.getName()));
        for (GrantedAuthority authority : signedIn.getAuthorities()) {
            subject.getPrincipals().add(new RolePrincipal(authority.getAuthority().replaceFirst("^ROLE_", "")));
        }
        return true;
    }

    @Override
    public boolean abort() {
        signedIn = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeIf(p -> p instanceof UserPrincipal || p instanceof RolePrincipal);
        signedIn = null;
        return true;
    }
}
