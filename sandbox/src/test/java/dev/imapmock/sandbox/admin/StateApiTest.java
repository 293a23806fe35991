package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import dev.imapmock.fixtures.FixtureMailbox;
import dev.imapmock.fixtures.FixtureMessage;
import dev.imapmock.store.Account;
import dev.imapmock.store.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/reset} and {@code /api/snapshot}: back to the seed; the store out as a fixture tree and in again. */
@Timeout(30)
class StateApiTest {
    private AdminClient api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static byte[] mail(String subject) {
        return ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static ImapMockServer.Builder seeded(String... users) {
        ImapMockServer.Builder b = ImapMockServer.builder();
        for (String u : users) {
            b.user(u, "pw-" + u);
        }
        return b.mailboxes(users[0], List.of(
                new FixtureMailbox("INBOX", List.of(new FixtureMessage(mail("seeded"), Set.of("\\Seen", "Work"),
                        ZonedDateTime.parse("2024-03-01T10:15:30+01:00"), "1.eml"))),
                new FixtureMailbox("Archive/2023", List.of(new FixtureMessage(mail("old"), Set.of(),
                        ZonedDateTime.parse("2023-01-01T00:00:00Z"), "2.eml")))));
    }

    private List<String> subjects(String user, String mailbox) {
        List<String> subjects = new ArrayList<>();
        body(api.get("/api/users/" + user + "/mailboxes/" + mailbox + "/messages")).get("messages")
                .forEach(m -> subjects.add(m.get("subject").asText()));
        return subjects;
    }

    @Test
    void resetPutsUsersAndMailBackAsSeeded() {
        api = AdminClient.start(seeded("alice"));
        api.send("POST", "/api/users/alice/mailboxes/INBOX/messages", "message/rfc822", mail("new"));
        api.json("POST", "/api/users", "{\"name\":\"bob\",\"password\":\"x\"}");
        api.delete("/api/users/alice/mailboxes/Archive%2F2023");
        api.json("PATCH", "/api/users/alice", "{\"password\":\"changed\"}");
        assertThat(subjects("alice", "INBOX")).containsExactly("new", "seeded");

        HttpResponse<byte[]> reset = api.send("POST", "/api/reset", null, new byte[0]);
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(subjects("alice", "INBOX")).containsExactly("seeded");
        assertThat(subjects("alice", "Archive%2F2023")).containsExactly("old");
        assertThat(body(api.get("/api/users"))).hasSize(1);
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            assertThat(imap.tagged("a1", "LOGIN alice pw-alice")).startsWith("a1 OK");
        }
        assertProblem(api.get("/api/reset"), 405);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void snapshotIsAFixtureTreeThatTheServerSeedsFromAndTheApiLoadsBack(@TempDir Path dir) throws Exception {
        api = AdminClient.start(seeded("alice"));
        api.json("PUT", "/api/users/alice/mailboxes/Archive%2F2023/messages/1/flags", "{\"add\":[\"\\\\Flagged\"]}");
        api.server.store().account("alice").orElseThrow().subscribe("Archive/2023");
        HttpResponse<byte[]> snapshot = api.get("/api/snapshot");
        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(snapshot)).isEqualTo("application/zip");
        assertThat(snapshot.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(entries(snapshot.body())).contains("INBOX/", "INBOX/000001.eml", "INBOX/000001.eml.properties",
                "Archive/2023/000001.eml", "Sent.properties");

        // The zip, unpacked, is what --fixtures DIR reads: a fresh server seeded from it holds the same mail.
        unzip(snapshot.body(), dir);
        try (ImapMockServer copy = ImapMockServer.builder().user("alice", "x").fixtures(dir).build()) {
            Account a = copy.store().account("alice").orElseThrow();
            Message m = a.mailbox("INBOX").messages().get(0);
            assertThat(m.bytes()).isEqualTo(mail("seeded"));
            assertThat(m.flags().names()).containsExactly("\\Seen", "Work");
            assertThat(m.internalDate().toInstant()).isEqualTo(ZonedDateTime.parse("2024-03-01T10:15:30+01:00").toInstant());
            assertThat(a.mailbox("Archive/2023").messages().get(0).flags().names()).containsExactly("\\Flagged");
            assertThat(a.subscriptions()).contains("Archive/2023").doesNotContain("INBOX");
        }

        api.delete("/api/users/alice/mailboxes/Archive%2F2023");
        api.send("POST", "/api/users/alice/mailboxes/INBOX/messages", "message/rfc822", mail("later"));
        HttpResponse<byte[]> load = api.send("POST", "/api/snapshot", "application/zip", snapshot.body());
        assertThat(load.statusCode()).as(AdminClient.text(load)).isEqualTo(204);
        assertThat(subjects("alice", "INBOX")).containsExactly("seeded");
        assertThat(subjects("alice", "Archive%2F2023")).containsExactly("old");
        assertThat(api.server.store().account("alice").orElseThrow().subscriptions()).contains("Archive/2023");
        assertThat(api.get("/api/snapshot").body()).isEqualTo(snapshot.body());
    }

    @Test
    void withSeveralUsersTheSnapshotHoldsATreePerUser() throws Exception {
        api = AdminClient.start(seeded("alice", "bob"));
        api.send("POST", "/api/users/bob/mailboxes/INBOX/messages", "message/rfc822", mail("for bob"));
        byte[] zip = api.get("/api/snapshot").body();
        assertThat(entries(zip)).contains("alice/INBOX/000001.eml", "bob/INBOX/000001.eml");
        api.send("POST", "/api/reset", null, new byte[0]);
        assertThat(subjects("bob", "INBOX")).isEmpty();
        assertThat(api.send("POST", "/api/snapshot", "application/zip", zip).statusCode()).isEqualTo(204);
        assertThat(subjects("bob", "INBOX")).containsExactly("for bob");
        assertThat(subjects("alice", "INBOX")).containsExactly("seeded");
    }

    @Test
    void underTheDotASlashInsideALevelIs409AndTheRestRoundTrips() throws Exception {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "pw-alice").hierarchyDelimiter('.'));
        api.send("POST", "/api/users/alice/mailboxes/INBOX/messages", "message/rfc822", mail("in inbox"));
        api.server.store().account("alice").orElseThrow().create("Work.2024");
        assertThat(entries(api.get("/api/snapshot").body())).contains("INBOX/000001.eml", "Work/2024/");
        api.server.store().account("alice").orElseThrow().create("x/y");
        JsonNode problem = assertProblem(api.get("/api/snapshot"), 409);
        assertThat(problem.get("detail").asText()).contains("x/y").contains("'/'");
    }

    @Test
    void aBrokenSnapshotIs400AndChangesNothing() throws Exception {
        api = AdminClient.start(seeded("alice", "bob"));
        assertProblem(api.send("POST", "/api/snapshot", "application/zip", "not a zip".getBytes(StandardCharsets.US_ASCII)), 400);
        JsonNode stranger = assertProblem(api.send("POST", "/api/snapshot", "application/zip",
                zip("carol/INBOX/1.eml", mail("x"))), 400);
        assertThat(stranger.get("detail").asText()).contains("carol");
        JsonNode sidecar = assertProblem(api.send("POST", "/api/snapshot", "application/zip",
                zip("alice/INBOX/1.eml", mail("x"), "alice/INBOX/1.eml.properties", "flags=\\Bogus\n".getBytes(StandardCharsets.UTF_8))), 400);
        assertThat(sidecar.get("detail").asText()).contains("1.eml.properties");
        assertProblem(api.send("POST", "/api/snapshot", "application/zip", zip("../evil.eml", mail("x"))), 400);
        assertProblem(api.send("POST", "/api/snapshot", "application/octet-stream", zip("alice/INBOX/1.eml", mail("x"))), 415);
        assertThat(subjects("alice", "INBOX")).containsExactly("seeded");
    }

    @Test
    void aSnapshotsAclSidecarSharesTheMailboxAndLabelsAreRefused() throws Exception {
        api = AdminClient.start(seeded("alice", "bob"));
        byte[] shared = zip("alice/Team/1.eml", mail("plan"), "alice/Team.properties",
                "acl=bob lr\n".getBytes(StandardCharsets.UTF_8));
        assertThat(api.send("POST", "/api/snapshot", "application/zip", shared).statusCode()).isEqualTo(204);
        assertThat(api.server.store().account("alice").orElseThrow().mailbox("Team").acl().rightsOf("bob"))
                .isEqualTo(dev.imapmock.store.Rights.parse("lr"));
        JsonNode labels = assertProblem(api.send("POST", "/api/snapshot", "application/zip",
                zip("alice/INBOX/1.eml", mail("x"), "alice/INBOX/1.eml.properties",
                        "labels=Work\n".getBytes(StandardCharsets.UTF_8))), 400);
        assertThat(labels.get("detail").asText()).contains("INBOX/1.eml").contains("labels=");
        assertThat(subjects("alice", "Team")).containsExactly("plan");
    }

    private static byte[] zip(Object... nameThenBytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                zip.write((byte[]) nameThenBytes[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void unzip(byte[] zip, Path dir) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }
}
