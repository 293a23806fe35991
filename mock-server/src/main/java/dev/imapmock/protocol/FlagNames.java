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
    /** The system flag {@code \Answered}, canonical spelling. */
    public static final String ANSWERED = "\\Answered";
    /** The system flag {@code \Flagged}, canonical spelling. */
    public static final String FLAGGED = "\\Flagged";
    /** The system flag {@code \Deleted}, canonical spelling. */
    public static final String DELETED = "\\Deleted";
    /** The system flag {@code \Seen}, canonical spelling. */
    public static final String SEEN = "\\Seen";
    /** The system flag {@code \Draft}, canonical spelling. */
    public static final String DRAFT = "\\Draft";
    /** The flag {@code \Recent}: set by the server only, never accepted from a client. */
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
     * @param list the parenthesized list as decoded
     * @return the flags, unmodifiable, in the client's order without repeats
     */
    public static Set<String> parseFlagList(Arg.ListArg list) {
        return parseFlags(list.items());
    }

    /**
     * Parses flags given one per argument, as STORE allows without parentheses.
     *
     * @param flags the arguments, each one flag
     * @return the flags, unmodifiable, in the client's order without repeats
     * @throws ProtocolException for an argument that is not a valid flag (see {@link #parseFlag(Arg)})
     */
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
     * @param arg one argument as decoded
     * @return the flag: a system flag in canonical spelling, a keyword as sent
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

    /**
     * The canonical spelling of a settable system flag named in any case, or null.
     *
     * @param name a flag name with its backslash, in any case
     * @return the canonical spelling, or null when {@code name} is no settable system flag (also for {@code \Recent})
     */
    public static String systemFlag(String name) {
        for (String flag : SETTABLE_SYSTEM_FLAGS) {
            if (ArgParsing.equalsIgnoreCase(flag, name)) {
                return flag;
            }
        }
        return null;
    }
}
