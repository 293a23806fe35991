package dev.imapmock.protocol;

import dev.imapmock.Extension;
import dev.imapmock.mime.SectionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the data-item argument of FETCH (RFC 3501 §6.4.5, §9 {@code fetch-att}): a macro
 * (ALL, FAST, FULL), one item, or a parenthesized list of items. Keywords are case-insensitive.
 *
 * <p>A body section item arrives as one atom whose brackets may hold spaces, e.g.
 * {@code BODY.PEEK[1.HEADER.FIELDS (From "X-Spam")]<0.100>}; its header field names may be atoms
 * or quoted strings (a literal cannot occur inside an atom).
 */
public final class FetchParser {
    private static final List<FetchItem> FAST = List.of(simple(FetchItem.Attribute.FLAGS),
            simple(FetchItem.Attribute.INTERNALDATE), simple(FetchItem.Attribute.RFC822_SIZE));
    private static final List<FetchItem> ALL = List.of(simple(FetchItem.Attribute.FLAGS),
            simple(FetchItem.Attribute.INTERNALDATE), simple(FetchItem.Attribute.RFC822_SIZE),
            simple(FetchItem.Attribute.ENVELOPE));
    private static final List<FetchItem> FULL = List.of(simple(FetchItem.Attribute.FLAGS),
            simple(FetchItem.Attribute.INTERNALDATE), simple(FetchItem.Attribute.RFC822_SIZE),
            simple(FetchItem.Attribute.ENVELOPE), simple(FetchItem.Attribute.BODY));

    private FetchParser() {
    }

    /**
     * Parses the arguments of FETCH after the sequence set.
     *
     * @throws ProtocolException when the items are missing, unknown, malformed, or followed by
     *     further arguments
     * @param args the command's arguments after the sequence set
     * @return the items in the order asked, macros (ALL, FAST, FULL) expanded
     */
    public static List<FetchItem> parse(List<Arg> args) {
        return parse(args, Set.of()).items();
    }

    /**
     * Parses FETCH's arguments after the sequence set for a server that offers {@code extensions}:
     * with CONDSTORE, the MODSEQ item and the fetch modifier {@code (CHANGEDSINCE n)} after the
     * items (RFC 7162 §3.1.4).
     *
     * @throws ProtocolException as {@link #parse(List)}, and for unknown or malformed modifiers
     * @param args the command's arguments after the sequence set
     * @param extensions the server's extensions, which decide the items and modifiers taken
     * @return the items and the modifiers
     */
    public static FetchRequest parse(List<Arg> args, Set<Extension> extensions) {
        boolean modifiersOffered = extensions.contains(Extension.CONDSTORE) || extensions.contains(Extension.PARTIAL);
        if (args.isEmpty()) {
            throw new ProtocolException("FETCH needs data items, such as FLAGS or (UID BODY.PEEK[])");
        }
        List<FetchItem> items = items(args.get(0), extensions);
        if (args.size() == 2 && modifiersOffered && args.get(1) instanceof Arg.ListArg modifiers) {
            return modifiers(items, modifiers, extensions);
        } else if (args.size() > 1) {
            throw new ProtocolException("FETCH takes one data item or one parenthesized list of them; "
                    + "unexpected " + ArgParsing.describe(args.get(1)) + " after it");
        }
        return new FetchRequest(items, FetchRequest.ALL, false, null);
    }

