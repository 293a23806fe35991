package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed URLFETCH (RFC 4467 §6.3: {@code "URLFETCH" 1*(SP url-full)}), with URLAUTH=BINARY
 * (RFC 5524 §5) also {@code "(" url-full *(SP url-fetch-param) ")"}.
 *
 * @param items the URLs in the order sent; never empty
 */
public record UrlFetchRequest(List<Item> items) {

    /** What RFC 5524 §3.1 lets a client ask for, besides the plain octets of RFC 4467. */
    public enum Param {
        /** The part's BODYSTRUCTURE. */
        BODYPARTSTRUCTURE,
        /** The part with its Content-Transfer-Encoding undone. */
        BINARY,
        /** The part as stored. */
        BODY
    }

    /**
     * One URL to fetch.
     *
     * @param url      the URL as sent
     * @param extended true for RFC 5524's parenthesized form, answered with metadata items
     * @param params   what the parenthesized form asks for; empty for the plain form
     */
    public record Item(String url, boolean extended, Set<Param> params) {
        /**
         * An item; the set is copied.
         *
         * @param url      the URL
         * @param extended whether it came in parentheses
         * @param params   the parameters
         */
        public Item {
            params = params.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(params));
        }
    }

    /**
     * A request; the list is copied.
     *
     * @param items the URLs
     */
    public UrlFetchRequest {
        items = List.copyOf(items);
    }

    /**
     * Parses URLFETCH's arguments.
     *
     * @param args   the arguments after the command name
     * @param binary whether URLAUTH=BINARY is offered, which allows the parenthesized form
     * @return the request
     * @throws ProtocolException when there is no URL, a list comes without URLAUTH=BINARY, a list
     *                           does not start with a URL, a parameter is unknown or BODY and BINARY
     *                           are both asked for (RFC 5524 §3.1)
     */
    public static UrlFetchRequest parse(List<Arg> args, boolean binary) {
        Args in = new Args(args);
        if (!in.hasMore()) {
            throw new ProtocolException("Missing the URL to fetch");
        }
        List<Item> items = new ArrayList<>();
        while (in.hasMore()) {
            if (!(in.peek() instanceof Arg.ListArg) || !binary) {
                items.add(new Item(in.astring("a URL to fetch"), false, Set.of()));
                continue;
            }
            Args list = new Args(in.list("a URL and its fetch parameters").items());
            String url = list.astring("a URL at the start of the parentheses");
            EnumSet<Param> params = EnumSet.noneOf(Param.class);
            while (list.hasMore()) {
                String name = list.atom("a URL fetch parameter: BODYPARTSTRUCTURE, BINARY or BODY");
                try {
                    params.add(Param.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("Unknown URL fetch parameter: " + ArgParsing.shorten(name));
                }
            }
            if (params.contains(Param.BODY) && params.contains(Param.BINARY)) {
                throw new ProtocolException("URL cannot have both BODY and BINARY fetch parameters");
            }
            items.add(new Item(url, true, params));
        }
        return new UrlFetchRequest(items);
    }
}
