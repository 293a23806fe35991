package dev.imapmock.protocol;

import java.util.Locale;

/**
 * Entry names of METADATA (RFC 5464 §3.2, §5 {@code entry = astring}): a slash-separated path
 * whose first part is {@code /private} or {@code /shared}, of printable ASCII without {@code *}
 * or {@code %}, without an empty part and without a {@code /} at the end. Names are
 * case-insensitive and come out in lower case, as Dovecot answers them. A name that breaks a rule
 * is a syntax error ({@code BAD}).
 */
public final class MetadataEntry {
    private MetadataEntry() {
    }

    /**
     * Reads an entry name that GETMETADATA asks for: any valid name, {@code /private} and
     * {@code /shared} themselves included, since DEPTH finds the entries below them.
     *
     * @param arg the argument
     * @return the name in lower case
     * @throws ProtocolException when it is a list or not a valid entry name
     */
    public static String read(Arg arg) {
        if (arg instanceof Arg.ListArg) {
            throw new ProtocolException("Expected an entry name, not a list");
        }
        String name = arg.text();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new ProtocolException("Entry name must be printable ASCII: " + ArgParsing.shorten(name));
            }
            if (c == '*' || c == '%') {
                throw new ProtocolException("Entry name must not contain " + c + ": " + ArgParsing.shorten(name));
            }
        }
        if (!name.startsWith("/")) {
            throw new ProtocolException("Entry name must begin with /: " + ArgParsing.shorten(name));
        }
        if (name.contains("//")) {
            throw new ProtocolException("Entry name must not contain //: " + ArgParsing.shorten(name));
        }
        if (name.endsWith("/")) {
            throw new ProtocolException("Entry name must not end with /: " + ArgParsing.shorten(name));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!isScope(lower) && !lower.startsWith("/private/") && !lower.startsWith("/shared/")) {
            throw new ProtocolException("Entry name must begin with /private or /shared: " + ArgParsing.shorten(name));
        }
        return lower;
    }

    /**
     * Reads an entry name that SETMETADATA sets: a valid name below {@code /private} or
     * {@code /shared}, which themselves hold no value.
     *
     * @param arg the argument
     * @return the name in lower case
     * @throws ProtocolException when it is a list, not a valid entry name, or a scope alone
     */
    public static String readSettable(Arg arg) {
        String name = read(arg);
        if (isScope(name)) {
            throw new ProtocolException("Entry name " + name + " holds no value; name an entry below it");
        }
        return name;
    }

    /** True for {@code /private} and {@code /shared}, lower case. */
    private static boolean isScope(String lower) {
        return lower.equals("/private") || lower.equals("/shared");
    }
}