    /**
     * The fetch modifiers, in any order: {@code CHANGEDSINCE n} with CONDSTORE, {@code VANISHED}
     * with QRESYNC, {@code PARTIAL range} with PARTIAL.
     */
    private static FetchRequest modifiers(List<FetchItem> fetchItems, Arg.ListArg modifiers, Set<Extension> extensions) {
        List<Arg> items = modifiers.items();
        if (items.isEmpty()) {
            throw new ProtocolException("the list of FETCH modifiers is empty");
        }
        long changedSince = FetchRequest.ALL;
        boolean vanished = false;
        PartialRange partial = null;
        for (int i = 0; i < items.size(); i++) {
            Arg name = items.get(i);
            String upper = name instanceof Arg.Atom atom ? ArgParsing.upper(atom.text()) : "";
            if (upper.equals("CHANGEDSINCE") && extensions.contains(Extension.CONDSTORE)) {
                if (changedSince != FetchRequest.ALL) {
                    throw new ProtocolException("CHANGEDSINCE is given twice");
                }
                if (i + 1 >= items.size()) {
                    throw new ProtocolException("CHANGEDSINCE needs a mod-sequence");
                }
                changedSince = ArgParsing.modSeq(items.get(++i), "CHANGEDSINCE", false);
            } else if (upper.equals("VANISHED") && extensions.contains(Extension.QRESYNC)) {
                if (vanished) {
                    throw new ProtocolException("VANISHED is given twice");
                }
                vanished = true;
            } else if (upper.equals("PARTIAL") && extensions.contains(Extension.PARTIAL)) {
                if (partial != null) {
                    throw new ProtocolException("PARTIAL is given twice");
                }
                if (i + 1 >= items.size()) {
                    throw new ProtocolException("PARTIAL needs a range such as 1:100 or -1:-100");
                }
                partial = PartialRange.parse(items.get(++i));
            } else {
                throw new ProtocolException("unknown FETCH modifier " + (name instanceof Arg.Atom a
                        ? ArgParsing.shorten(a.text()) : ArgParsing.describe(name)) + "; " + knownModifiers(extensions));
            }
        }
        return new FetchRequest(fetchItems, changedSince, vanished, partial);
    }

    private static String knownModifiers(Set<Extension> extensions) {
        List<String> known = new ArrayList<>();
        if (extensions.contains(Extension.CONDSTORE)) {
            known.add("CHANGEDSINCE");
        }
        if (extensions.contains(Extension.QRESYNC)) {
            known.add("VANISHED");
        }
        if (extensions.contains(Extension.PARTIAL)) {
            known.add("PARTIAL");
        }
        return known.size() == 1 ? "the one known is " + known.get(0)
                : "the ones known are " + String.join(", ", known.subList(0, known.size() - 1)) + " and "
                + known.get(known.size() - 1);
    }

    private static List<FetchItem> items(Arg arg, Set<Extension> extensions) {
        if (arg instanceof Arg.Atom atom) {
            List<FetchItem> macro = macro(atom.text());
            return macro != null ? macro : List.of(parseItem(atom.text(), extensions));
        }
        if (arg instanceof Arg.ListArg list) {
            if (list.items().isEmpty()) {
                throw new ProtocolException("the list of FETCH data items is empty");
            }
            List<FetchItem> items = new ArrayList<>(list.items().size());
            List<Arg> elements = list.items();
            for (int i = 0; i < elements.size(); i++) {
                Arg element = elements.get(i);
                if (!(element instanceof Arg.Atom atom)) {
                    throw new ProtocolException(ArgParsing.describe(element) + " is not a FETCH data item");
                }
                if (macro(atom.text()) != null) {
                    throw new ProtocolException(atom.text() + " is a macro and must be used alone, not inside a list");
                }
                FetchItem item = parseItem(atom.text(), extensions);
                if (item.equals(simple(FetchItem.Attribute.PREVIEW)) && i + 1 < elements.size()
                        && elements.get(i + 1) instanceof Arg.ListArg modifiers) {
                    previewModifiers(modifiers);
                    i++;
                }
                items.add(item);
            }
            return List.copyOf(items);
        }
        throw new ProtocolException("expected FETCH data items but got " + ArgParsing.describe(arg));
    }

    /**
     * Parses one {@code fetch-att} of RFC 3501 (not a macro).
     *
     * @param text one item's atom, e.g. {@code BODY.PEEK[HEADER]<0.100>}, any case
     * @return the item
     * @throws ProtocolException when the text is no item this server knows without extensions, or malformed
     */
    public static FetchItem parseItem(String text) {
        return parseItem(text, Set.of());
    }

