package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.mime.TopHeader;
import dev.imapmock.protocol.BadCharsetException;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.SearchProgram;
import dev.imapmock.protocol.ThreadRequest;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Message;
import dev.imapmock.thread.ThreadMessage;
import dev.imapmock.thread.ThreadNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * THREAD and UID THREAD (RFC 5256 §4): {@code THREAD algorithm charset criteria} threads the
 * messages the criteria find with one of the offered algorithms and answers one
 * {@code * THREAD} with sequence numbers or, for UID THREAD, UIDs ({@code * THREAD} alone when
 * nothing matched). The criteria are SEARCH's keys, read by the search parser; the charset is
 * SEARCH's CHARSET, so a charset other than UTF-8 or US-ASCII is
 * {@code NO [BADCHARSET (UTF-8 US-ASCII)]}. An algorithm the server does not offer is BAD.
 */
final class ThreadCommand implements CommandHandler {
    private final boolean uid;

    ThreadCommand(boolean uid) {
        this.uid = uid;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        ThreadRequest request;
        try {
            request = ThreadRequest.parse(command.args(), session.extensions());
        } catch (BadCharsetException e) {
            Utf8Rules.checkUnknownCharset(session, "THREAD");
            throw CommandException.no(e.responseCode(), e.getMessage());
        }
        SearchProgram program = request.search();
        Utf8Rules.checkMandatoryCharset(session, program, "THREAD");
        UidOnly.refuseSequenceKeys(program.key(), session);
        Rev2Rules.checkSearch(session, program.key());
        if (program.usesModSeq()) {
            session.enable(Extension.CONDSTORE);
        }
        SelectedMailbox view = session.selected();
        SearchEvaluator evaluator = new SearchEvaluator(view, session.clock().instant().getEpochSecond(),
                session.savedSearch());
        List<ThreadMessage> found = new ArrayList<>();
        for (int seq = 1; seq <= view.exists(); seq++) {
            if (evaluator.matches(program.key(), seq)) {
                found.add(threadMessage(view.bySequence(seq), uid ? view.bySequence(seq).uid() : seq));
            }
        }
        String threads = ThreadNode.write(request.algorithm().thread(found));
        // RFC 5256 §4: thread-data = "THREAD" [SP 1*thread-list]; no space when there is none.
        session.out().untagged(threads.isEmpty() ? "THREAD" : "THREAD " + threads);
        return Completion.ok(uid ? "UID THREAD completed." : "Thread completed.");
    }

    /** What the algorithms need of a message: its threading header fields and its sent date. */
    private static ThreadMessage threadMessage(Message m, long number) {
        TopHeader header = m.header();
        return ThreadMessage.of(number, header.value("message-id"), header.value("references"),
                header.value("in-reply-to"), header.value("subject"), SentDate.epochSecond(m));
    }
}
