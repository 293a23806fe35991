package dev.imapmock.bench;

import dev.imapmock.ImapMockServer;
import dev.imapmock.sandbox.admin.AdminServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's admin API over loopback HTTP (the JDK's client), ImapMock only: a page of 100
 * message summaries from a big mailbox, each sample at another offset so that no page is served from
 * messages already parsed; and delivery rates, one message per request and 1,000 per multipart batch.
 */
final class SandboxWorkloads {
    private static final String BOUNDARY = "----imapmock-bench";

    private SandboxWorkloads() {
    }

    static void run(TlsWorkloads.Sink sink, List<byte[]> mail, int bigMailbox) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (ImapMockServer server = ImapMockServer.builder().user(Target.USER, Target.PASSWORD).build().start();
             AdminServer admin = AdminServer.start(server, "127.0.0.1", 0, null, () -> null)) {
            Mailbox inbox = server.store().account(Target.USER).orElseThrow().mailbox("INBOX");
            List<Mailbox.NewMessage> seed = new ArrayList<>(bigMailbox);
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 0; i < bigMailbox; i++) {
                seed.add(new Mailbox.NewMessage(mail.get(i % mail.size()), Flags.NONE, now));
            }
            inbox.append(seed);
            String base = "http://127.0.0.1:" + admin.port() + "/api/users/" + Target.USER + "/mailboxes/INBOX/messages";
            int[] page = {0};
            sink.measure(String.format(Locale.ROOT, "admin API: GET a page of 100 from %,d messages (ms)", bigMailbox), () -> {
                int offset = (page[0]++ * 100) % (bigMailbox - 100);
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "?limit=100&offset=" + offset))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                check(r, 200);
                return (System.nanoTime() - t) / 1e6;
            });
        }
        try (ImapMockServer server = ImapMockServer.builder().user(Target.USER, Target.PASSWORD).build().start();
             AdminServer admin = AdminServer.start(server, "127.0.0.1", 0, null, () -> null)) {
            URI uri = URI.create("http://127.0.0.1:" + admin.port() + "/api/users/" + Target.USER + "/mailboxes/INBOX/messages");
            List<byte[]> batch = mail.subList(0, Math.min(1_000, mail.size()));
            Mailbox inbox = server.store().account(Target.USER).orElseThrow().mailbox("INBOX");
            byte[] form = form(batch);
            sink.measure("admin API: deliver one message per POST (messages/s)", () -> {
                empty(inbox);
                long t = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    check(http.send(HttpRequest.newBuilder(uri).header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(batch.get(i))).build(),
                            HttpResponse.BodyHandlers.ofByteArray()), 201);
                }
                return 100 / ((System.nanoTime() - t) / 1e9);
            });
            sink.measure(String.format(Locale.ROOT, "admin API: deliver %,d messages in one multipart POST (messages/s)",
                    batch.size()), () -> {
                empty(inbox);
                long t = System.nanoTime();
                check(http.send(HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofByteArray()), 201);
                return batch.size() / ((System.nanoTime() - t) / 1e9);
            });
        }
    }

    /** Expunges everything, so that samples do not pile up mail until the heap is full. */
    private static void empty(Mailbox mailbox) {
        java.util.Set<Long> uids = new java.util.HashSet<>();
        for (dev.imapmock.store.Message m : mailbox.messages()) {
            uids.add(m.uid());
        }
        mailbox.expunge(uids);
    }

    private static void check(HttpResponse<byte[]> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static byte[] form(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"; filename=\"" + i
                    + ".eml\"\r\nContent-Type: message/rfc822\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(messages.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
