package dev.imapmock.sandbox.admin;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** {@code /api/journal}: the commands received, filtered; clearing them; the live stream. */
final class JournalResource {
    static final int DEFAULT_LIMIT = 1000;
    private static final List<String> OUTCOMES = List.of("OK", "NO", "BAD", "DISCONNECTED");

    private final ImapMockServer server;
    private final JournalStream stream;

    JournalResource(ImapMockServer server, JournalStream stream) {
        this.server = server;
        this.stream = stream;
    }

    /** The most recent {@code limit} entries that pass every filter given, oldest first. */
    void list(Call call) throws IOException {
        Predicate<ReceivedCommand> filter = c -> true;
        int connection = call.intQuery("connection", 0, 1, Integer.MAX_VALUE);
        if (connection > 0) {
            filter = filter.and(c -> c.connection() == connection);
        }
        String user = call.query("user");
        if (user != null && !user.isEmpty()) {
            filter = filter.and(c -> user.equals(c.user())
                    || (c.authentication() != null && user.equals(c.authentication().user())));
        }
        String command = call.query("command");
        if (command != null && !command.isEmpty()) {
            String name = command.strip().replaceAll("\\s+", " ");
            filter = filter.and(c -> c.is(name));
        }
        String outcome = call.query("outcome");
        if (outcome != null && !outcome.isEmpty()) {
            String status = outcome.toUpperCase(Locale.ROOT);
            if (!OUTCOMES.contains(status)) {
                throw ApiException.badField("outcome", "must be one of " + String.join(", ", OUTCOMES) + ", not " + outcome);
            }
            filter = filter.and(c -> c.outcome() != null && status.equals(c.outcome().status()));
        }
        String since = call.query("since");
        if (since != null && !since.isEmpty()) {
            Instant from;
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ApiException.badField("since", "must be an ISO-8601 UTC time such as 2024-03-01T10:15:30Z, not " + since);
            }
            filter = filter.and(c -> !c.time().isBefore(from));
        }
        int limit = call.intQuery("limit", DEFAULT_LIMIT, 1, server.journal().capacity());
        List<ReceivedCommand> matching = server.journal().commands(filter);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ReceivedCommand c : matching.subList(Math.max(0, matching.size() - limit), matching.size())) {
            entries.add(entry(c));
        }
        call.json(200, entries);
    }

    void clear(Call call) throws IOException {
        server.journal().clear();
        call.noContent();
    }

    void stream(Call call) throws IOException {
        stream.serve(call);
    }

    /**
     * An entry's id, {@code CONNECTION.INDEX}; SMTP connections are numbered apart from IMAP ones, so
     * their entries' ids are {@code smtp-CONNECTION.INDEX}.
     */
    static String id(ReceivedCommand c) {
        return (c.protocol() == ReceivedCommand.Protocol.SMTP ? "smtp-" : "") + c.connection() + "." + c.index();
    }

    /** One entry as JSON: secrets masked again, whatever the journal holds. */
    static Map<String, Object> entry(ReceivedCommand c) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id(c));
        e.put("protocol", c.protocol().name());
        e.put("time", c.time() == null ? null : c.time().toString());
        e.put("connection", c.connection());
        e.put("user", c.user());
        e.put("mailbox", c.mailbox());
        e.put("tag", c.tag());
        e.put("command", c.name());
        e.put("arguments", Secrets.maskArguments(c.name(), c.arguments()));
        e.put("outcome", c.outcome() == null ? null : c.outcome().status());
        e.put("response", c.outcome() == null ? null : c.outcome().toString());
        e.put("responses", c.responses());
        e.put("fault", c.faults().isEmpty() ? null : String.join("; ", c.faults()));
        if (c.authentication() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("mechanism", c.authentication().mechanism());
            a.put("user", c.authentication().user());
            a.put("tokenLabel", c.authentication().tokenLabel());
            e.put("authentication", a);
        }
        return e;
    }
}
