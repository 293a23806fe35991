package dev.imapmock.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the arguments of SEARCH (RFC 3501 §6.4.4, §9 {@code search}): an optional
 * {@code CHARSET name}, then one or more search keys, which together mean AND.
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

    private final List<Arg> args;
    private final Charset charset;
    private int pos;

    private SearchParser(List<Arg> args, int pos, Charset charset) {
        this.args = args;
        this.pos = pos;
        this.charset = charset;
    }

    /**
     * Parses SEARCH's arguments (after {@code SEARCH} or {@code UID SEARCH}).
     *
     * @throws BadCharsetException when CHARSET names a charset other than UTF-8 or US-ASCII
     * @throws ProtocolException for every syntax error
     */
    public static SearchProgram parse(List<Arg> args) {
        String charsetName = null;
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (!args.isEmpty() && args.get(0) instanceof Arg.Atom atom
                && ArgParsing.equalsIgnoreCase(atom.text(), "CHARSET")) {
            if (args.size() < 2 || args.get(1) instanceof Arg.ListArg) {
                throw new ProtocolException("CHARSET needs a charset name, such as CHARSET UTF-8");
            }
            charsetName = args.get(1).text();
            charset = supportedCharset(charsetName);
            start = 2;
        }
        if (start >= args.size()) {
            throw new ProtocolException("SEARCH needs at least one search key, such as ALL or UNSEEN");
        }
        SearchParser parser = new SearchParser(args, start, charset);
        return new SearchProgram(charsetName, parser.keysToEnd(1));
    }

    private static Charset supportedCharset(String name) {
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
            return new SearchParser(list.items(), 0, charset).keysToEnd(depth + 1);
        }
        if (!(arg instanceof Arg.Atom atom)) {
            throw new ProtocolException("expected a search key such as ALL or FROM but got "
                    + ArgParsing.describe(arg));
        }
        String name = atom.text();
        if (!name.isEmpty() && (name.charAt(0) == '*' || (name.charAt(0) >= '0' && name.charAt(0) <= '9'))) {
            return new SearchKey.Sequence(SequenceSet.parse(name));
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
                return new SearchKey.Uid(SequenceSet.parse(next(upper, "a UID set such as 1:5")));
            case "NOT":
                requireMore(upper, "a search key");
                return new SearchKey.Not(key(depth + 1));
            case "OR":
                requireMore(upper, "two search keys");
                SearchKey left = key(depth + 1);
                requireMore(upper, "two search keys");
                return new SearchKey.Or(left, key(depth + 1));
            default:
                throw new ProtocolException("unknown search key " + ArgParsing.shorten(name));
        }
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