    /**
     * RFC 8970 §3: {@code PREVIEW (LAZY)} lets the server answer NIL for a preview it has not made
     * yet; this server always makes it, so LAZY changes nothing.
     */
    private static void previewModifiers(Arg.ListArg modifiers) {
        if (modifiers.items().isEmpty()) {
            throw new ProtocolException("the list of PREVIEW modifiers is empty");
        }
        for (Arg modifier : modifiers.items()) {
            if (!(modifier instanceof Arg.Atom atom) || !ArgParsing.upper(atom.text()).equals("LAZY")) {
                throw new ProtocolException((modifier instanceof Arg.Atom a ? ArgParsing.shorten(a.text())
                        : ArgParsing.describe(modifier)) + " is not a PREVIEW modifier; the one known is LAZY");
            }
        }
    }

    private static FetchItem parseItem(String text, Set<Extension> extensions) {
        String upper = ArgParsing.upper(text);
        FetchItem.Attribute extended = switch (upper) {
            case "MODSEQ" -> extensions.contains(Extension.CONDSTORE) ? FetchItem.Attribute.MODSEQ : null;
            case "EMAILID" -> extensions.contains(Extension.OBJECTID) ? FetchItem.Attribute.EMAILID : null;
            case "THREADID" -> extensions.contains(Extension.OBJECTID) ? FetchItem.Attribute.THREADID : null;
            case "SAVEDATE" -> extensions.contains(Extension.SAVEDATE) ? FetchItem.Attribute.SAVEDATE : null;
            case "PREVIEW" -> extensions.contains(Extension.PREVIEW) ? FetchItem.Attribute.PREVIEW : null;
            case "X-GM-MSGID" -> extensions.contains(Extension.X_GM_EXT_1) ? FetchItem.Attribute.X_GM_MSGID : null;
            case "X-GM-THRID" -> extensions.contains(Extension.X_GM_EXT_1) ? FetchItem.Attribute.X_GM_THRID : null;
            case "X-GM-LABELS" -> extensions.contains(Extension.X_GM_EXT_1) ? FetchItem.Attribute.X_GM_LABELS : null;
            default -> null;
        };
        if (extended != null) {
            return simple(extended);
        }
        switch (upper) {
            case "FLAGS":
                return simple(FetchItem.Attribute.FLAGS);
            case "INTERNALDATE":
                return simple(FetchItem.Attribute.INTERNALDATE);
            case "RFC822.SIZE":
                return simple(FetchItem.Attribute.RFC822_SIZE);
            case "UID":
                return simple(FetchItem.Attribute.UID);
            case "ENVELOPE":
                return simple(FetchItem.Attribute.ENVELOPE);
            case "BODY":
                return simple(FetchItem.Attribute.BODY);
            case "BODYSTRUCTURE":
                return simple(FetchItem.Attribute.BODYSTRUCTURE);
            case "RFC822":
                return simple(FetchItem.Attribute.RFC822);
            case "RFC822.HEADER":
                return simple(FetchItem.Attribute.RFC822_HEADER);
            case "RFC822.TEXT":
                return simple(FetchItem.Attribute.RFC822_TEXT);
            case "BODY.PEEK":
                throw new ProtocolException(
                        "BODY.PEEK needs a section in brackets, such as BODY.PEEK[] or BODY.PEEK[HEADER]");
            default:
                break;
        }
        if (extensions.contains(Extension.BINARY)) {
            if (upper.startsWith("BINARY[")) {
                return new SectionReader(text, "BINARY[".length()).binary(false, false);
            }
            if (upper.startsWith("BINARY.PEEK[")) {
                return new SectionReader(text, "BINARY.PEEK[".length()).binary(true, false);
            }
            if (upper.startsWith("BINARY.SIZE[")) {
                return new SectionReader(text, "BINARY.SIZE[".length()).binary(false, true);
            }
            if (upper.equals("BINARY") || upper.equals("BINARY.PEEK") || upper.equals("BINARY.SIZE")) {
                throw new ProtocolException(upper + " needs a part number in brackets, such as " + upper
                        + "[1] or " + upper + "[]");
            }
        }
        if (upper.startsWith("BODY[")) {
            return new SectionReader(text, "BODY[".length()).bodySection(false);
        }
        if (upper.startsWith("BODY.PEEK[")) {
            return new SectionReader(text, "BODY.PEEK[".length()).bodySection(true);
        }
        throw new ProtocolException("unknown FETCH data item " + ArgParsing.shorten(text));
    }

