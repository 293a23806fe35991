package dev.imapmock.protocol;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message flags as clients send them to STORE and APPEND (RFC 3501 §2.3.2, §9 {@code flag}).
 *
 * <p>The five settable system flags are matched case-insensitively and returned in their
 * canonical spelling ({@code \seen} becomes {@code \Seen}); keywords are atoms and kept as sent.
 * {@code \Recent} is rejected because only the server sets it (§2.3.2); any other backslash
 * name is rejected because it is no flag this server knows and cannot be a keyword.
 */
public final class FlagNames {
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String SEEN = "\\Seen";
    public static final String DRAFT = "\\Draft";
    public static final String RECENT = "\\Recent";

    /** The system flags a client may set, in canonical spelling. */
    public static final List<String> SETTABLE_SYSTEM_FLAGS = List.of(ANSWERED, FLAGGED, DELETED, SEEN, DRAFT);

    private FlagNames() {
    }

    /**
     * Parses a {@code flag-list}, such as APPEND's optional first argument; {@code ()} gives an
     * empty set. The set keeps the client's order and drops repeats.
     *
     * @throws ProtocolException for an element that is not a valid flag
     */
    public static Set<String> parseFlagList(Arg.ListArg list) {
        return parseFlags(list.items());
    }

    /** Parses flags given one per argument, as STORE allows without parentheses. */
    public static Set<String> parseFlags(List<Arg> flags) {
        Set<String> result = new LinkedHashSet<>();
        for (Arg flag : flags) {
            result.add(parseFlag(flag));
        }
        return Collections.unmodifiableSet(result);
    }

    /**
     * Parses one flag: a settable system flag (returned in canonical case) or a keyword atom.
     *
     * @throws ProtocolException for a string or list, {@code \Recent}, another backslash name or an
     *     atom with characters a keyword cannot hold
     */
    public static String parseFlag(Arg arg) {
        if (!(arg instanceof Arg.Atom atom)) {
            throw new ProtocolException("a flag must be an atom such as \\Seen or $Label, not "
                    + ArgParsing.describe(arg));
        }
        String text = atom.text();
        if (text.startsWith("\\")) {
            String system = systemFlag(text);
            if (system != null) {
                return system;
            }
            if (ArgParsing.equalsIgnoreCase(text, RECENT)) {
                throw new ProtocolException("\\Recent is set by the server only; a client cannot set or clear it");
            }
            throw new ProtocolException("unknown flag " + ArgParsing.shorten(text)
                    + "; system flags are \\Answered \\Flagged \\Deleted \\Seen \\Draft, keywords have no backslash");
        }
        if (!ImapStrings.isAtom(text)) {
            throw new ProtocolException("\"" + ArgParsing.shorten(text) + "\" is not a valid flag keyword");
        }
        return text;
    }

    /** The canonical spelling of a settable system flag named in any case, or null. */
    public static String systemFlag(String name) {
        for (String flag : SETTABLE_SYSTEM_FLAGS) {
            if (ArgParsing.equalsIgnoreCase(flag, name)) {
                return flag;
            }
        }
        return null;
    }
}
