package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.BadCharsetException;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.SearchParser;
import dev.imapmock.protocol.SearchProgram;
import dev.imapmock.protocol.SearchReturn;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.LiveSearch;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SEARCH and UID SEARCH (RFC 3501 §6.4.4): {@code * SEARCH} with the matching sequence numbers
 * or UIDs in ascending order. An unknown charset is {@code NO [BADCHARSET (UTF-8 US-ASCII)]}.
 *
 * <p>With the extensions: a MODSEQ key turns CONDSTORE on (RFC 7162 §3.1) and adds
 * {@code (MODSEQ n)}, the highest mod-sequence of the messages found, to a non-empty result
 * (§3.1.6). {@code RETURN} with MIN, MAX, ALL or COUNT is answered with one {@code * ESEARCH}
 * instead (RFC 4731 §3.1), its items in Dovecot's order MIN, MAX, ALL, COUNT, then MODSEQ (§3.2).
 * {@code RETURN (SAVE)} remembers the result for {@code $} and, alone, suppresses the untagged
 * response (RFC 5182 §1); a SEARCH with SAVE that fails with NO empties the saved result, one
 * that is BAD leaves it (§2.1). {@code RETURN (PARTIAL 1:100)} answers with the numbers at those
 * positions of the result (RFC 9394 §3.1). {@code RETURN (UPDATE ...)} keeps the search live
 * (RFC 5267 §4.2, see {@link SelectedMailbox#keepUpdated}); the tag of a search kept live already
 * is BAD, as in Dovecot.
 */
final class SearchCommand implements CommandHandler {
    private final boolean uid;

    SearchCommand(boolean uid) {
        this.uid = uid;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        SearchProgram program;
        try {
            program = SearchParser.parse(command.args(), session.extensions());
        } catch (BadCharsetException e) {
            Utf8Rules.checkUnknownCharset(session, "SEARCH");
            if (SearchParser.returnOptions(command.args(), session.extensions()).contains(SearchReturn.SAVE)) {
                session.saveSearch(SequenceSet.of());
            }
            throw CommandException.no(e.responseCode(), e.getMessage());
        }
        Utf8Rules.checkSearch(session, program);
        UidOnly.refuseSequenceKeys(program.key(), session);
        Rev2Rules.checkSearch(session, program.key());
        program = Rev2Rules.searchReturns(session, program);
        SelectedMailbox view = session.selected();
        if (program.updates() && view.updates(command.tag())) {
            // RFC 5267 §4.2: the tag names the live search in its updates and in CANCELUPDATE.
            throw new ProtocolException("Duplicate search update tag " + command.tag()
                    + "; a SEARCH with this tag is kept updated already");
        }
        if (program.usesModSeq()) {
            session.enable(Extension.CONDSTORE);
        }
        SearchEvaluator evaluator = new SearchEvaluator(view, session.clock().instant().getEpochSecond(),
                session.savedSearch());
        boolean modSeqs = program.usesModSeq();
        // A plain SEARCH writes each number as it is found; RETURN needs them all first.
        StringBuilder plain = program.returns().isEmpty() ? new StringBuilder(64).append("SEARCH") : null;
        SearchResult found = new SearchResult(plain == null);
        for (int seq = 1; seq <= view.exists(); seq++) {
            // Read before the flags the keys look at: a change in between then shows as a newer MODSEQ.
            long modSeq = modSeqs ? view.bySequence(seq).modSeq() : 0;
            if (evaluator.matches(program.key(), seq)) {
                found.add(seq, modSeq);
                if (plain != null) {
                    plain.append(' ').append(number(seq, view));
                }
            }
        }
        if (plain != null) {
            if (modSeqs && !found.isEmpty()) {
                plain.append(" (MODSEQ ").append(found.highestModSeq()).append(')');
            }
            session.out().untagged(plain.toString());
        }
        if (program.saves()) {
            session.saveSearch(saved(program, found, view));
        }
        if (program.esearch()) {
            session.out().untagged(esearch(command.tag(), program, found, view));
        }
        if (program.updates()) {
            keepUpdated(command.tag(), program, found, view, session);
        }
        return Completion.ok(uid ? "UID SEARCH completed." : "Search completed.");
    }

    /**
     * The ESEARCH response (RFC 4731 §3.1, RFC 4466 §2.6.2). MIN, MAX and ALL are left out when
     * nothing matched, COUNT never is. PARTIAL (RFC 9394 §3.1) comes after them, before COUNT, as
     * in Dovecot, and is {@code PARTIAL (range NIL)} when its range holds no message; MIN, MAX and
     * COUNT still speak of the whole result. MODSEQ (§3.2) is that of the one message MIN or MAX names,
     * the higher of the two when both are asked for alone, else the highest of all found.
     */
    private String esearch(String tag, SearchProgram program, SearchResult found, SelectedMailbox view) {
        Set<SearchReturn> returns = program.returns();
        // A tag holds no '"' or '\' (RFC 3501 §9: ASTRING-CHAR less quoted-specials), so it quotes as is.
        StringBuilder line = new StringBuilder("ESEARCH (TAG \"").append(tag).append("\")");
        if (uid) {
            line.append(" UID");
        }
        if (!found.isEmpty()) {
            if (returns.contains(SearchReturn.MIN)) {
                line.append(" MIN ").append(number(found.first(), view));
            }
            if (returns.contains(SearchReturn.MAX)) {
                line.append(" MAX ").append(number(found.last(), view));
            }
            if (returns.contains(SearchReturn.ALL)) {
                line.append(" ALL ").append(SequenceSet.of(numbers(found, view)));
            }
        }
        if (program.partial() != null) {
            List<Long> part = program.partial().of(numbers(found, view));
            line.append(" PARTIAL (").append(program.partial()).append(' ')
                    .append(part.isEmpty() ? "NIL" : SequenceSet.of(part).toString()).append(')');
        }
        if (returns.contains(SearchReturn.COUNT)) {
            line.append(" COUNT ").append(found.count());
        }
        if (program.usesModSeq() && !found.isEmpty()) {
            long modSeq = found.highestModSeq();
            if (onlyMinMax(returns)) {
                modSeq = Math.max(returns.contains(SearchReturn.MIN) ? found.firstModSeq() : 0,
                        returns.contains(SearchReturn.MAX) ? found.lastModSeq() : 0);
            }
            line.append(" MODSEQ ").append(modSeq);
        }
        return line.toString();
    }

    /**
     * Keeps the search live (RFC 5267 §4.2): the view tests the messages that arrive or change
     * against the same key after each command, and tells what starts or stops matching. {@code $}
     * keeps naming what it named when the search ran; OLDER and YOUNGER read the clock anew.
     */
    private void keepUpdated(String tag, SearchProgram program, SearchResult found, SelectedMailbox view,
                             Session session) {
        List<Long> uids = new ArrayList<>(found.count());
        for (int i = 0; i < found.count(); i++) {
            uids.add(view.bySequence(found.seq(i)).uid());
        }
        SequenceSet saved = session.savedSearch();
        view.keepUpdated(new LiveSearch(tag, uid, seq -> new SearchEvaluator(view,
                session.clock().instant().getEpochSecond(), saved).matches(program.key(), seq), uids));
    }

    /**
     * The UIDs to remember: every message found, except that SAVE with MIN and/or MAX and neither
     * ALL nor COUNT keeps only the messages those name (RFC 5182 §2.4), and SAVE with PARTIAL only
     * the messages of its range (RFC 9394 §3.1), as Dovecot saves them.
     */
    private static SequenceSet saved(SearchProgram program, SearchResult found, SelectedMailbox view) {
        Set<SearchReturn> returns = program.returns();
        List<Long> uids = new ArrayList<>();
        if (found.isEmpty()) {
            return SequenceSet.of(uids);
        }
        if (program.partial() != null) {
            for (int i = 0; i < found.count(); i++) {
                uids.add(view.bySequence(found.seq(i)).uid());
            }
            return SequenceSet.of(program.partial().of(uids));
        }
        if (onlyMinMax(returns)) {
            if (returns.contains(SearchReturn.MIN)) {
                uids.add(view.bySequence(found.first()).uid());
            }
            if (returns.contains(SearchReturn.MAX)) {
                uids.add(view.bySequence(found.last()).uid());
            }
            return SequenceSet.of(uids);
        }
        for (int i = 0; i < found.count(); i++) {
            uids.add(view.bySequence(found.seq(i)).uid());
        }
        return SequenceSet.of(uids);
    }

    /** True when RETURN asks for MIN or MAX or both, and neither ALL, COUNT nor PARTIAL. */
    private static boolean onlyMinMax(Set<SearchReturn> returns) {
        return (returns.contains(SearchReturn.MIN) || returns.contains(SearchReturn.MAX))
                && !returns.contains(SearchReturn.ALL) && !returns.contains(SearchReturn.COUNT)
                && !returns.contains(SearchReturn.PARTIAL);
    }

    private List<Long> numbers(SearchResult found, SelectedMailbox view) {
        List<Long> numbers = new ArrayList<>(found.count());
        for (int i = 0; i < found.count(); i++) {
            numbers.add(number(found.seq(i), view));
        }
        return numbers;
    }

    private long number(int seq, SelectedMailbox view) {
        return uid ? view.bySequence(seq).uid() : seq;
    }
}
