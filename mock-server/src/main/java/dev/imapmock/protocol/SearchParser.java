package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the arguments of SEARCH (RFC 3501 §6.4.4, §9 {@code search}): an optional
 * {@code CHARSET name}, then one or more search keys, which together mean AND. Extensions the
 * server offers add syntax: with ESEARCH an optional {@code RETURN (...)} before the charset
 * (RFC 4466 §2.6, RFC 4731 §3.1; SAVE with SEARCHRES, RFC 5182 §2), with CONDSTORE the key
 * MODSEQ (RFC 7162 §3.1.5), with WITHIN the keys OLDER and YOUNGER (RFC 5032 §2), with SEARCHRES
 * {@code $} as a sequence set and after UID (RFC 5182 §3). Without them each is a syntax error,
 * as in a server that never had it.
 *
 * <p>String arguments are astrings (atom, quoted string or literal) and are decoded with the
 * charset: UTF-8 or US-ASCII, any other name throws {@link BadCharsetException}. Without CHARSET
 * the RFC says US-ASCII; strings are decoded as UTF-8, its superset, because many clients send
 * UTF-8 without naming it. Bytes that are not valid in the charset are a syntax error.
 *
 * <p>Nesting (parentheses, NOT, OR) is capped at {@link #MAX_DEPTH} levels so that a hostile
 * command gets a BAD answer rather than exhausting the stack.
 */
public final class SearchParser {
    /** The deepest nesting of parentheses, NOT and OR accepted. */
    public static final int MAX_DEPTH = 100;

    /** The arguments being read: the command's, or those of the parenthesized list being read. */
    private List<Arg> args;
    private final Charset charset;
    private final Set<Extension> extensions;
    private int pos;
    private boolean usesModSeq;

    private SearchParser(List<Arg> args, int pos, Charset charset, Set<Extension> extensions) {
        this.args = args;
        this.pos = pos;
        this.charset = charset;
        this.extensions = extensions;
    }

    /**
     * Parses SEARCH's arguments with the syntax of RFC 3501 alone, as for a server that offers no
     * extension.
     *
     * @throws BadCharsetException when CHARSET names a charset other than UTF-8 or US-ASCII
     * @throws ProtocolException for every syntax error
     * @param args the command's arguments after {@code SEARCH}
     * @return the parsed program
     */
    public static SearchProgram parse(List<Arg> args) {
        return parse(args, Set.of());
    }

    /**
     * Parses SEARCH's arguments (after {@code SEARCH} or {@code UID SEARCH}) for a server that
     * offers {@code extensions}.
     *
     * @throws BadCharsetException when CHARSET names a charset other than UTF-8 or US-ASCII
     * @throws ProtocolException for every syntax error
     * @param args the command's arguments after {@code SEARCH} or {@code UID SEARCH}
     * @param extensions the server's extensions, which decide the keys and RETURN options taken
     * @return the parsed program
     */
    public static SearchProgram parse(List<Arg> args, Set<Extension> extensions) {
        ReturnList returnList = readReturn(args, extensions, Extension.ESEARCH, Extension.CONTEXT_SEARCH, "SEARCH");
        String charsetName = null;
        Charset charset = StandardCharsets.UTF_8;
        int start = returnList.options().isEmpty() ? 0 : 2;
        if (args.size() > start && args.get(start) instanceof Arg.Atom atom
                && ArgParsing.equalsIgnoreCase(atom.text(), "CHARSET")) {
            if (args.size() < start + 2 || args.get(start + 1) instanceof Arg.ListArg) {
                throw new ProtocolException("CHARSET needs a charset name, such as CHARSET UTF-8");
            }
            charsetName = args.get(start + 1).text();
            charset = supportedCharset(charsetName);
            start += 2;
        }
        if (start >= args.size()) {
            throw new ProtocolException("SEARCH needs at least one search key, such as ALL or UNSEEN");
        }
        return criteria(args, start, charsetName, charset, returnList, extensions);
    }

    /**
     * The search keys from {@code args[start]} to the end, which must hold at least one, as one
     * program with the charset and result options read before them; for SORT, whose criteria are
     * SEARCH's (RFC 5256 §3).
     */
    static SearchProgram criteria(List<Arg> args, int start, String charsetName, Charset charset,
                                  ReturnList returnList, Set<Extension> extensions) {
        SearchParser parser = new SearchParser(args, start, charset, extensions);
        SearchKey key = parser.keysToEnd(1);
        return new SearchProgram(charsetName, key, returnList.options(), returnList.partial(), parser.usesModSeq);
    }

    /**
     * The result options of a {@code RETURN (...)} that opens SEARCH's arguments, when the server
     * offers ESEARCH; empty when there is none. {@code RETURN ()} is ALL (RFC 4731 §3.1); an
     * option named twice counts once, as in Dovecot. Only the first two arguments are read, so a
     * SEARCH that fails later (a charset the server lacks) can still tell whether it asked to SAVE.
     *
     * @throws ProtocolException when RETURN has no list after it or the list holds an unknown option
     * @param args the command's arguments after {@code SEARCH}
     * @param extensions the server's extensions; without ESEARCH a leading RETURN is no option list
     * @return the options, empty when SEARCH does not open with RETURN
     */
    public static Set<SearchReturn> returnOptions(List<Arg> args, Set<Extension> extensions) {
        return readReturn(args, extensions, Extension.ESEARCH, Extension.CONTEXT_SEARCH, "SEARCH").options();
    }

    /** The options of RETURN and the range of its PARTIAL, null without one. */
    record ReturnList(Set<SearchReturn> options, PartialRange partial) {
    }

    /**
     * Reads {@code RETURN (...)}. {@code PARTIAL range} (RFC 9394 §3.1) takes the next item as its
     * range and excludes ALL: both together are BAD, as in Dovecot. UPDATE comes with CONTEXT=SEARCH
     * (RFC 5267 §4.2); alone it asks for an ESEARCH response without ALL, as Dovecot answers it.
     *
     * @param gate    the extension that allows RETURN at all: ESEARCH for SEARCH, ESORT for SORT
     * @param update  the extension that allows UPDATE (CONTEXT=SEARCH, CONTEXT=SORT), null for none
     * @param command the command's name, for error texts
     */
    static ReturnList readReturn(List<Arg> args, Set<Extension> extensions, Extension gate, Extension update,
                                 String command) {
        if (!extensions.contains(gate) || args.isEmpty() || !(args.get(0) instanceof Arg.Atom atom)
                || !ArgParsing.equalsIgnoreCase(atom.text(), "RETURN")) {
            return new ReturnList(Set.of(), null);
        }
        if (args.size() < 2 || !(args.get(1) instanceof Arg.ListArg list)) {
            throw new ProtocolException("RETURN needs a parenthesized list of result options, such as RETURN (MIN COUNT)");
        }
        EnumSet<SearchReturn> options = EnumSet.noneOf(SearchReturn.class);
        PartialRange partial = null;
        List<Arg> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            Arg item = items.get(i);
            SearchReturn option = item instanceof Arg.Atom a
                    ? returnOption(ArgParsing.upper(a.text()), extensions, update) : null;
            if (option == null) {
                throw new ProtocolException("unknown " + command + " result option " + ArgParsing.describe(item)
                        + "; known are " + knownOptions(extensions, update));
            }
            if (option == SearchReturn.PARTIAL) {
                if (partial != null || i + 1 == items.size()) {
                    throw new ProtocolException(partial != null ? "PARTIAL is given twice"
                            : "PARTIAL needs a range such as 1:100 or -1:-100");
                }
                partial = PartialRange.parse(items.get(++i));
            }
            options.add(option);
        }
        if (partial != null && options.contains(SearchReturn.ALL)) {
            throw new ProtocolException("PARTIAL and ALL cannot be used together (RFC 9394 section 3.1)");
        }
        return new ReturnList(options.isEmpty() ? EnumSet.of(SearchReturn.ALL) : options, partial);
    }

    private static String knownOptions(Set<Extension> extensions, Extension update) {
        List<String> known = new ArrayList<>(List.of("MIN", "MAX", "ALL", "COUNT"));
        if (extensions.contains(Extension.SEARCHRES)) {
            known.add("SAVE");
        }
        if (extensions.contains(Extension.PARTIAL)) {
            known.add("PARTIAL");
        }
        if (update != null && extensions.contains(update)) {
            known.add("UPDATE");
        }
        String last = known.remove(known.size() - 1);
        return String.join(", ", known) + " and " + last;
    }

    private static SearchReturn returnOption(String name, Set<Extension> extensions, Extension update) {
        return switch (name) {
            case "MIN" -> SearchReturn.MIN;
            case "MAX" -> SearchReturn.MAX;
            case "ALL" -> SearchReturn.ALL;
            case "COUNT" -> SearchReturn.COUNT;
            case "SAVE" -> extensions.contains(Extension.SEARCHRES) ? SearchReturn.SAVE : null;
            case "PARTIAL" -> extensions.contains(Extension.PARTIAL) ? SearchReturn.PARTIAL : null;
            case "UPDATE" -> update != null && extensions.contains(update) ? SearchReturn.UPDATE : null;
            default -> null;
        };
    }

    /** UTF-8 or US-ASCII by that name. @throws BadCharsetException for any other */
    static Charset supportedCharset(String name) {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new BadCharsetException(name);
        }
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            throw new BadCharsetException(name);
        }
        return charset;
    }

    /** All keys from the cursor to the end of this parser's list, as one key. */
    private SearchKey keysToEnd(int depth) {
        List<SearchKey> keys = new ArrayList<>();
        while (pos < args.size()) {
            keys.add(key(depth));
        }
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private SearchKey key(int depth) {
        if (depth > MAX_DEPTH) {
            throw new ProtocolException("the search is nested too deeply; at most " + MAX_DEPTH
                    + " levels of parentheses, NOT and OR are allowed");
        }
        Arg arg = args.get(pos++);
        if (arg instanceof Arg.ListArg list) {
            if (list.items().isEmpty()) {
                throw new ProtocolException("empty parentheses in SEARCH; a group needs at least one search key");
            }
            List<Arg> outer = args;
            int outerPos = pos;
            args = list.items();
            pos = 0;
            SearchKey group = keysToEnd(depth + 1);
            args = outer;
            pos = outerPos;
            return group;
        }
        if (!(arg instanceof Arg.Atom atom)) {
            throw new ProtocolException("expected a search key such as ALL or FROM but got "
                    + ArgParsing.describe(arg));
        }
        String name = atom.text();
        if (!name.isEmpty() && (name.charAt(0) == '*' || (name.charAt(0) >= '0' && name.charAt(0) <= '9'))) {
            return new SearchKey.Sequence(SequenceSet.parse(name));
        }
        if (name.startsWith("$") && extensions.contains(Extension.SEARCHRES)) {
            return messageSet(atom, false);
        }
        String upper = ArgParsing.upper(name);
        switch (upper) {
            case "ALL":
                return new SearchKey.All();
            case "ANSWERED":
                return new SearchKey.Flag(FlagNames.ANSWERED, true);
            case "UNANSWERED":
                return new SearchKey.Flag(FlagNames.ANSWERED, false);
            case "DELETED":
                return new SearchKey.Flag(FlagNames.DELETED, true);
            case "UNDELETED":
                return new SearchKey.Flag(FlagNames.DELETED, false);
            case "DRAFT":
                return new SearchKey.Flag(FlagNames.DRAFT, true);
            case "UNDRAFT":
                return new SearchKey.Flag(FlagNames.DRAFT, false);
            case "FLAGGED":
                return new SearchKey.Flag(FlagNames.FLAGGED, true);
            case "UNFLAGGED":
                return new SearchKey.Flag(FlagNames.FLAGGED, false);
            case "SEEN":
                return new SearchKey.Flag(FlagNames.SEEN, true);
            case "UNSEEN":
                return new SearchKey.Flag(FlagNames.SEEN, false);
            case "RECENT":
                return new SearchKey.Flag(FlagNames.RECENT, true);
            case "OLD":
                return new SearchKey.Flag(FlagNames.RECENT, false);
            case "NEW":
                return new SearchKey.And(List.of(new SearchKey.Flag(FlagNames.RECENT, true),
                        new SearchKey.Flag(FlagNames.SEEN, false)));
            case "KEYWORD":
                return new SearchKey.Flag(keyword(upper), true);
            case "UNKEYWORD":
                return new SearchKey.Flag(keyword(upper), false);
            case "BCC":
                return new SearchKey.Envelope(SearchKey.EnvelopeField.BCC, string(upper));
            case "CC":
                return new SearchKey.Envelope(SearchKey.EnvelopeField.CC, string(upper));
            case "FROM":
                return new SearchKey.Envelope(SearchKey.EnvelopeField.FROM, string(upper));
            case "SUBJECT":
                return new SearchKey.Envelope(SearchKey.EnvelopeField.SUBJECT, string(upper));
            case "TO":
                return new SearchKey.Envelope(SearchKey.EnvelopeField.TO, string(upper));
            case "HEADER":
                String field = string(upper);
                return new SearchKey.Header(field, string(upper));
            case "BODY":
                return new SearchKey.Body(string(upper));
            case "TEXT":
                return new SearchKey.Text(string(upper));
            case "BEFORE":
                return date(upper, SearchKey.DateSource.INTERNAL, SearchKey.DateComparison.BEFORE);
            case "ON":
                return date(upper, SearchKey.DateSource.INTERNAL, SearchKey.DateComparison.ON);
            case "SINCE":
                return date(upper, SearchKey.DateSource.INTERNAL, SearchKey.DateComparison.SINCE);
            case "SENTBEFORE":
                return date(upper, SearchKey.DateSource.SENT, SearchKey.DateComparison.BEFORE);
            case "SENTON":
                return date(upper, SearchKey.DateSource.SENT, SearchKey.DateComparison.ON);
            case "SENTSINCE":
                return date(upper, SearchKey.DateSource.SENT, SearchKey.DateComparison.SINCE);
            case "LARGER":
                return new SearchKey.Size(SearchKey.SizeComparison.LARGER, number(upper));
            case "SMALLER":
                return new SearchKey.Size(SearchKey.SizeComparison.SMALLER, number(upper));
            case "UID":
                return messageSet(next(upper, "a UID set such as 1:5"), true);
            case "MODSEQ":
                if (extensions.contains(Extension.CONDSTORE)) {
                    return modSeq(upper);
                }
                throw unknownKey(name);
            case "SAVEDBEFORE", "SAVEDON", "SAVEDSINCE":
                if (extensions.contains(Extension.SAVEDATE)) {
                    return date(upper, SearchKey.DateSource.SAVED, SearchKey.DateComparison.valueOf(upper.substring(5)));
                }
                throw unknownKey(name);
            case "SAVEDATESUPPORTED":
                // RFC 8514 §5: every mailbox here keeps save dates, so this matches every message.
                if (extensions.contains(Extension.SAVEDATE)) {
                    return new SearchKey.All();
                }
                throw unknownKey(name);
            case "EMAILID", "THREADID":
                if (extensions.contains(Extension.OBJECTID)) {
                    return new SearchKey.ObjectId(SearchKey.ObjectIdKind.valueOf(upper), objectId(upper));
                }
                throw unknownKey(name);
            case "X-GM-MSGID", "X-GM-THRID":
                if (extensions.contains(Extension.X_GM_EXT_1)) {
                    return new SearchKey.GmailId(upper.equals("X-GM-MSGID") ? SearchKey.GmailIdKind.MESSAGE
                            : SearchKey.GmailIdKind.THREAD, gmailId(upper));
                }
                throw unknownKey(name);
            case "X-GM-RAW":
                if (extensions.contains(Extension.X_GM_EXT_1)) {
                    return GmailRawQuery.parse(string(upper));
                }
                throw unknownKey(name);
            case "OLDER":
                if (extensions.contains(Extension.WITHIN)) {
                    return new SearchKey.Within(SearchKey.Age.OLDER, interval(upper));
                }
                throw unknownKey(name);
            case "YOUNGER":
                if (extensions.contains(Extension.WITHIN)) {
                    return new SearchKey.Within(SearchKey.Age.YOUNGER, interval(upper));
                }
                throw unknownKey(name);
            case "NOT":
                requireMore(upper, "a search key");
                return new SearchKey.Not(key(depth + 1));
            case "OR":
                requireMore(upper, "two search keys");
                SearchKey left = key(depth + 1);
                requireMore(upper, "two search keys");
                return new SearchKey.Or(left, key(depth + 1));
            default:
                throw unknownKey(name);
        }
    }

    /** A UID set after UID ({@code uid}) or a bare sequence set; {@code $} in either is the saved result. */
    private SearchKey messageSet(Arg arg, boolean uid) {
        MessageSetArg set = MessageSetArg.parse(arg, extensions);
        if (set instanceof MessageSetArg.Numbers numbers) {
            return uid ? new SearchKey.Uid(numbers.set()) : new SearchKey.Sequence(numbers.set());
        }
        return new SearchKey.Saved();
    }

    /** RFC 8474 §7: {@code objectid = 1*255(ALPHA / DIGIT / "_" / "-")}, as an atom. */
    private String objectId(String keyName) {
        Arg arg = next(keyName, "an object identifier");
        String text = arg instanceof Arg.Atom atom ? atom.text() : "";
        boolean ok = !text.isEmpty() && text.length() <= 255;
        for (int i = 0; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        if (!ok) {
            throw new ProtocolException(keyName + " needs an object identifier of letters, digits, - and _");
        }
        return text;
    }

    /** Gmail's ids are unsigned 64-bit numbers written in decimal. */
    private long gmailId(String keyName) {
        Arg arg = next(keyName, "a 64-bit number");
        String text = arg instanceof Arg.Atom atom ? atom.text() : "";
        boolean ok = !text.isEmpty() && text.length() <= 20;
        for (int i = 0; ok && i < text.length(); i++) {
            ok = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        try {
            if (ok) {
                return Long.parseUnsignedLong(text);
            }
        } catch (NumberFormatException tooBig) {
            // answered below
        }
        throw new ProtocolException("search key " + keyName + " needs a number from 0 to 18446744073709551615, not "
                + ArgParsing.describe(arg));
    }

    private static ProtocolException unknownKey(String name) {
        return new ProtocolException("unknown search key " + ArgParsing.shorten(name));
    }

    /**
     * {@code MODSEQ [entry-name entry-type-req] mod-sequence-valzer} (RFC 7162 §7). The entry name
     * is a quoted {@code "/flags/" attr-flag}: a system flag other than \Recent (with its
     * backslash escaped on the wire, {@code "/flags/\\seen"}) or a keyword; the type is priv,
     * shared or all.
     */
    private SearchKey modSeq(String keyName) {
        Arg arg = next(keyName, "a mod-sequence such as 620162338");
        if (!(arg instanceof Arg.ListArg) && arg.text().startsWith("/")) {
            entryName(arg);
            Arg type = next(keyName, "an entry type (priv, shared or all) after the entry name");
            String typeName = type instanceof Arg.Atom atom ? ArgParsing.upper(atom.text()) : "";
            if (!typeName.equals("PRIV") && !typeName.equals("SHARED") && !typeName.equals("ALL")) {
                throw new ProtocolException("search key MODSEQ needs the entry type priv, shared or all after the entry name, not "
                        + ArgParsing.describe(type));
            }
            arg = next(keyName, "a mod-sequence after the entry type");
        }
        usesModSeq = true;
        return new SearchKey.ModSeq(ArgParsing.modSeq(arg, "search key MODSEQ", true));
    }

    private static void entryName(Arg arg) {
        if (!(arg instanceof Arg.Quoted)) {
            throw new ProtocolException("the entry name after MODSEQ is a quoted string such as \"/flags/\\\\seen\", not "
                    + ArgParsing.describe(arg));
        }
        String name = arg.text();
        String prefix = name.length() >= 7 ? name.substring(0, 7) : "";
        String flag = name.substring(prefix.length());
        boolean valid = ArgParsing.equalsIgnoreCase(prefix, "/flags/") && (flag.startsWith("\\")
                ? FlagNames.systemFlag(flag) != null : ImapStrings.isAtom(flag));
        if (!valid) {
            throw new ProtocolException("the entry name after MODSEQ must be \"/flags/\" and a flag (\\Answered, "
                    + "\\Flagged, \\Deleted, \\Seen, \\Draft or a keyword), not \"" + ArgParsing.shorten(name) + "\"");
        }
    }

    /** The {@code nz-number} of seconds after OLDER or YOUNGER (RFC 5032 §3). */
    private long interval(String keyName) {
        Arg arg = next(keyName, "a number of seconds");
        long n = arg instanceof Arg.Atom atom ? ArgParsing.nzNumber(atom.text()) : -1;
        if (n < 1) {
            throw new ProtocolException("search key " + keyName + " needs a number of seconds from 1 to 4294967295, not "
                    + ArgParsing.describe(arg));
        }
        return n;
    }

    private Arg next(String keyName, String what) {
        requireMore(keyName, what);
        return args.get(pos++);
    }

    private void requireMore(String keyName, String what) {
        if (pos >= args.size()) {
            throw new ProtocolException("search key " + keyName + " needs " + what + " after it");
        }
    }

    /** An astring argument, decoded with the program's charset. */
    private String string(String keyName) {
        Arg arg = next(keyName, "a string");
        if (arg instanceof Arg.ListArg) {
            throw new ProtocolException("search key " + keyName + " needs a string, not a parenthesized list");
        }
        if (arg instanceof Arg.Atom atom) {
            return atom.text();
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(arg.bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("the string after search key " + keyName + " is not valid " + charset.name());
        }
    }

    /** A {@code flag-keyword}: an atom without backslash. */
    private String keyword(String keyName) {
        Arg arg = next(keyName, "a keyword such as $Label");
        if (!(arg instanceof Arg.Atom atom) || !ImapStrings.isAtom(atom.text())) {
            String hint = arg instanceof Arg.Atom atom && atom.text().startsWith("\\")
                    ? "; system flags have their own keys, such as SEEN or FLAGGED"
                    : "";
            throw new ProtocolException("search key " + keyName + " needs a keyword such as $Label, not "
                    + ArgParsing.describe(arg) + hint);
        }
        return atom.text();
    }

    private SearchKey date(String keyName, SearchKey.DateSource source, SearchKey.DateComparison comparison) {
        LocalDate date = ImapDates.parseDate(next(keyName, "a date such as 1-Feb-1994"));
        return new SearchKey.Date(source, comparison, date);
    }

    private long number(String keyName) {
        Arg arg = next(keyName, "a number of octets");
        long n = arg instanceof Arg.Atom atom ? ArgParsing.number(atom.text()) : -1;
        if (n < 0) {
            throw new ProtocolException("search key " + keyName + " needs a number from 0 to 4294967295, not "
                    + ArgParsing.describe(arg));
        }
        return n;
    }
}
