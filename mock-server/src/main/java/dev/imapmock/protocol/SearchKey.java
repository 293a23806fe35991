package dev.imapmock.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * One search criterion of RFC 3501 §6.4.4 or of an extension (MODSEQ of RFC 7162, OLDER and
 * YOUNGER of RFC 5032, {@code $} of RFC 5182), as parsed; evaluating it against a mailbox is the
 * evaluator's job, not this type's.
 *
 * <p>Keys of the same shape share a record and an enum says which one was meant, so evaluators
 * can switch exhaustively on the enum: the ten flag keys, KEYWORD and UNKEYWORD are all
 * {@link Flag}; OLD is {@code Flag(\Recent, false)} and NEW is {@code And(Flag(\Recent, true),
 * Flag(\Seen, false))}, exactly as §6.4.4 defines them. Several keys in a row are an {@link And}.
 * String values are already decoded with the program's charset.
 */
public sealed interface SearchKey permits SearchKey.All, SearchKey.Flag, SearchKey.Envelope, SearchKey.Header,
        SearchKey.Body, SearchKey.Text, SearchKey.Date, SearchKey.Size, SearchKey.Sequence, SearchKey.Uid,
        SearchKey.Not, SearchKey.Or, SearchKey.And, SearchKey.ModSeq, SearchKey.Within, SearchKey.Saved, SearchKey.ObjectId,
        SearchKey.GmailId, SearchKey.HasAttachment, SearchKey.GmailLabel {

    /** ALL: every message. */
    record All() implements SearchKey {
    }

    /**
     * A flag that is set ({@code present}) or not: ANSWERED/UNANSWERED, DELETED/UNDELETED,
     * DRAFT/UNDRAFT, FLAGGED/UNFLAGGED, SEEN/UNSEEN, RECENT/OLD with system flags in canonical
     * case, KEYWORD/UNKEYWORD with the keyword as sent.
     */
    record Flag(String flag, boolean present) implements SearchKey {
    }

    /** BCC, CC, FROM, SUBJECT, TO: the envelope field contains {@code value} (case-insensitive). */
    record Envelope(EnvelopeField field, String value) implements SearchKey {
    }

    /** The envelope fields a search key can name. */
    enum EnvelopeField {
        /** The Bcc: field. */
        BCC,
        /** The Cc: field. */
        CC,
        /** The From: field. */
        FROM,
        /** The Subject: field. */
        SUBJECT,
        /** The To: field. */
        TO
    }

    /**
     * HEADER: a header field named {@code field} contains {@code value}; an empty value matches
     * every message that has the field.
     */
    record Header(String field, String value) implements SearchKey {
    }

    /** BODY: the body (after the header) contains {@code value}. */
    record Body(String value) implements SearchKey {
    }

    /** TEXT: the header or the body contains {@code value}. */
    record Text(String value) implements SearchKey {
    }

    /**
     * BEFORE, ON, SINCE (the internal date), SENTBEFORE, SENTON, SENTSINCE (the Date: header) and
     * SAVEDBEFORE, SAVEDON, SAVEDSINCE (the save date, RFC 8514 §5), all comparing calendar days and
     * ignoring time and zone.
     */
    record Date(DateSource source, DateComparison comparison, LocalDate date) implements SearchKey {
    }

    /** Which date of a message a {@link Date} key compares. */
    enum DateSource {
        /** The internal date (BEFORE, ON, SINCE). */
        INTERNAL,
        /** The Date: header, in its own zone (SENTBEFORE, SENTON, SENTSINCE). */
        SENT,
        /** The save date of RFC 8514 (SAVEDBEFORE, SAVEDON, SAVEDSINCE). */
        SAVED
    }

    /** How a {@link Date} key compares: before the day, on it, or on or after it. */
    enum DateComparison {
        /** Strictly before the day. */
        BEFORE,
        /** On the day. */
        ON,
        /** On the day or later. */
        SINCE
    }

    /** LARGER and SMALLER: the RFC822.SIZE is strictly above or below {@code octets}. */
    record Size(SizeComparison comparison, long octets) implements SearchKey {
    }

    /** Strictly larger or strictly smaller. */
    enum SizeComparison {
        /** LARGER: strictly more octets. */
        LARGER,
        /** SMALLER: strictly fewer octets. */
        SMALLER
    }

    /** A bare sequence set: the messages with these sequence numbers. */
    record Sequence(SequenceSet set) implements SearchKey {
    }

    /** UID: the messages with these UIDs. */
    record Uid(SequenceSet set) implements SearchKey {
    }

    /**
     * MODSEQ (RFC 7162 §3.1.5): the messages whose mod-sequence is at least {@code modSeq}. An
     * entry name and type ({@code "/flags/\\seen" all}) are checked and then dropped: the store
     * keeps one mod-sequence per message, which the entry of every flag shares.
     */
    record ModSeq(long modSeq) implements SearchKey {
    }

    /**
     * OLDER and YOUNGER (RFC 5032 §2): the internal date is at least {@code seconds} before the
     * server's clock (OLDER) or at most that far back (YOUNGER); both include the boundary.
     */
    record Within(Age age, long seconds) implements SearchKey {
    }

    /** Which side of the moment {@code seconds} ago a {@link Within} key takes. */
    enum Age {
        /** OLDER: at least that many seconds old. */
        OLDER,
        /** YOUNGER: at most that many seconds old. */
        YOUNGER
    }

    /**
     * {@code $} and {@code UID $} (RFC 5182 §2.1): the messages of the saved search result that
     * are still in the mailbox.
     */
    record Saved() implements SearchKey {
    }

    /** EMAILID and THREADID (RFC 8474 §6): the message's object identifier is exactly {@code id}. */
    record ObjectId(ObjectIdKind kind, String id) implements SearchKey {
    }

    /** Gmail's X-GM-MSGID and X-GM-THRID keys: the message's 64-bit id is exactly {@code id}. */
    record GmailId(GmailIdKind kind, long id) implements SearchKey {
    }

    /** Gmail's {@code has:attachment}: some part is a disposition attachment or has a file name. */
    record HasAttachment() implements SearchKey {
    }

    /**
     * Gmail's {@code label:NAME} and {@code in:NAME}: the message has the label, that is, its
     * mailbox ({@code inbox}, {@code sent}, {@code drafts}, {@code starred}, {@code important},
     * {@code trash}, {@code spam} for the system labels, a label's name otherwise, in any case,
     * {@code -} standing for a space or {@code /}); {@code in:anywhere} is every message.
     *
     * @param label the label as the query names it
     */
    record GmailLabel(String label) implements SearchKey {
    }

    /** Which identifier a {@link GmailId} key compares. */
    enum GmailIdKind {
        /** X-GM-MSGID: the message's id. */
        MESSAGE,
        /** X-GM-THRID: the id of the message's thread. */
        THREAD
    }

    /** Which identifier an {@link ObjectId} key compares. */
    enum ObjectIdKind {
        /** EMAILID: the message's id. */
        EMAILID,
        /** THREADID: the id of the message's thread. */
        THREADID
    }

    /**
     * NOT: the messages the key does not match.
     *
     * @param key the key to negate
     */
    record Not(SearchKey key) implements SearchKey {
    }

    /** OR: the messages either key matches. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    /** Keys in a row, or in parentheses: the messages every key matches. */
    record And(List<SearchKey> keys) implements SearchKey {
        /**
         * Copies the keys, so the conjunction cannot change after parsing.
         *
         * @param keys the keys in the order sent, at least one for a parsed program
         */
        public And {
            keys = List.copyOf(keys);
        }
    }
}
