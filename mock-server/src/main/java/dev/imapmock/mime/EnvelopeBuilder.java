package dev.imapmock.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link Envelope} from a header block with Dovecot's choices: for a field that occurs
 * more than once the last value wins, except address fields whose occurrences are joined; an empty
 * or unparsable Sender or Reply-To falls back to From.
 */
final class EnvelopeBuilder {
    private EnvelopeBuilder() {
    }

    static Envelope build(byte[] m, int start, int end) {
        String date = null;
        String subject = null;
        String inReplyTo = null;
        String messageId = null;
        List<Address> from = new ArrayList<>(1);
        List<Address> sender = new ArrayList<>(0);
        List<Address> replyTo = new ArrayList<>(0);
        List<Address> to = new ArrayList<>(1);
        List<Address> cc = new ArrayList<>(0);
        List<Address> bcc = new ArrayList<>(0);
        boolean any = false;
        int p = start;
        while (p < end && !Headers.isBlankLine(m, p, end)) {
            int fe = Headers.fieldEnd(m, p, end);
            int colon;
            switch (Character.toLowerCase((char) (m[p] & 0xff))) {
                case 'd' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "date")) >= 0) {
                        date = Headers.valueWithoutLineBreaks(m, colon, fe);
                        any = true;
                    }
                }
                case 's' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "subject")) >= 0) {
                        subject = forHumans(Headers.valueWithoutLineBreaks(m, colon, fe));
                        any = true;
                    } else if ((colon = Headers.colonAfterName(m, p, fe, "sender")) >= 0) {
                        sender.addAll(addresses(m, colon, fe));
                        any = true;
                    }
                }
                case 'f' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "from")) >= 0) {
                        from.addAll(addresses(m, colon, fe));
                        any = true;
                    }
                }
                case 'r' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "reply-to")) >= 0) {
                        replyTo.addAll(addresses(m, colon, fe));
                        any = true;
                    }
                }
                case 't' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "to")) >= 0) {
                        to.addAll(addresses(m, colon, fe));
                        any = true;
                    }
                }
                case 'c' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "cc")) >= 0) {
                        cc.addAll(addresses(m, colon, fe));
                        any = true;
                    }
                }
                case 'b' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "bcc")) >= 0) {
                        bcc.addAll(addresses(m, colon, fe));
                        any = true;
                    }
                }
                case 'i' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "in-reply-to")) >= 0) {
                        inReplyTo = Headers.valueWithoutLineBreaks(m, colon, fe);
                        any = true;
                    }
                }
                case 'm' -> {
                    if ((colon = Headers.colonAfterName(m, p, fe, "message-id")) >= 0) {
                        messageId = Headers.valueWithoutLineBreaks(m, colon, fe);
                        any = true;
                    }
                }
                default -> {
                }
            }
            p = fe;
        }
        if (!any) {
            return Envelope.EMPTY;
        }
        return new Envelope(date, subject, from, sender.isEmpty() ? from : sender,
                replyTo.isEmpty() ? from : replyTo, to, cc, bcc, inReplyTo, messageId);
    }

    /** The addresses of one field, personal names tidied for humans as Dovecot sends them. */
    private static List<Address> addresses(byte[] m, int colon, int fieldEnd) {
        List<Address> list = AddressParser.parse(Headers.valueWithoutLineBreaks(m, colon, fieldEnd));
        for (int i = 0; i < list.size(); i++) {
            Address a = list.get(i);
            if (a.name() != null && needsTidying(a.name())) {
                list.set(i, new Address(forHumans(a.name()), a.adl(), a.mailbox(), a.host()));
            }
        }
        return list;
    }

    private static boolean needsTidying(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return n > 0;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || (c == ' ' && s.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text meant for people, as Dovecot writes the subject and personal names: every run of
     * spaces, tabs and line breaks becomes one space, leading and trailing ones go. A name of
     * white space only becomes the empty string, which Dovecot sends as {@code ""}, not NIL.
     */
    static String forHumans(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
