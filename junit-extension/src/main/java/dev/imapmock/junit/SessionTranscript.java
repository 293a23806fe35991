package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;

import java.util.List;

/**
 * What the server received during a failed test, attached to the failure as a suppressed exception
 * so it shows in every report. Carries no stack trace of its own.
 */
final class SessionTranscript extends RuntimeException {
    static final int MAX_LINES = 200;

    SessionTranscript(ImapMockServer server) {
        super(render(server), null, false, false);
    }

    static String render(ImapMockServer server) {
        List<ReceivedCommand> commands = server.journal().commands();
        StringBuilder text = new StringBuilder("IMAP session transcript of ")
                .append(server.host()).append(':').append(server.port())
                .append(" (").append(plural(commands.size(), "command")).append(", passwords masked)");
        if (commands.isEmpty()) {
            text.append(":\n  (no commands received)");
        } else {
            text.append(':');
            lines(text, commands, MAX_LINES);
        }
        return text.toString();
    }

    /** Appends the last {@code max} commands, one a line, indented, noting how many were left out. */
    static void lines(StringBuilder text, List<ReceivedCommand> commands, int max) {
        int skip = Math.max(0, commands.size() - max);
        if (skip > 0) {
            text.append("\n  ... ").append(plural(skip, "earlier command")).append(" left out");
        }
        for (ReceivedCommand c : commands.subList(skip, commands.size())) {
            text.append("\n  ").append(c);
        }
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
