package dev.imapmock.sandbox.admin;

import dev.imapmock.ImapMockServer;
import dev.imapmock.check.ClientReport;
import dev.imapmock.check.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/client-report}: what the client checks found so far (docs/client-checks.md), counted
 * by kind, each finding as one object. Forgotten with the journal ({@code DELETE /api/journal}).
 */
final class ClientReportResource {
    private final ImapMockServer server;

    ClientReportResource(ImapMockServer server) {
        this.server = server;
    }

    void report(Call call) throws IOException {
        ClientReport report = server.clientReport();
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report) {
            findings.add(finding(f));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("violations", report.violations().size());
        body.put("wasteful", report.wasteful().size());
        body.put("notes", report.notes().size());
        body.put("findings", findings);
        call.json(200, body);
    }

    /** One finding; its command masked again, whatever the checks put in it. */
    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
        m.put("rfc", f.rfc());
        m.put("connection", f.connection());
        m.put("command", Secrets.maskLine(f.command()));
        m.put("explanation", f.explanation());
        m.put("count", f.count());
        return m;
    }
}
