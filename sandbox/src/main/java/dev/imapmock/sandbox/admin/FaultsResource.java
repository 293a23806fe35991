package dev.imapmock.sandbox.admin;

import dev.imapmock.ImapMockServer;
import dev.imapmock.fault.FaultRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/faults}: the active rules with how often each fired; adding one in the fault-file line
 * format (docs/faults.md); removing one or all. A removed rule releases what it stalls.
 */
final class FaultsResource {
    private final ImapMockServer server;

    FaultsResource(ImapMockServer server) {
        this.server = server;
    }

    void list(Call call) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (FaultRule r : server.faults().rules()) {
            rules.add(rule(r));
        }
        call.json(200, rules);
    }

    /** One rule line, {@code text/plain}; 400 naming the reason when the line is not a rule. */
    void add(Call call) throws IOException {
        call.requireType("text/plain");
        String line = new String(call.body(), StandardCharsets.UTF_8).strip();
        if (line.isEmpty() || line.startsWith("#")) {
            throw ApiException.badField("body", "give one fault rule line, such as: on SELECT nth 2 respond NO [UNAVAILABLE] Try later");
        }
        if (line.contains("\n") || line.contains("\r")) {
            throw ApiException.badField("body", "give one rule line; a fault file's lines are added one request each");
        }
        String first = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (first.equals("seed") || first.equals("token")) {
            throw ApiException.badField("body", "a " + first + " line adds no rule; only rule lines (on, greeting,"
                    + " handshake, idle, autologout, refuse-after) can be added here");
        }
        List<FaultRule> added;
        try {
            added = server.faults().load(line);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().startsWith("text:1: ") ? e.getMessage().substring(8) : e.getMessage();
            throw ApiException.badField("body", reason);
        }
        FaultRule rule = added.get(0);
        call.header("Location", "/api/faults/" + rule.id());
        call.json(201, rule(rule));
    }

    void remove(Call call) throws IOException {
        String text = call.path("id");
        int id;
        try {
            id = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badField("id", "must be a rule id (a whole number), not " + text);
        }
        FaultRule rule = server.faults().rule(id).orElseThrow(() -> ApiException.notFound("No active fault rule " + id));
        rule.remove();
        call.noContent();
    }

    void clear(Call call) throws IOException {
        server.faults().clear();
        call.noContent();
    }

    private static Map<String, Object> rule(FaultRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("rule", r.line() != null ? r.line() : r.name());
        m.put("name", r.name());
        m.put("fired", r.firedCount());
        return m;
    }
}
