package dev.imapmock.store;

import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.Envelope;
import dev.imapmock.mime.TopHeader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One stored message: its exact bytes, UID, internal date and flags. The bytes never change;
 * flags are swapped as a whole under the mailbox's lock and read without it. 
 */
public final class Message {
    private final long uid;
    private final byte[] bytes;
    private final long internalDateSeconds;
    private final int internalDateOffsetSeconds;
    private final long savedSeconds;
    private final int savedOffsetSeconds;
    private final long emailId;
    private volatile Flags flags;
    private volatile long modSeq;
    private volatile MimeIndex mime;
    /** The top-level header's field table and octets, built on first use. */
    private volatile TopHeader header;
    /** Neighbours in the mailbox's list of messages by MODSEQ; guarded by the mailbox's lock. */
    Message older;
    Message newer;

    Message(long uid, byte[] bytes, OffsetDateTime internalDate, Flags flags, long modSeq, OffsetDateTime saved,
            long emailId) {
        this.uid = uid;
        this.bytes = bytes;
        this.internalDateSeconds = internalDate.toEpochSecond();
        this.internalDateOffsetSeconds = internalDate.getOffset().getTotalSeconds();
        this.savedSeconds = saved.toEpochSecond();
        this.savedOffsetSeconds = saved.getOffset().getTotalSeconds();
        this.emailId = emailId;
        this.flags = flags;
        this.modSeq = modSeq;
    }

    /** {@return the message's UID in its mailbox (RFC 3501 section 2.3.1.1), never 0} */
    public long uid() {
        return uid;
    }

    /**
     * {@return the message exactly as received, not a copy; callers must not modify the array}
     */
    public byte[] bytes() {
        return bytes;
    }

    /** {@return the message's size in octets, the RFC822.SIZE a FETCH tells} */
    public int size() {
        return bytes.length;
    }

    /**
     * {@return the internal date (RFC 3501 section 2.3.3), to the second, with the offset it was
     * given with}
     */
    public OffsetDateTime internalDate() {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(internalDateSeconds),
                ZoneOffset.ofTotalSeconds(internalDateOffsetSeconds));
    }

    /** {@return when the message was saved into this mailbox (RFC 8514 SAVEDATE), to the second} */
    public OffsetDateTime savedDate() {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(savedSeconds), ZoneOffset.ofTotalSeconds(savedOffsetSeconds));
    }

    /**
     * The message's identity across mailboxes (RFC 8474 EMAILID): a copy or a moved message keeps
     * the one of the message it came from; a new message gets one made of its mailbox's
     * UIDVALIDITY and its UID, unique on the server.
     *
     * @return the EMAILID's number
     */
    public long emailId() {
        return emailId;
    }

    /** {@return the internal date as seconds since the epoch, without building a date object} */
    public long internalDateEpochSecond() {
        return internalDateSeconds;
    }

    /**
     * {@return the message's permanent flags now; read without a lock, so another thread's STORE may
     * change them right after}
     */
    public Flags flags() {
        return flags;
    }

    /**
     * The mod-sequence of the message's last change (RFC 7162 §3.1). Set after the flags, so a
     * reader that reads it before {@link #flags()} never sees new flags' MODSEQ with old flags.
     *
     * @return the mod-sequence, at least 1
     */
    public long modSeq() {
        return modSeq;
    }

    /** Changes the flags, then the mod-sequence; under the mailbox's lock. */
    void change(Flags flags, long modSeq) {
        this.flags = flags;
        this.modSeq = modSeq;
    }


    /**
     * {@return the MIME index of the bytes, built on first use and then shared (a race may build it
     * twice)}
     */
    public MimeIndex mime() {
        MimeIndex m = mime;
        if (m == null) {
            m = MimeIndex.parse(bytes);
            mime = m;
        }
        return m;
    }

    /**
     * The message's envelope (RFC 3501 §7.4.2): the MIME index's when it is built, else read from
     * the header block alone ({@link #header()}), so that FETCH ENVELOPE and SORT by address do
     * not parse the whole message.
     *
     * @return the envelope
     */
    public Envelope envelope() {
        MimeIndex m = mime;
        return m != null ? m.envelope() : header().envelope();
    }

    /**
     * {@return the fields of the top-level header, for header SEARCH keys, SORT, THREAD and the
     * ENVELOPE, built on first use and then kept: from the MIME index's field table when it is
     * built, else by a pass over the header block alone, so that these cost a pass over each
     * header, not a parse of each message. It keeps a copy of the header block (see
     * {@link TopHeader}); a race may build it twice}
     */
    public TopHeader header() {
        TopHeader h = header;
        if (h == null) {
            MimeIndex m = mime;
            h = m != null ? m.topHeader() : TopHeader.scan(bytes);
            header = h;
        }
        return h;
    }
}
