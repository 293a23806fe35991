package dev.imapmock.snapshot;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot} against an ImapMock server seeded with the corpus of the fixtures module: the tree
 * it writes loads into a new server that answers ENVELOPE, BODYSTRUCTURE, FLAGS, INTERNALDATE, LIST
 * and LSUB exactly as the original; a failure midway leaves nothing behind.
 */
@Timeout(60)
class SnapshotTest {
    static final Path CORPUS = Path.of("../fixtures/src/main/resources/imapmock/corpus");
    static final Map<String, String> ENV = Map.of("IMAP_PASSWORD", "secret");

    @TempDir
    Path temp;
    ImapMockServer source;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void seed() {
        source = ImapMockServer.builder().user("alice", "secret").fixtures(CORPUS).build().start();
        source.deliver("alice", "INBOX", mail("One", "plain text one"), List.of("\\Seen", "\\Flagged", "$Work"));
        source.deliver("alice", "INBOX", mail("Two", "plain text two"), List.of("\\Answered", "\\Draft", "\\Deleted"));
        source.deliver("alice", "Sent", mail("Sent one", "went out"), List.of("\\Seen"));
        Account alice = source.store().account("alice").orElseThrow();
        alice.create("Archive/2023");
        alice.subscribe("INBOX");
        alice.subscribe("basic");
    }

    @AfterEach
    void stop() {
        source.close();
    }

