package dev.imapmock.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How one session spells mailbox names on the wire: in modified UTF-7 (RFC 3501 §5.1.3), or in
 * UTF-8 once the client said it speaks it, by {@code ENABLE UTF8=ACCEPT} (RFC 6855 §3) or by
 * IMAP4rev2 (RFC 9051 §5.1). The same rules go both ways, for the names a client sends and for
 * the names the server sends back, so that a name a client reads in LIST selects that mailbox.
 */
public enum NameEncoding {
    /** Modified UTF-7: printable ASCII as itself, the rest in modified BASE64 between {@code &} and {@code -}. */
    MODIFIED_UTF7 {
        @Override
        public String decode(String wire) {
            return ModifiedUtf7.decode(wire);
        }

        @Override
        String encode(String name) {
            return ModifiedUtf7.encode(name);
        }
    },
    /**
     * UTF-8, taken literally: {@code &} is just a character, so a name that looks like modified
     * UTF-7 ({@code &AOk-}) names the mailbox of those very characters. RFC 6855 §3 and RFC 9051
     * §5.1 keep the characters of Net-Unicode (RFC 5198 §2) without the controls U+0000 to
     * U+001F and U+007F to U+009F, LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR U+2029.
     */
    UTF8 {
        @Override
        public String decode(String wire) {
            for (int i = 0; i < wire.length(); i++) {
                char c = wire.charAt(i);
                if (c == '\uFFFD') {
                    throw new ProtocolException("Mailbox name is not valid UTF-8");
                }
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                    throw new ProtocolException(String.format(
                            "Mailbox name holds U+%04X at position %d, which a mailbox name may not hold", (int) c, i + 1));
                }
                if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < wire.length()
                        && Character.isLowSurrogate(wire.charAt(i + 1)))) {
                    throw new ProtocolException("Mailbox name is not valid UTF-8");
                }
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
            }
            return wire;
        }

        @Override
        String encode(String name) {
            return name;
        }
    };

    /**
     * The name a client sent, decoded from its wire spelling (the astring's text, already read as UTF-8).
     *
     * @param wire the name as the client spelt it
     * @return the name in the store's terms
     * @throws ProtocolException when {@code wire} spells no name in this encoding
     */
    public abstract String decode(String wire);

    /** The name's spelling in this encoding, before any quoting. */
    abstract String encode(String name);

    /**
     * A stored name as the client expects it where the grammar wants an astring: an atom when it
     * can be one, else quoted; in UTF-8 the quoted string carries the characters themselves
     * (RFC 6855 §3 {@code uQUOTED-CHAR}), which the response writer sends as UTF-8.
     *
     * @param name the stored name
     * @return the astring to send
     */
    public String astring(String name) {
        String spelt = encode(name);
        return ImapStrings.isAtom(spelt) ? spelt : string(name);
    }

    /**
     * A stored name where the grammar wants a string, not an astring (NAMESPACE's prefixes): quoted.
     *
     * @param name the stored name
     * @return the quoted string (a literal only for a name with CR, LF or NUL, which no stored name holds)
     */
    public String string(String name) {
        String spelt = encode(name);
        if (this == MODIFIED_UTF7 || spelt.indexOf('\r') >= 0 || spelt.indexOf('\n') >= 0 || spelt.indexOf(0) >= 0) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImapStrings.writeString(out, spelt);
            return out.toString(this == MODIFIED_UTF7 ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(spelt.length() + 2).append('"');
        for (int i = 0; i < spelt.length(); i++) {
            char c = spelt.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
