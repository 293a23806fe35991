package dev.imapmock.sandbox.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The argument of MAIL and RCPT: {@code FROM:<path> [params]} and {@code TO:<path> [params]}
 * (RFC 5321 §4.1.2), parsed once.
 *
 * @param address    the mailbox without angle brackets and without a source route (§4.1.2: a source
 *                   route is accepted and ignored); empty for the null reverse-path {@code <>}
 * @param parameters the ESMTP parameters, keys upper-cased, values as sent (null for a key alone), in the order sent
 */
record PathArgument(String address, Map<String, String> parameters) {
    private static final Pattern DOT_STRING = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern QUOTED = Pattern.compile("\"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*\"");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[[\\x21-\\x5a\\x5e-\\x7e]+\\]");
    private static final Pattern ROUTE = Pattern.compile("@[^,:]+(,@[^,:]+)*:");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(=[\\x21-\\x3c\\x3e-\\x7e]+)?");

    PathArgument {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses {@code argument} after the command word; {@code keyword} is {@code FROM} or {@code TO}.
     * A space after the colon is accepted (many clients send one; §4.1.2 has none). A mailbox without
     * a domain ({@code <alice>}) is accepted, since ImapMock's users are often plain names.
     *
     * @throws SmtpException 501 when the argument is not of that form
     */
    static PathArgument parse(String argument, String keyword, String usage, String badAddress) {
        String prefix = keyword + ":";
        if (argument.length() < prefix.length() || !argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new SmtpException(501, "5.5.4", "Syntax: " + usage);
        }
        String rest = argument.substring(prefix.length()).stripLeading();
        if (!rest.startsWith("<")) {
            throw new SmtpException(501, "5.5.4", "Syntax: " + usage);
        }
        int close = closingBracket(rest);
        if (close < 0) {
            throw new SmtpException(501, "5.5.4", "Syntax: " + usage);
        }
        String path = rest.substring(1, close);
        String tail = rest.substring(close + 1);
        if (!tail.isEmpty() && !tail.startsWith(" ")) {
            throw new SmtpException(501, "5.5.4", "Syntax: " + usage);
        }
        var route = ROUTE.matcher(path);
        if (route.lookingAt()) {
            path = path.substring(route.end());
        }
        if (!path.isEmpty() && !validMailbox(path)) {
            throw new SmtpException(501, badAddress, "Bad address syntax: <" + path + ">");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String word : tail.trim().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!PARAMETER.matcher(word).matches()) {
                throw new SmtpException(501, "5.5.4", "Bad parameter syntax: " + word);
            }
            int eq = word.indexOf('=');
            String key = (eq < 0 ? word : word.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (parameters.containsKey(key)) {
                throw new SmtpException(501, "5.5.4", "Parameter given twice: " + key);
            }
            parameters.put(key, eq < 0 ? null : word.substring(eq + 1));
        }
        return new PathArgument(path, parameters);
    }

    /** The index of the {@code >} that closes the path, skipping quoted local parts; -1 for none. */
    private static int closingBracket(String text) {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean validMailbox(String mailbox) {
        int at = mailbox.lastIndexOf('@');
        String local = at < 0 ? mailbox : mailbox.substring(0, at);
        if (!(DOT_STRING.matcher(local).matches() || QUOTED.matcher(local).matches()) || local.length() > 64) {
            return false;
        }
        if (at < 0) {
            return true;
        }
        String domain = mailbox.substring(at + 1);
        return domain.length() <= 255
                && (DOMAIN.matcher(domain).matches() || ADDRESS_LITERAL.matcher(domain).matches());
    }
}