    private static List<FetchItem> macro(String text) {
        String upper = ArgParsing.upper(text);
        switch (upper) {
            case "ALL":
                return ALL;
            case "FAST":
                return FAST;
            case "FULL":
                return FULL;
            default:
                return null;
        }
    }

    private static FetchItem simple(FetchItem.Attribute attribute) {
        return new FetchItem.Simple(attribute);
    }

    /** A cursor over one body section item, positioned just after its opening bracket. */
    private static final class SectionReader {
        private final String text;
        private int pos;

        SectionReader(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        FetchItem bodySection(boolean peek) {
            SectionSpec section = section();
            expect(']', "the section is not closed by \"]\"");
            FetchItem.Partial partial = null;
            if (pos < text.length() && text.charAt(pos) == '<') {
                partial = partial();
            }
            if (pos != text.length()) {
                throw invalid("unexpected text after the section: \"" + ArgParsing.shorten(text.substring(pos)) + "\"");
            }
            return new FetchItem.BodySection(peek, section, partial);
        }

        /**
         * RFC 3516 §7: {@code "[" [section-part] "]"}, then for BINARY and BINARY.PEEK an optional
         * partial; BINARY.SIZE takes none. Only part numbers: HEADER, TEXT and MIME have no
         * transfer encoding to undo.
         */
        FetchItem binary(boolean peek, boolean size) {
            List<Integer> path = new ArrayList<>();
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                path.add(partNumber());
                if (pos < text.length() && text.charAt(pos) == '.') {
                    pos++;
                    if (pos < text.length() && isDigit(text.charAt(pos))) {
                        continue;
                    }
                    throw invalid("a BINARY section holds part numbers only, such as [1.2]; "
                            + "HEADER, TEXT and MIME are for BODY");
                }
                break;
            }
            if (pos < text.length() && text.charAt(pos) != ']') {
                throw invalid(path.isEmpty() && isAsciiLetter(text.charAt(pos))
                        ? "a BINARY section holds part numbers only, such as [1.2]; HEADER, TEXT and MIME are for BODY"
                        : "expected \".\" or \"]\" after the part number");
            }
            expect(']', "the section is not closed by \"]\"");
            FetchItem.Partial partial = null;
            if (!size && pos < text.length() && text.charAt(pos) == '<') {
                partial = partial();
            }
            if (pos != text.length()) {
                throw invalid(size && text.charAt(pos) == '<' ? "BINARY.SIZE takes no partial range"
                        : "unexpected text after the section: \"" + ArgParsing.shorten(text.substring(pos)) + "\"");
            }
            return size ? new FetchItem.BinarySize(path) : new FetchItem.BinarySection(peek, path, partial);
        }

        /** {@code [section-spec]} up to, not including, the closing bracket. */
        private SectionSpec section() {
            List<Integer> path = new ArrayList<>();
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                path.add(partNumber());
                if (pos < text.length() && text.charAt(pos) == '.') {
                    pos++;
                    if (pos < text.length() && isDigit(text.charAt(pos))) {
                        continue;
                    }
                    return sectionText(path);
                }
                if (pos < text.length() && text.charAt(pos) == ']') {
                    return new SectionSpec(path, SectionSpec.Kind.ALL, List.of());
                }
                throw invalid("expected \".\" or \"]\" after the part number");
            }
            if (pos < text.length() && text.charAt(pos) == ']') {
                return SectionSpec.whole();
            }
            return sectionText(path);
        }