    static byte[] mail(String subject, String text) {
        return ("From: Alice Example <alice@example.org>\r\nTo: bob@example.net\r\nSubject: " + subject
                + "\r\nDate: Tue, 5 Mar 2024 12:00:00 +0100\r\nMessage-ID: <" + subject.replace(' ', '-')
                + "@example.org>\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    int snapshot(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(source.port()),
                "--user", "alice", "--password-env", "IMAP_PASSWORD", "--out", dir.toString()));
        args.addAll(List.of(extra));
        return SnapshotCommand.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV::get, false);
    }

    /** LIST, LSUB and, per mailbox, every message's FLAGS, INTERNALDATE, size, ENVELOPE and BODYSTRUCTURE. */
    static List<String> view(ImapMockServer server, String items) {
        List<String> lines = new ArrayList<>();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> list = c.exchange("l", "LIST \"\" \"*\"");
            lines.addAll(list);
            lines.addAll(c.exchange("s", "LSUB \"\" \"*\""));
            for (String line : list) {
                if (line.startsWith("* LIST") && !line.contains("\\Noselect")) {
                    String name = line.substring(line.lastIndexOf(" \"/\" ") + 5);
                    lines.add("== " + name);
                    c.exchange("e", "EXAMINE " + name);
                    lines.addAll(c.exchange("f", "FETCH 1:* (" + items + ")"));
                }
            }
        }
        return lines;
    }

    static final String ALL_ITEMS = "FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE";

    @Test
    void aSnapshotLoadsIntoAServerThatAnswersLikeTheOriginal() throws Exception {
        Path dir = temp.resolve("mail");
        assertThat(snapshot(dir)).as("err: %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Snapshot of alice@127.0.0.1: ");
        assertThat(dir.resolve("INBOX/000001.eml")).exists();
        assertThat(Files.readString(dir.resolve("INBOX.properties"))).contains("specialuse=\n", "subscribed=yes");
        assertThat(Files.readString(dir.resolve("Sent.properties"))).contains("specialuse=\\Sent");
        try (ImapMockServer copy = ImapMockServer.builder().user("alice", "secret").fixtures(dir).build().start()) {
            List<String> original = view(source, ALL_ITEMS);
            assertThat(original).anyMatch(l -> l.contains("$Work")).anyMatch(l -> l.startsWith("* LSUB"));
            assertThat(view(copy, ALL_ITEMS)).isEqualTo(original);
            assertThat(fetch(copy, "INBOX", "BODY.PEEK[]")).isEqualTo(fetch(source, "INBOX", "BODY.PEEK[]"));
        }
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings).containsExactly(dir);
        }
    }

    static List<String> fetch(ImapMockServer server, String mailbox, String items) {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.exchange("e", "EXAMINE " + mailbox);
            return c.exchange("f", "FETCH 1:* (" + items + ")");
        }
    }

    @Test
    void implicitTlsAndStartTlsCheckTheCertificateOfCafile() throws Exception {
        try (ImapMockServer tls = ImapMockServer.builder().user("alice", "secret").tls().tlsPort(0).build().start()) {
            tls.deliver("alice", "INBOX", mail("Secure", "over tls"));
            Path pem = Files.writeString(temp.resolve("ca.pem"), tls.tls().certificatePem());
            for (String[] mode : List.of(new String[] {"--imaps", String.valueOf(tls.tlsPort())},
                    new String[] {"--tls", String.valueOf(tls.port())})) {
                Path dir = temp.resolve("mail" + mode[0]);
                int status = SnapshotCommand.run(new String[] {"--host", "localhost", "--port", mode[1], mode[0],
                    "--cafile", pem.toString(), "--user", "alice", "--password-env", "IMAP_PASSWORD", "--out",
                    dir.toString()}, new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8), ENV::get, false);
                assertThat(status).as("%s err: %s", mode[0], err).isZero();
                assertThat(Files.readString(dir.resolve("INBOX/000001.eml"))).contains("over tls");
            }
            // Without --cafile the JDK's trust store applies, which does not know this certificate.
            Path dir = temp.resolve("untrusted");
            assertThat(SnapshotCommand.run(new String[] {"--host", "localhost", "--port", String.valueOf(tls.tlsPort()),
                "--imaps", "--user", "alice", "--password-env", "IMAP_PASSWORD", "--out", dir.toString()},
                    new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8), ENV::get, false)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("can't connect to localhost:");
            assertThat(dir).doesNotExist();
        }
    }

    @Test
    void limitKeepsTheNewestMessagesAndPatternsChooseMailboxes() throws Exception {
        Path dir = temp.resolve("mail");
        assertThat(snapshot(dir, "--mailbox", "INBOX", "--mailbox", "b%", "--limit", "2")).as("err: %s", err).isZero();
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("INBOX", "INBOX.properties", "basic", "basic.properties", "broken", "broken.properties");
        }
        assertThat(Files.readString(dir.resolve("INBOX/000002.eml"))).contains("Subject: Two");
        assertThat(Files.readString(dir.resolve("INBOX/000002.eml.properties")))
                .contains("flags=\\Answered \\Deleted \\Draft").containsPattern("internaldate=\\d{4}-");
        try (Stream<Path> inbox = Files.list(dir.resolve("basic"))) {
            assertThat(inbox.filter(p -> p.toString().endsWith(".eml"))).hasSize(2);
        }
    }

    @Test
    void sinceKeepsMessagesReceivedFromThatDayOn() throws Exception {
        Path dir = temp.resolve("mail");
        assertThat(snapshot(dir, "--mailbox", "INBOX", "--since", "2999-01-01")).as("err: %s", err).isZero();
        try (Stream<Path> inbox = Files.list(dir.resolve("INBOX"))) {
            assertThat(inbox).isEmpty();
        }
    }

    @Test
    void aConnectionLostMidwayLeavesNoTreeAndNamesTheMessage() throws Exception {
        source.faults().on("UID FETCH").nth(2).disconnect();
        Path dir = temp.resolve("mail");
        assertThat(snapshot(dir, "--mailbox", "basic", "--mailbox", "broken")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("imapmock: snapshot failed: mailbox broken, message UID 1: the connection was lost")
                .contains("nothing was written to " + dir);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMessageTheServerRefusesFailsTheSnapshotNamingIt() throws Exception {
        source.faults().on("UID FETCH").respond("NO [UNAVAILABLE] Can't read that message");
        Path dir = temp.resolve("mail");
        assertThat(snapshot(dir, "--mailbox", "INBOX")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "mailbox INBOX, message UID 1: UID FETCH refused: NO [UNAVAILABLE] Can't read that message");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        Path dir = temp.resolve("mail");
        int status = SnapshotCommand.run(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(source.port()),
            "--user", "alice", "--password-env", "PW", "--out", dir.toString()}, new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PW", "hunter2")::get, false);
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("login as alice refused").doesNotContain("hunter2");
        assertThat(dir).doesNotExist();
    }

    @Test
    void anExistingTreeIsNeverOverwritten() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("mail"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThat(snapshot(dir)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists and is not an empty directory");
        assertThat(dir.resolve("keep.txt")).hasContent("mine");
    }
}
