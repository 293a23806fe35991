package dev.imapmock.check;

import dev.imapmock.journal.Journal;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The client checks of one connection: the connection's thread hands each event to every check,
 * in the order of the table. Not thread-safe; one per connection. A check that fails is logged
 * and skipped: a check never breaks the conversation.
 */
public final class ConnectionChecks {
    private final List<ClientCheck> checks;
    private final Reporter reporter;

    ConnectionChecks(int connection, List<ClientCheck> checks, Journal journal) {
        this.checks = checks;
        this.reporter = new Reporter() {
            @Override
            public int connection() {
                return connection;
            }

            @Override
            public void report(Finding finding) {
                journal.record(Rules.checked(finding));
            }
        };
    }

    /**
     * Feeds one event of the connection to every check, in the order they happened.
     *
     * @param event what happened
     */
    public void see(ClientEvent event) {
        if (event instanceof ClientEvent.Command c && c.name() == null) {
            // A line without a command name (no tag, no name): nothing any check could judge.
            return;
        }
        for (ClientCheck check : checks) {
            try {
                check.see(event, reporter);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ConnectionChecks.class).error("Client check {} failed on {}",
                        check.getClass().getSimpleName(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