        /** HEADER, HEADER.FIELDS[.NOT] with its list, TEXT, or MIME after a part path. */
        private SectionSpec sectionText(List<Integer> path) {
            int start = pos;
            while (pos < text.length() && (isAsciiLetter(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String keyword = ArgParsing.upper(text.substring(start, pos));
            switch (keyword) {
                case "HEADER":
                    return new SectionSpec(path, SectionSpec.Kind.HEADER, List.of());
                case "TEXT":
                    return new SectionSpec(path, SectionSpec.Kind.TEXT, List.of());
                case "MIME":
                    if (path.isEmpty()) {
                        throw invalid("MIME needs a part number before it, such as 1.MIME");
                    }
                    return new SectionSpec(path, SectionSpec.Kind.MIME, List.of());
                case "HEADER.FIELDS":
                    return new SectionSpec(path, SectionSpec.Kind.HEADER_FIELDS, headerList());
                case "HEADER.FIELDS.NOT":
                    return new SectionSpec(path, SectionSpec.Kind.HEADER_FIELDS_NOT, headerList());
                default:
                    throw invalid(keyword.isEmpty()
                            ? "expected a part number, HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME "
                                    + "in the section"
                            : "unknown section part " + ArgParsing.shorten(text.substring(start, pos))
                                    + "; expected HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME");
            }
        }

        private int partNumber() {
            int start = pos;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (digits.charAt(0) == '0') {
                throw invalid("part numbers start at 1 and have no leading zero; got " + ArgParsing.shorten(digits));
            }
            long n = ArgParsing.nzNumber(digits);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw invalid("part number " + ArgParsing.shorten(digits) + " is too large");
            }
            return (int) n;
        }

        /** {@code SP "(" header-fld-name *(SP header-fld-name) ")"}. */
        private List<String> headerList() {
            expect(' ', "HEADER.FIELDS needs a space and a list of field names, such as HEADER.FIELDS (FROM TO)");
            expect('(', "HEADER.FIELDS needs a parenthesized list of field names, such as (FROM TO)");
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(fieldName());
                if (pos < text.length() && text.charAt(pos) == ' ') {
                    pos++;
                    continue;
                }
                expect(')', "the list of header field names is not closed by \")\"");
                return fields;
            }
        }

        /** One {@code astring}: a quoted string or a run of ASTRING-CHARs. */
        private String fieldName() {
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                StringBuilder sb = new StringBuilder();
                while (pos < text.length() && text.charAt(pos) != '"') {
                    char c = text.charAt(pos++);
                    if (c == '\\') {
                        if (pos >= text.length() || (text.charAt(pos) != '"' && text.charAt(pos) != '\\')) {
                            throw invalid("in a quoted field name only \\\" and \\\\ may follow a backslash");
                        }
                        c = text.charAt(pos++);
                    }
                    sb.append(c);
                }
                expect('"', "a quoted field name is not closed");
                return sb.toString();
            }
            int start = pos;
            while (pos < text.length() && isAstringChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw invalid(pos < text.length() && text.charAt(pos) == ')'
                        ? "the list of header field names is empty or has an extra space"
                        : "expected a header field name");
            }
            return text.substring(start, pos);
        }

        /** {@code "<" number "." nz-number ">"}. */
        private FetchItem.Partial partial() {
            int close = text.indexOf('>', pos);
            if (close < 0) {
                throw invalid("the partial range is not closed by \">\"");
            }
            String inner = text.substring(pos + 1, close);
            int dot = inner.indexOf('.');
            long origin = dot < 0 ? -1 : ArgParsing.number(inner.substring(0, dot));
            long count = dot < 0 ? -1 : ArgParsing.nzNumber(inner.substring(dot + 1));
            if (origin < 0 || count < 1) {
                throw invalid("the partial range must be <origin.count> with count at least 1, such as <0.1024>");
            }
            pos = close + 1;
            return new FetchItem.Partial(origin, count);
        }

        private void expect(char c, String reason) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw invalid(reason);
            }
            pos++;
        }

        private ProtocolException invalid(String reason) {
            return new ProtocolException("invalid FETCH data item \"" + ArgParsing.shorten(text) + "\": " + reason);
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isAstringChar(char c) {
            return ImapStrings.isAtomChar(c) || c == ']';
        }
    }
}
