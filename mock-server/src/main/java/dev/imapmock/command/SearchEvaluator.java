package dev.imapmock.command;

import dev.imapmock.mime.Disposition;
import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.MimePart;
import dev.imapmock.mime.Parameter;
import dev.imapmock.mime.TopHeader;
import dev.imapmock.protocol.SearchKey;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.store.Message;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Decides whether a message matches a search key (RFC 3501 §6.4.4, and the keys of RFC 7162
 * §3.1.5, RFC 5032 §2 and RFC 5182 §2.1). String keys are
 * case-insensitive substrings of the decoded text (RFC 2047 words, transfer encodings and
 * charsets undone); FROM, TO, CC and BCC look at the addresses in a normal form, so comments and
 * obsolete syntax in the header do not hide them, HEADER at the field as written. Dates compare
 * whole days, disregarding time and zone; OLDER and YOUNGER compare seconds with one moment taken
 * when the evaluator is made, so every message of one SEARCH is measured against the same clock.
 */
final class SearchEvaluator {
    private final SelectedMailbox view;
    private final long nowSeconds;
    private final SequenceSet savedUids;

    /**
     * @param nowSeconds the server's clock, in seconds since the epoch, for OLDER and YOUNGER
     * @param savedUids  the UIDs {@code $} names
     */
    SearchEvaluator(SelectedMailbox view, long nowSeconds, SequenceSet savedUids) {
        this.view = view;
        this.nowSeconds = nowSeconds;
        this.savedUids = savedUids;
    }

    boolean matches(SearchKey key, int seq) {
        Message m = view.bySequence(seq);
        if (key instanceof SearchKey.All) {
            return true;
        }
        if (key instanceof SearchKey.And and) {
            for (SearchKey k : and.keys()) {
                if (!matches(k, seq)) {
                    return false;
                }
            }
            return true;
        }
        if (key instanceof SearchKey.Or or) {
            return matches(or.left(), seq) || matches(or.right(), seq);
        }
        if (key instanceof SearchKey.Not not) {
            return !matches(not.key(), seq);
        }
        if (key instanceof SearchKey.Flag flag) {
            boolean set = flag.flag().equalsIgnoreCase("\\Recent") ? view.isRecent(m.uid()) : view.flagsOf(m).has(flag.flag());
            return set == flag.present();
        }
        if (key instanceof SearchKey.Sequence s) {
            return s.set().contains(seq, view.exists());
        }
        if (key instanceof SearchKey.Uid u) {
            return u.set().contains(m.uid(), view.highestUid());
        }
        if (key instanceof SearchKey.Size size) {
            return size.comparison() == SearchKey.SizeComparison.LARGER ? m.size() > size.octets() : m.size() < size.octets();
        }
        if (key instanceof SearchKey.Date date) {
            return matchesDate(date, m);
        }
        if (key instanceof SearchKey.Envelope e) {
            TopHeader header = m.header();
            return switch (e.field()) {
                case SUBJECT -> header.decodedHeaderContains("subject", e.value());
                case FROM -> header.addressesContain("from", e.value());
                case TO -> header.addressesContain("to", e.value());
                case CC -> header.addressesContain("cc", e.value());
                case BCC -> header.addressesContain("bcc", e.value());
            };
        }
        if (key instanceof SearchKey.Header h) {
            return m.header().decodedHeaderContains(h.field(), h.value());
        }
        if (key instanceof SearchKey.Body b) {
            return m.mime().bodyTextContains(b.value());
        }
        if (key instanceof SearchKey.Text t) {
            MimeIndex mime = m.mime();
            return mime.headerTextContains(t.value()) || mime.bodyTextContains(t.value());
        }
        if (key instanceof SearchKey.ModSeq modSeq) {
            return m.modSeq() >= modSeq.modSeq();
        }
        if (key instanceof SearchKey.Within within) {
            // RFC 5032 §2: OLDER matches at or before the target time, YOUNGER at or after it.
            long target = nowSeconds - within.seconds();
            long date = m.internalDateEpochSecond();
            return within.age() == SearchKey.Age.OLDER ? date <= target : date >= target;
        }
        if (key instanceof SearchKey.ObjectId id) {
            String actual = id.kind() == SearchKey.ObjectIdKind.EMAILID ? ObjectIds.emailId(m) : ObjectIds.threadId(m);
            return actual.equals(id.id());
        }
        if (key instanceof SearchKey.GmailId id) {
            long actual = id.kind() == SearchKey.GmailIdKind.MESSAGE ? m.emailId() : ObjectIds.threadNumber(m);
            return actual == id.id();
        }
        if (key instanceof SearchKey.HasAttachment) {
            return hasAttachment(m.mime().root());
        }
        if (key instanceof SearchKey.GmailLabel label) {
            return GmailLabels.has(view.mailbox(), m, label.label());
        }
        if (key instanceof SearchKey.Saved) {
            return savedUids.contains(m.uid(), 0);
        }
        throw new IllegalStateException("no evaluation for " + key);
    }

    private static boolean hasAttachment(MimePart part) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                if (hasAttachment(child)) {
                    return true;
                }
            }
            return false;
        }
        Disposition d = part.disposition();
        boolean named = part.parameter("name") != null;
        if (d != null) {
            named |= d.type().equalsIgnoreCase("attachment");
            for (Parameter p : d.parameters()) {
                named |= p.name().equalsIgnoreCase("filename");
            }
        }
        return named;
    }

    private static boolean matchesDate(SearchKey.Date key, Message m) {
        Optional<LocalDate> day = switch (key.source()) {
            case INTERNAL -> Optional.of(m.internalDate().toLocalDate());
            case SAVED -> Optional.of(m.savedDate().toLocalDate());
            case SENT -> m.header().sentDateTime().map(OffsetDateTime::toLocalDate);
        };
        if (day.isEmpty()) {
            return false;
        }
        int c = day.get().compareTo(key.date());
        return switch (key.comparison()) {
            case BEFORE -> c < 0;
            case ON -> c == 0;
            case SINCE -> c >= 0;
        };
    }
}
