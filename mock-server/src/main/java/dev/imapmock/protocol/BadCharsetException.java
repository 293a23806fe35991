package dev.imapmock.protocol;

import java.util.List;

/**
 * SEARCH named a charset the server cannot decode. Unlike its parent this is not a syntax
 * error: RFC 3501 §6.4.4 asks for a tagged {@code NO [BADCHARSET (UTF-8 US-ASCII)]}, which
 * {@link #responseCode()} supplies. Whoever turns exceptions into responses must test for this
 * type before it answers {@code BAD} for a {@link ProtocolException}.
 */
public final class BadCharsetException extends ProtocolException {
    /** The charsets SEARCH accepts, as the BADCHARSET response code lists them. */
    public static final List<String> SUPPORTED = List.of("UTF-8", "US-ASCII");

    /**
     * @param charset the charset the client named
     */
    public BadCharsetException(String charset) {
        super("charset " + ArgParsing.shorten(charset) + " is not supported; use UTF-8 or US-ASCII");
    }

    /**
     * The response code to send, {@code BADCHARSET (UTF-8 US-ASCII)}.
     *
     * @return the code without brackets
     */
    public String responseCode() {
        return "BADCHARSET (" + String.join(" ", SUPPORTED) + ")";
    }
}
