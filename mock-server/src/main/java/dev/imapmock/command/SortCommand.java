package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.BadCharsetException;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.SearchProgram;
import dev.imapmock.protocol.SearchReturn;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.protocol.SortParser;
import dev.imapmock.protocol.SortProgram;
import dev.imapmock.server.LiveSearch;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * SORT and UID SORT (RFC 5256 §3): the messages SEARCH's criteria find, as {@code * SORT} with
 * their sequence numbers or UIDs in the order of the sort criteria (see {@link SortOrder}). The
 * charset is required; one other than UTF-8 or US-ASCII is {@code NO [BADCHARSET (UTF-8 US-ASCII)]},
 * as for SEARCH. A MODSEQ key turns CONDSTORE on and adds {@code (MODSEQ n)} to a non-empty
 * result (RFC 7162 §3.1.5, §3.1.6).
 *
 * <p>With ESORT, {@code RETURN (...)} asks for one {@code * ESEARCH} instead (RFC 5267 §3), read in
 * sort order: MIN and MAX are the first and last message of the sorted result, ALL lists every one
 * in that order (consecutive ascending numbers joined as {@code a:b}, as Dovecot writes them),
 * PARTIAL (RFC 9394 §3.1) takes its range of positions from the sorted result. SAVE (RFC 5182)
 * keeps what SEARCH would keep, with MIN and MAX in sort order. With CONTEXT=SORT,
 * {@code RETURN (UPDATE)} keeps the sort live (RFC 5267 §4); its tag must be that of no live
 * SEARCH or SORT.
 */
final class SortCommand implements CommandHandler {
    private final boolean uid;

    SortCommand(boolean uid) {
        this.uid = uid;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        SortProgram sort;
        try {
            sort = SortParser.parse(command.args(), session.extensions());
        } catch (BadCharsetException e) {
            Utf8Rules.checkUnknownCharset(session, "SORT");
            if (SortParser.returnOptions(command.args(), session.extensions()).contains(SearchReturn.SAVE)) {
                session.saveSearch(SequenceSet.of());
            }
            throw CommandException.no(e.responseCode(), e.getMessage());
        }
        SearchProgram program = sort.search();
        Utf8Rules.checkMandatoryCharset(session, program, "SORT");
        UidOnly.refuseSequenceKeys(program.key(), session);
        Rev2Rules.checkSearch(session, program.key());
        SelectedMailbox view = session.selected();
        if (program.updates() && view.updates(command.tag())) {
            // RFC 5267 §4.2: the tag names the live sort in its updates and in CANCELUPDATE.
            throw new ProtocolException("Duplicate search update tag " + command.tag()
                    + "; a SEARCH or SORT with this tag is kept updated already");
        }
        if (program.usesModSeq()) {
            session.enable(Extension.CONDSTORE);
        }
        SearchEvaluator evaluator = new SearchEvaluator(view, session.clock().instant().getEpochSecond(),
                session.savedSearch());
        int[] found = new int[16];
        int count = 0;
        for (int seq = 1; seq <= view.exists(); seq++) {
            if (evaluator.matches(program.key(), seq)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = seq;
            }
        }
        int[] sorted = SortOrder.sort(sort.criteria(), Arrays.copyOf(found, count), view);
        if (program.returns().isEmpty()) {
            StringBuilder line = new StringBuilder(32 + sorted.length * (digits(view) + 1)).append("SORT");
            for (int seq : sorted) {
                line.append(' ').append(number(seq, view));
            }
            if (program.usesModSeq() && sorted.length > 0) {
                line.append(" (MODSEQ ").append(highestModSeq(sorted, view)).append(')');
            }
            session.out().untagged(line.toString());
        }
        if (program.saves()) {
            session.saveSearch(saved(program, sorted, view));
        }
        if (program.esearch()) {
            session.out().untagged(esearch(command.tag(), program, sorted, view));
        }
        if (program.updates()) {
            keepUpdated(command.tag(), sort, sorted, view, session);
        }
        return Completion.ok(uid ? "UID SORT completed." : "Sort completed.");
    }

