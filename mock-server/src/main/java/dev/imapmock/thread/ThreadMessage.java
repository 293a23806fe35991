package dev.imapmock.thread;

import dev.imapmock.mime.BaseSubject;

import java.util.List;

/**
 * One searched message as the threading algorithms see it (RFC 5256 §2.2, §3).
 *
 * @param number         what THREAD writes for it: its sequence number or, for UID THREAD, its UID;
 *                       numbers rise with the order of the messages in the mailbox, so they also
 *                       break ties between equal sent dates (RFC 5256 §2.2)
 * @param messageId      its Message-ID in normal form ({@link MessageIds}), null when it has none
 * @param references     the identifiers of its ancestors, oldest first: those of References, or
 *                       when References holds no valid one, the first valid one of In-Reply-To
 * @param baseSubject    its base subject (RFC 5256 §2.1), case kept
 * @param replyOrForward whether the base-subject extraction took off a reply or forward mark
 * @param sentDate       its sent date in seconds since the epoch: the Date header, or its internal
 *                       date when the Date header is missing or cannot be read (RFC 5256 §2.2)
 */
public record ThreadMessage(long number, String messageId, List<String> references, String baseSubject,
                            boolean replyOrForward, long sentDate) {

    /**
     * Copies the references.
     *
     * @param number what THREAD writes for it: its sequence number or, for UID THREAD, its UID
     * @param messageId its Message-ID in normal form, null when it has none
     * @param references the identifiers of its ancestors, oldest first
     * @param baseSubject its base subject, case kept
     * @param replyOrForward whether the base-subject extraction took off a reply or forward mark
     * @param sentDate its sent date in seconds since the epoch
     */
    public ThreadMessage {
        references = List.copyOf(references);
    }

    /**
     * A message from its header values as they stand in the message (null for an absent field).
     *
     * @param sentDate the Date header's moment, or the internal date when it has none
     * @param number what THREAD writes for it: its sequence number or, for UID THREAD, its UID
     * @param messageId the Message-ID field's value, or null
     * @param references the References field's value, or null
     * @param inReplyTo the In-Reply-To field's value, or null; used only when References holds no valid identifier
     * @param subject the Subject field's value, or null
     * @return the message, identifiers in normal form and the base subject extracted
     */
    public static ThreadMessage of(long number, String messageId, String references, String inReplyTo,
                                   String subject, long sentDate) {
        List<String> refs = MessageIds.all(references);
        if (refs.isEmpty()) {
            String parent = MessageIds.first(inReplyTo);
            refs = parent == null ? List.of() : List.of(parent);
        }
        BaseSubject.Extracted base = BaseSubject.extract(subject);
        return new ThreadMessage(number, MessageIds.first(messageId), refs, base.base(), base.replyOrForward(),
                sentDate);
    }
}
