package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;
import dev.imapmock.sasl.Mechanism;
import dev.imapmock.sasl.Mechanisms;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code login-before-tls}: LOGIN, or AUTHENTICATE with a mechanism that sends the secret as it
 * is (PLAIN, LOGIN, XOAUTH2, OAUTHBEARER), on a clear connection where the server showed
 * LOGINDISABLED (RFC 3501 §6.2.3) or offered STARTTLS (RFC 3501 §6.2.1; RFC 8314 §3 asks clients
 * to prefer TLS).
 */
final class TlsCheck implements ClientCheck {
    private final boolean startTlsOffered;

    TlsCheck(Set<Extension> offered) {
        this.startTlsOffered = offered.contains(Extension.STARTTLS);
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c) || c.secure() || !(c.loginDisabled() || startTlsOffered)) {
            return;
        }
        if (!(c.is("LOGIN") || c.is("AUTHENTICATE") && clearMechanism(c))) {
            return;
        }
        report.violation("login-before-tls", c.loginDisabled() ? "RFC 3501 §6.2.3" : "RFC 3501 §6.2.1", c.line(),
                "sent a password in clear " + (c.loginDisabled() ? "although the server showed LOGINDISABLED"
                        : "although the server offered STARTTLS") + "; run STARTTLS first (or connect with implicit TLS)");
    }

    private static boolean clearMechanism(ClientEvent.Command c) {
        if (c.args().isEmpty() || c.args().get(0) instanceof Arg.ListArg) {
            return false;
        }
        String name = new String(c.args().get(0).bytes(), StandardCharsets.US_ASCII);
        return Mechanisms.named(name).map(Mechanism::sendsSecretInClear).orElse(false);
    }
}