    /**
     * The ESEARCH response of ESORT (RFC 5267 §3), its items in the order SEARCH writes them: MIN,
     * MAX, ALL, PARTIAL, COUNT, MODSEQ. MIN, MAX and ALL are left out when nothing matched, COUNT
     * never is; MODSEQ is that of the messages MIN and MAX name when only they are asked for, else
     * the highest of all found.
     */
    private String esearch(String tag, SearchProgram program, int[] sorted, SelectedMailbox view) {
        Set<SearchReturn> returns = program.returns();
        // A tag holds no '"' or '\' (RFC 3501 §9: ASTRING-CHAR less quoted-specials), so it quotes as is.
        StringBuilder line = new StringBuilder("ESEARCH (TAG \"").append(tag).append("\")");
        if (uid) {
            line.append(" UID");
        }
        List<Long> numbers = numbers(sorted, view);
        if (!numbers.isEmpty()) {
            if (returns.contains(SearchReturn.MIN)) {
                line.append(" MIN ").append(numbers.get(0));
            }
            if (returns.contains(SearchReturn.MAX)) {
                line.append(" MAX ").append(numbers.get(numbers.size() - 1));
            }
            if (returns.contains(SearchReturn.ALL)) {
                line.append(" ALL ").append(SequenceSet.inOrder(numbers));
            }
        }
        if (program.partial() != null) {
            List<Long> part = program.partial().of(numbers);
            line.append(" PARTIAL (").append(program.partial()).append(' ')
                    .append(part.isEmpty() ? "NIL" : SequenceSet.inOrder(part)).append(')');
        }
        if (returns.contains(SearchReturn.COUNT)) {
            line.append(" COUNT ").append(numbers.size());
        }
        if (program.usesModSeq() && sorted.length > 0) {
            long modSeq;
            if (onlyMinMax(returns)) {
                modSeq = Math.max(
                        returns.contains(SearchReturn.MIN) ? view.bySequence(sorted[0]).modSeq() : 0,
                        returns.contains(SearchReturn.MAX) ? view.bySequence(sorted[sorted.length - 1]).modSeq() : 0);
            } else {
                modSeq = highestModSeq(sorted, view);
            }
            line.append(" MODSEQ ").append(modSeq);
        }
        return line.toString();
    }

    /**
     * Keeps the sort live (RFC 5267 §4): after each command the view tests the messages that
     * arrived or changed against the same criteria, and tells where they enter or leave the sorted
     * result (see {@link LiveSearch}). {@code $} keeps naming what it named when the sort ran.
     */
    private void keepUpdated(String tag, SortProgram sort, int[] sorted, SelectedMailbox view, Session session) {
        List<Message> found = new ArrayList<>(sorted.length);
        for (int seq : sorted) {
            found.add(view.bySequence(seq));
        }
        SequenceSet saved = session.savedSearch();
        SearchProgram program = sort.search();
        view.keepUpdated(new LiveSearch(tag, uid, seq -> new SearchEvaluator(view,
                session.clock().instant().getEpochSecond(), saved).matches(program.key(), seq),
                found, SortOrder.comparator(sort.criteria())));
    }

    /**
     * The UIDs {@code $} names afterwards: every message found, except that SAVE with MIN and/or MAX
     * and neither ALL, COUNT nor PARTIAL keeps only the first and last of the sort order (RFC 5182
     * §2.4, as Dovecot saves it), and SAVE with PARTIAL only the messages of its range.
     */
    private static SequenceSet saved(SearchProgram program, int[] sorted, SelectedMailbox view) {
        Set<SearchReturn> returns = program.returns();
        List<Long> uids = new ArrayList<>(sorted.length);
        for (int seq : sorted) {
            uids.add(view.bySequence(seq).uid());
        }
        if (uids.isEmpty()) {
            return SequenceSet.of(uids);
        }
        if (program.partial() != null) {
            return SequenceSet.of(program.partial().of(uids));
        }
        if (onlyMinMax(returns)) {
            List<Long> named = new ArrayList<>(2);
            if (returns.contains(SearchReturn.MIN)) {
                named.add(uids.get(0));
            }
            if (returns.contains(SearchReturn.MAX)) {
                named.add(uids.get(uids.size() - 1));
            }
            return SequenceSet.of(named);
        }
        return SequenceSet.of(uids);
    }

    /** True when RETURN asks for MIN or MAX or both, and neither ALL, COUNT nor PARTIAL. */
    private static boolean onlyMinMax(Set<SearchReturn> returns) {
        return (returns.contains(SearchReturn.MIN) || returns.contains(SearchReturn.MAX))
                && !returns.contains(SearchReturn.ALL) && !returns.contains(SearchReturn.COUNT)
                && !returns.contains(SearchReturn.PARTIAL);
    }

    private static long highestModSeq(int[] seqs, SelectedMailbox view) {
        long highest = 0;
        for (int seq : seqs) {
            highest = Math.max(highest, view.bySequence(seq).modSeq());
        }
        return highest;
    }

    private List<Long> numbers(int[] sorted, SelectedMailbox view) {
        List<Long> numbers = new ArrayList<>(sorted.length);
        for (int seq : sorted) {
            numbers.add(number(seq, view));
        }
        return numbers;
    }

    /** The digits of the largest number the response holds: the last sequence number, or the highest UID. */
    private int digits(SelectedMailbox view) {
        long max = uid ? view.highestUid() : view.exists();
        return Long.toString(max).length();
    }

    private long number(int seq, SelectedMailbox view) {
        return uid ? view.bySequence(seq).uid() : seq;
    }
}
