package dev.imapmock.store;

import dev.imapmock.mime.MimeIndex;

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

    public long uid() {
        return uid;
    }

    /** The message exactly as received; callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    public int size() {
        return bytes.length;
    }

    public OffsetDateTime internalDate() {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(internalDateSeconds),
                ZoneOffset.ofTotalSeconds(internalDateOffsetSeconds));
    }

    /** When the message was saved into this mailbox (RFC 8514 SAVEDATE). */
    public OffsetDateTime savedDate() {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(savedSeconds), ZoneOffset.ofTotalSeconds(savedOffsetSeconds));
    }

    /**
     * The message's identity across mailboxes (RFC 8474 EMAILID): a copy or a moved message keeps
     * the one of the message it came from; a new message gets one made of its mailbox's
     * UIDVALIDITY and its UID, unique on the server.
     */
    public long emailId() {
        return emailId;
    }

    /** The internal date as seconds since the epoch, without building a date object. */
    public long internalDateEpochSecond() {
        return internalDateSeconds;
    }

    public Flags flags() {
        return flags;
    }

    /**
     * The mod-sequence of the message's last change (RFC 7162 §3.1). Set after the flags, so a
     * reader that reads it before {@link #flags()} never sees new flags' MODSEQ with old flags.
     */
    public long modSeq() {
        return modSeq;
    }

    /** Changes the flags, then the mod-sequence; under the mailbox's lock. */
    void change(Flags flags, long modSeq) {
        this.flags = flags;
        this.modSeq = modSeq;
    }


    /** The MIME index of the bytes, built on first use and then shared (a race may build it twice). */
    public MimeIndex mime() {
        MimeIndex m = mime;
        if (m == null) {
            m = MimeIndex.parse(bytes);
            mime = m;
        }
        return m;
    }
}
