package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed GENURLAUTH (RFC 4467 §6.2, §9: {@code "GENURLAUTH" 1*(SP url-rump SP mechanism)}).
 *
 * @param rumps the URLs to authorize with their mechanisms, in the order sent; never empty
 */
public record GenUrlAuthRequest(List<Rump> rumps) {

    /**
     * One URL to authorize.
     *
     * @param url       the rump URL as sent, ending in {@code ;URLAUTH=access}
     * @param mechanism the mechanism as sent, such as {@code INTERNAL}
     */
    public record Rump(String url, String mechanism) {
    }

    /**
     * A request; the list is copied.
     *
     * @param rumps the URLs and mechanisms
     */
    public GenUrlAuthRequest {
        rumps = List.copyOf(rumps);
    }

    /**
     * Parses GENURLAUTH's arguments.
     *
     * @param args the arguments after the command name
     * @return the request
     * @throws ProtocolException when there is no URL, a URL is a list or has no mechanism after it,
     *                           or a mechanism is not an atom
     */
    public static GenUrlAuthRequest parse(List<Arg> args) {
        Args in = new Args(args);
        if (!in.hasMore()) {
            throw new ProtocolException("Missing the URL to authorize and its mechanism, as in "
                    + "GENURLAUTH \"imap://user@host/INBOX/;UID=1;URLAUTH=anonymous\" INTERNAL");
        }
        List<Rump> rumps = new ArrayList<>();
        while (in.hasMore()) {
            String url = in.astring("the URL to authorize");
            rumps.add(new Rump(url, in.atom("the URLAUTH mechanism after the URL, such as INTERNAL")));
        }
        return new GenUrlAuthRequest(rumps);
    }
}
