package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the arguments of SORT (RFC 5256 §4: {@code sort-criteria SP search-criteria}): a
 * parenthesized list of sort keys, each optionally after REVERSE, then a charset, which SORT
 * always names, then SEARCH's keys (parsed by {@link SearchParser}). With ESORT an optional
 * {@code RETURN (...)} comes first (RFC 5267 §3), with SEARCH's result options (UPDATE with
 * CONTEXT=SORT, RFC 5267 §4); DISPLAYFROM and
 * DISPLAYTO need SORT=DISPLAY (RFC 5957). REVERSE twice cancels out, as Dovecot takes it.
 */
public final class SortParser {
    private SortParser() {
    }

    /**
     * @throws BadCharsetException when the charset is neither UTF-8 nor US-ASCII (and everything
     *                             before the search keys is well formed)
     * @throws ProtocolException   for every syntax error
     * Parses SORT's arguments after {@code SORT} or {@code UID SORT}: an optional {@code RETURN (...)} with
     * ESORT, the sort criteria in parentheses, the charset and the search keys.
     * @param args the command's arguments after its name
     * @param extensions the server's extensions, which decide the criteria, keys and RETURN options taken
     * @return the sort criteria and the search program
     */
    public static SortProgram parse(List<Arg> args, Set<Extension> extensions) {
        SearchParser.ReturnList returns = readReturn(args, extensions);
        int pos = returns.options().isEmpty() ? 0 : 2;
        if (pos >= args.size() || !(args.get(pos) instanceof Arg.ListArg list)) {
            throw new ProtocolException("SORT needs its sort keys in parentheses, such as SORT (DATE) UTF-8 ALL");
        }
        List<SortCriterion> criteria = criteria(list.items(), extensions);
        pos++;
        if (pos >= args.size()) {
            throw new ProtocolException("SORT needs a charset after the sort keys, such as SORT (DATE) UTF-8 ALL");
        }
        Arg charsetArg = args.get(pos++);
        if (!(charsetArg instanceof Arg.Atom) && !(charsetArg instanceof Arg.Quoted)) {
            throw new ProtocolException("SORT needs a charset name such as UTF-8 after the sort keys, not "
                    + ArgParsing.describe(charsetArg));
        }
        if (pos >= args.size()) {
            throw new ProtocolException("SORT needs at least one search key after the charset, such as ALL");
        }
        String charsetName = charsetArg.text();
        Charset charset = SearchParser.supportedCharset(charsetName);
        return new SortProgram(criteria, SearchParser.criteria(args, pos, charsetName, charset, returns, extensions));
    }

    /**
     * The result options of the {@code RETURN (...)} that opens SORT's arguments, empty without
     * one, so that a SORT that fails on its charset can tell whether it asked to SAVE.
     *
     * @param args the command's arguments after its name
     * @param extensions the server's extensions; without ESORT a leading RETURN is no option list
     * @return the options, empty when SORT does not open with RETURN
     * @throws ProtocolException when RETURN has no list after it or the list holds an unknown option
     */
    public static Set<SearchReturn> returnOptions(List<Arg> args, Set<Extension> extensions) {
        return readReturn(args, extensions).options();
    }

    private static SearchParser.ReturnList readReturn(List<Arg> args, Set<Extension> extensions) {
        return SearchParser.readReturn(args, extensions, Extension.ESORT, Extension.CONTEXT_SORT, "SORT");
    }

    private static List<SortCriterion> criteria(List<Arg> items, Set<Extension> extensions) {
        if (items.isEmpty()) {
            throw new ProtocolException("SORT needs at least one sort key in its parentheses, such as (DATE)");
        }
        List<SortCriterion> criteria = new ArrayList<>(items.size());
        boolean reverse = false;
        for (Arg item : items) {
            String name = item instanceof Arg.Atom atom ? ArgParsing.upper(atom.text()) : "";
            if (name.equals("REVERSE")) {
                reverse = !reverse;
                continue;
            }
            SortKey key = key(name, extensions);
            if (key == null) {
                throw new ProtocolException("unknown sort key " + ArgParsing.describe(item) + "; known are "
                        + known(extensions));
            }
            criteria.add(new SortCriterion(key, reverse));
            reverse = false;
        }
        if (reverse) {
            throw new ProtocolException("REVERSE must come before a sort key, such as (REVERSE DATE)");
        }
        return criteria;
    }

    private static SortKey key(String name, Set<Extension> extensions) {
        return switch (name) {
            case "ARRIVAL" -> SortKey.ARRIVAL;
            case "CC" -> SortKey.CC;
            case "DATE" -> SortKey.DATE;
            case "FROM" -> SortKey.FROM;
            case "SIZE" -> SortKey.SIZE;
            case "SUBJECT" -> SortKey.SUBJECT;
            case "TO" -> SortKey.TO;
            case "DISPLAYFROM" -> extensions.contains(Extension.SORT_DISPLAY) ? SortKey.DISPLAYFROM : null;
            case "DISPLAYTO" -> extensions.contains(Extension.SORT_DISPLAY) ? SortKey.DISPLAYTO : null;
            default -> null;
        };
    }

    private static String known(Set<Extension> extensions) {
        return extensions.contains(Extension.SORT_DISPLAY)
                ? "ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM and DISPLAYTO, each optionally after REVERSE"
                : "ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT and TO, each optionally after REVERSE";
    }
}
