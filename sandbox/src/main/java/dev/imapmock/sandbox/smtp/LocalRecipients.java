package dev.imapmock.sandbox.smtp;

import java.util.Collection;
import java.util.Optional;

/**
 * Which configured user an address is for. The whole address is tried first, then its local part
 * (what comes before the last {@code @}), so that {@code alice@example.com} reaches the user
 * {@code alice@example.com} when there is one and the user {@code alice} otherwise, whatever the
 * domain: the sandbox is every domain's mail server. Each try ignores case (RFC 5321 §2.4 lets a
 * server treat local parts so, and nearly all do) but prefers a user whose name matches exactly.
 * A quoted local part is compared with its quotes.
 */
final class LocalRecipients {
    private LocalRecipients() {
    }

    static Optional<String> resolve(String address, Collection<String> users) {
        Optional<String> whole = match(address, users);
        if (whole.isPresent()) {
            return whole;
        }
        int at = address.lastIndexOf('@');
        return at > 0 ? match(address.substring(0, at), users) : Optional.empty();
    }

    /** True for {@code postmaster} and {@code postmaster@any.domain}, in any case (RFC 5321 §4.5.1). */
    static boolean isPostmaster(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).equalsIgnoreCase("postmaster");
    }

    private static Optional<String> match(String name, Collection<String> users) {
        String folded = null;
        for (String user : users) {
            if (user.equals(name)) {
                return Optional.of(user);
            }
            if (folded == null && user.equalsIgnoreCase(name)) {
                folded = user;
            }
        }
        return Optional.ofNullable(folded);
    }
}
