package dev.imapmock.command;

import dev.imapmock.protocol.BadCharsetException;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.SearchParser;
import dev.imapmock.protocol.SearchProgram;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;

import java.io.IOException;

/**
 * SEARCH and UID SEARCH (RFC 3501 §6.4.4): {@code * SEARCH} with the matching sequence numbers
 * or UIDs in ascending order. An unknown charset is {@code NO [BADCHARSET (UTF-8 US-ASCII)]}.
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
            program = SearchParser.parse(command.args());
        } catch (BadCharsetException e) {
            throw CommandException.no(e.responseCode(), e.getMessage());
        }
        SelectedMailbox view = session.selected();
        SearchEvaluator evaluator = new SearchEvaluator(view);
        StringBuilder line = new StringBuilder("SEARCH");
        for (int seq = 1; seq <= view.exists(); seq++) {
            if (evaluator.matches(program.key(), seq)) {
                line.append(' ').append(uid ? view.bySequence(seq).uid() : seq);
            }
        }
        session.out().untagged(line.toString());
        return Completion.ok(uid ? "UID SEARCH completed." : "Search completed.");
    }
}
