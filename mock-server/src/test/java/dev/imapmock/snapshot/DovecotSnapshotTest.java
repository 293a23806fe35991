package dev.imapmock.snapshot;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Tag;
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
 * {@code snapshot} of another server: a Dovecot given as {@code -Dimapmock.dovecot=HOST:PORT} (users
 * alice/secret). Messages of the MIME corpus and
 * some with flags, keywords and internal dates are appended there, snapshot, loaded into ImapMock,
 * and every message answers ENVELOPE, BODYSTRUCTURE, FLAGS, INTERNALDATE and RFC822.SIZE as
 * Dovecot does. It needs a Dovecot, so it is tagged {@code reference-server}, a group the build
 * leaves out unless asked: {@code mvn -pl mock-server test -Dimapmock.excludedGroups=
 * -Dimapmock.dovecot=127.0.0.1:14306 -Dtest=DovecotSnapshotTest}, against a Dovecot whose Sent
 * mailbox carries {@code \\Sent} (RFC 6154).
 */
@Tag("reference-server")
@Timeout(120)
class DovecotSnapshotTest {
    @TempDir
    Path temp;

    @Test
    void aDovecotAccountLoadsIntoImapMockAsItWas() throws Exception {
        String target = System.getProperty("imapmock.dovecot");
        if (target == null) {
            throw new IllegalStateException("This test copies a Dovecot account: give -Dimapmock.dovecot=HOST:PORT");
        }
        String host = target.substring(0, target.lastIndexOf(':'));
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        List<Path> corpus;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/mime"))) {
            // Dovecot refuses to store an empty message, which the corpus has one of.
            corpus = files.filter(p -> p.toString().endsWith(".eml") && p.toFile().length() > 0).sorted().toList();
        }
        try (RawClient c = new RawClient(host, port)) {
            c.readLine();
            c.exchange("a", "LOGIN alice secret");
            for (String box : List.of("Snap/Child", "Snap/Corpus", "Snap", "Sent")) {
                c.exchange("d", "DELETE " + box);
            }
            for (String box : List.of("Snap", "Snap/Child", "Snap/Corpus")) {
                assertThat(c.exchange("c", "CREATE " + box)).last().asString().startsWith("c OK");
            }
            assertThat(c.exchange("c", "CREATE Sent (USE (\\Sent))")).last().asString().startsWith("c OK");
            c.exchange("s", "SUBSCRIBE Snap");
            append(c, "Snap", "(\\Seen \\Flagged $Work)", "\"05-Mar-2024 12:00:00 +0100\"", SnapshotTest.mail("One", "one"));
            append(c, "Snap", "(\\Answered \\Draft)", "\"06-Mar-2024 23:59:59 -0700\"", SnapshotTest.mail("Two", "two"));
            append(c, "Snap/Child", "()", "\"01-Jan-2020 00:00:00 +0000\"", SnapshotTest.mail("Three", "three"));
            append(c, "Sent", "(\\Seen)", "\"02-Feb-2022 10:00:00 +0000\"", SnapshotTest.mail("Out", "out"));
            for (Path file : corpus) {
                append(c, "Snap/Corpus", "(NonJunk)", "\"07-Mar-2024 08:00:00 +0000\"", Files.readAllBytes(file));
            }
        }
        Path dir = temp.resolve("dovecot");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SnapshotCommand.run(new String[] {"--host", host, "--port", String.valueOf(port), "--user", "alice",
            "--password-env", "PW", "--out", dir.toString(), "--mailbox", "Snap*", "--mailbox", "Sent"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PW", "secret")::get, false);
        assertThat(status).as("err: %s", err).isZero();
        assertThat(Files.readString(dir.resolve("Sent.properties"))).contains("specialuse=\\Sent");
        assertThat(Files.readString(dir.resolve("Snap.properties"))).contains("subscribed=yes");
        try (ImapMockServer copy = ImapMockServer.builder().user("alice", "secret").fixtures(dir).build().start();
             RawClient dovecot = new RawClient(host, port);
             RawClient mock = RawClient.login(copy, "alice", "secret")) {
            dovecot.readLine();
            dovecot.exchange("a", "LOGIN alice secret");
            String all = "FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE";
            for (String box : List.of("Snap", "Snap/Child", "Sent")) {
                assertThat(messages(mock, box, all)).as(box).isEqualTo(messages(dovecot, box, all)).isNotEmpty();
            }
            // The corpus holds the cases where the two servers answer ENVELOPE and BODYSTRUCTURE
            // differently (docs/compliance.md): there the bytes, flags, dates and sizes must agree.
            String exact = "FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[]";
            assertThat(messages(mock, "Snap/Corpus", exact)).isEqualTo(messages(dovecot, "Snap/Corpus", exact))
                    .hasSize(corpus.size());
        }
    }

    private static void append(RawClient c, String mailbox, String flags, String date, byte[] message) {
        c.sendRaw(("p APPEND " + mailbox + " " + flags + " " + date + " {" + message.length + "+}\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        c.sendRaw(message);
        c.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(c.readUntilTagged("p")).last().asString().startsWith("p OK");
    }

    /** The FETCH lines of every message, \Recent (the session's, not the message's) left out. */
    private static List<String> messages(RawClient c, String mailbox, String items) {
        c.exchange("e", "EXAMINE " + mailbox);
        List<String> lines = new ArrayList<>();
        for (String line : c.exchange("f", "FETCH 1:* (" + items + ")")) {
            if (line.startsWith("* ")) {
                lines.add(line.replace("\\Recent", "").replaceAll(" {2,}", " ").replace("( ", "(").replace(" )", ")"));
            }
        }
        return lines;
    }
}
