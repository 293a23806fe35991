package dev.imapmock.command;

import dev.imapmock.mime.BinaryContent;
import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.SectionSpec;
import dev.imapmock.mime.Slice;
import dev.imapmock.protocol.FetchItem;
import dev.imapmock.protocol.ImapDates;
import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.NameEncoding;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.StructureEncoder;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.store.Message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes one {@code * n FETCH (...)} response per message (RFC 3501 §7.4.2), streaming body data
 * from the stored bytes as literals. Items come in the order asked; UID FETCH puts UID first,
 * and FLAGS is added when the fetch has just set \Seen, as Dovecot does.
 */
final class FetchWriter {
    private final ResponseWriter out;
    private final SelectedMailbox view;
    private final List<FetchItem> items;
    private final boolean uidFirst;
    private final boolean flagsAsked;
    private final boolean modSeqAsked;
    private final boolean uidAsked;
    private final boolean modSeqAtEnd;
    private final boolean uidsOnly;
    private final NameEncoding names;

    /**
     * @param modSeqAtEnd add MODSEQ after the items asked for (CHANGEDSINCE without MODSEQ,
     *                    RFC 7162 §3.1.4)
     * @param names       how the session spells mailbox names, for Gmail's labels
     */
    FetchWriter(ResponseWriter out, SelectedMailbox view, List<FetchItem> items, boolean uidCommand,
                boolean modSeqAtEnd, NameEncoding names) {
        this.out = out;
        this.names = names;
        this.view = view;
        this.items = items;
        // RFC 9586 §3.3: in a UIDFETCH response the UID leads, and comes inside only when asked for.
        this.uidsOnly = view.reportsUidsOnly();
        this.uidFirst = uidCommand && !uidsOnly;
        this.flagsAsked = items.contains(new FetchItem.Simple(FetchItem.Attribute.FLAGS));
        this.modSeqAsked = items.contains(new FetchItem.Simple(FetchItem.Attribute.MODSEQ));
        this.uidAsked = uidCommand || items.contains(new FetchItem.Simple(FetchItem.Attribute.UID));
        this.modSeqAtEnd = modSeqAtEnd && !modSeqAsked;
    }

    void write(int seq, Message message, boolean seenNow) throws IOException {
        // The mod-sequence is read before the flags (see Message#modSeq), and new keywords are
        // announced before the FETCH response starts.
        long modSeq = message.modSeq();
        String flags = flagsAsked || seenNow ? view.fetchFlags(message, out) : null;
        // RFC 7162 §3.1.4: once CONDSTORE is on, a FETCH that sets \Seen also tells UID and MODSEQ.
        boolean seenWithModSeq = seenNow && view.reportsModSeqs();
        out.raw(uidsOnly ? "* " + message.uid() + " UIDFETCH (" : "* " + seq + " FETCH (");
        boolean first = true;
        if (uidFirst) {
            out.raw("UID " + message.uid());
            first = false;
        }
        for (FetchItem item : items) {
            if (uidFirst && item instanceof FetchItem.Simple s && s.attribute() == FetchItem.Attribute.UID) {
                continue;
            }
            if (!first) {
                out.raw(" ");
            }
            first = false;
            writeItem(item, message, flags, modSeq);
        }
        if (seenWithModSeq && !uidAsked && !uidsOnly) {
            out.raw((first ? "" : " ") + "UID " + message.uid());
            first = false;
        }
        if (seenNow && !flagsAsked) {
            out.raw((first ? "" : " ") + "FLAGS (" + flags + ")");
            first = false;
        }
        if ((modSeqAtEnd || seenWithModSeq) && !modSeqAsked) {
            out.raw((first ? "" : " ") + "MODSEQ (" + modSeq + ")");
        }
        out.raw(")\r\n");
    }

    private void writeItem(FetchItem item, Message message, String flags, long modSeq) throws IOException {
        if (item instanceof FetchItem.BodySection section) {
            out.raw(section.responseName() + " ");
            literal(clip(message.mime().section(section.section()), section.partial()));
            return;
        }
        if (item instanceof FetchItem.BinarySection binary) {
            BinaryContent.Decoded decoded = BinaryContent.of(message.mime(), binary.path());
            out.raw(binary.responseName() + " ");
            // Dovecot answers a missing part or an empty range with an empty literal, not "".
            Slice slice = clip(decoded.bytes(), binary.partial());
            out.literal(slice.array(), slice.offset(), slice.length(), decoded.literal8());
            return;
        }
        if (item instanceof FetchItem.BinarySize size) {
            out.raw(size.responseName() + " " + BinaryContent.of(message.mime(), size.path()).bytes().length());
            return;
        }
        FetchItem.Attribute attribute = ((FetchItem.Simple) item).attribute();
        out.raw(attribute.wire() + " ");
        switch (attribute) {
            case FLAGS -> out.raw("(" + flags + ")");
            case MODSEQ -> out.raw("(" + modSeq + ")");
            case EMAILID -> out.raw("(" + ObjectIds.emailId(message) + ")");
            case THREADID -> out.raw("(" + ObjectIds.threadId(message) + ")");
            case X_GM_MSGID -> out.raw(Long.toUnsignedString(message.emailId()));
            case X_GM_THRID -> out.raw(Long.toUnsignedString(ObjectIds.threadNumber(message)));
            case X_GM_LABELS -> out.raw(GmailLabels.list(names, view.mailbox(), message));
            case SAVEDATE -> out.raw("\"" + ImapDates.formatDateTime(message.savedDate()) + "\"");
            case PREVIEW -> {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                ImapStrings.writeString(text, message.mime().preview());
                bytes(text.toByteArray());
            }
            case UID -> out.raw(Long.toString(message.uid()));
            case INTERNALDATE -> out.raw("\"" + ImapDates.formatDateTime(message.internalDate()) + "\"");
            case RFC822_SIZE -> out.raw(Integer.toString(message.size()));
            case ENVELOPE -> bytes(StructureEncoder.envelope(message.envelope()));
            case BODY -> bytes(StructureEncoder.bodyStructure(message.mime().root(), false));
            case BODYSTRUCTURE -> bytes(StructureEncoder.bodyStructure(message.mime().root(), true));
            case RFC822 -> literal(Slice.of(message.bytes()));
            case RFC822_HEADER -> literal(section(message.mime(), SectionSpec.Kind.HEADER));
            case RFC822_TEXT -> literal(section(message.mime(), SectionSpec.Kind.TEXT));
        }
    }

    private static Slice section(MimeIndex mime, SectionSpec.Kind kind) {
        return mime.section(new SectionSpec(List.of(), kind, List.of()));
    }

    /** RFC 3501 §6.4.5: a partial fetch past the end gives an empty string; one across it, the rest. */
    private static Slice clip(Slice slice, FetchItem.Partial partial) {
        return partial == null ? slice : slice.window(partial.origin(), partial.count());
    }

    private void literal(Slice slice) throws IOException {
        if (slice.length() == 0) {
            out.raw("\"\"");
            return;
        }
        out.literal(slice.array(), slice.offset(), slice.length());
    }

    private void bytes(byte[] b) throws IOException {
        out.raw(b, 0, b.length);
    }
}
