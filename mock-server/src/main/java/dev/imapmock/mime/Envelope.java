package dev.imapmock.mime;

import java.util.List;

/**
 * The ENVELOPE of RFC 3501 §7.4.2. Each string is null when its header is absent. Values are
 * what Dovecot sends: date, in-reply-to and message-id are the raw header values with line breaks
 * removed; the subject and personal names have runs of white space collapsed to one space and are
 * trimmed. Encoded words are not decoded. Empty address lists stand for NIL; sender and reply-to
 * already default to from.
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
                       List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc,
                       String inReplyTo, String messageId) {

    /**
     * Copies the address lists.
     *
     * @param date the Date field, or null
     * @param subject the Subject field, white space collapsed, or null
     * @param from the From addresses
     * @param sender the Sender addresses, or from's when absent
     * @param replyTo the Reply-To addresses, or from's when absent
     * @param to the To addresses
     * @param cc the Cc addresses
     * @param bcc the Bcc addresses
     * @param inReplyTo the In-Reply-To field, or null
     * @param messageId the Message-ID field, or null
     */
    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /** The envelope of a message without any header: every field NIL. */
    public static final Envelope EMPTY = new Envelope(null, null, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, null);
}
