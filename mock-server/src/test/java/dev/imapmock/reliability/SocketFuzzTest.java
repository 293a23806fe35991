package dev.imapmock.reliability;

import dev.imapmock.testing.StoreSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sends random and mutated real commands to a logged-in session with a mailbox EXAMINEd, for a
 * bounded time ({@code -Dimapmock.fuzz.seconds}, default 3), and checks that every answer is a
 * well-formed IMAP response without a trace of Java, that every connection ends with a BYE (so
 * none died of an exception), that no thread is left, and that the store is byte-identical.
 *
 * <p>Only commands that cannot change the store are mutated, and a mutated line whose command
 * name could be a changing one is thrown away, so any change to the store is a defect.
 */
class SocketFuzzTest {
    private static final long SEED = Long.getLong("imapmock.fuzz.seed", 20261126L);
    private static final double SECONDS = Double.parseDouble(System.getProperty("imapmock.fuzz.seconds", "3"));
    private static final int LITERAL_LIMIT = 4096;

    /** Commands (after the tag) that change the store or leave the read-only view. */
    private static final List<String> CHANGING = List.of("APPEND", "STORE", "COPY", "MOVE", "EXPUNGE", "CREATE",
            "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "SELECT", "UID");

    private static final List<String> SEEDS = List.of(
            "FETCH 1:* (FLAGS UID)",
            "FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]",
            "FETCH 2 (BODYSTRUCTURE ENVELOPE INTERNALDATE RFC822.SIZE BODY)",
            "FETCH 1:3 BODY[]",
            "FETCH 2 (BODY[1.MIME] BODY[2]<2.5> BODY[TEXT] RFC822.HEADER)",
            "FETCH * BINARY.PEEK[1]",
            "FETCH 1,2,3:4 FAST",
            "FETCH 1:* ALL",
            "FETCH 2 BODY.PEEK[HEADER.FIELDS.NOT (\"To\" DATE)]<0.20>",
            "SEARCH OR FROM alice NOT SEEN SINCE 1-Jan-2020",
            "SEARCH CHARSET UTF-8 TEXT {5+}\r\nh\u00e9llo",
            "SEARCH HEADER \"Message-ID\" \"<m1@example.org>\" UID 1:3",
            "SEARCH (OR (LARGER 10) (SMALLER 5000)) BEFORE 31-Dec-2030 KEYWORD $Work",
            "SEARCH SUBJECT {6}\r\nHello!",
            "SEARCH ALL",
            "LIST \"\" \"*\"",
            "LIST \"\" \"&Jjo-%\"",
            "LIST \"Work\" \"%\"",
            "LSUB \"\" \"*\"",
            "STATUS INBOX (MESSAGES UIDNEXT UNSEEN RECENT UIDVALIDITY)",
            "STATUS \"&ZeVnLIqe-\" (MESSAGES)",
            "EXAMINE Work",
            "EXAMINE INBOX",
            "EXAMINE \"&Jjo\"",
            "NOOP",
            "CHECK",
            "CAPABILITY",
            "NAMESPACE",
            "ID (\"name\" \"fuzz\" \"version\" NIL)",
            "IDLE\r\nDONE",
            "LOGIN alice secret",
            "AUTHENTICATE PLAIN",
            "UNSELECT",
            "CLOSE");

    private static final List<String> INSERTS = List.of("{0}\r\n", "{3}\r\n", "{7+}\r\n", "{4096}\r\n", "{4097}\r\n",
            "{99999999999}\r\n", "{2147483648}\r\n", "{-1}\r\n", "{1+}", "\r", "\n", "\r\n", "\0", "(", ")", "((((",
            "))", "\"", "\\", "\u00ff", "\u00e9", "&", "&-", "&AAA", "&Jjo", "*", ":", "[", "]", "<", ">", "%", " ",
            "  ", "4294967296", "0", "-1", "99999999999999999999", ",", "1:*", "*:*", "NIL", "\t", "\u007f",
            "BODY[", "<0.", "ALL", "NOT NOT NOT", "OR OR OR");

    private ImapMockServer server;
    private Random random;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").user("bob", "pw").maxLiteralSize(LITERAL_LIMIT)
                .build().start();
        Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        OffsetDateTime date = OffsetDateTime.parse("2024-03-01T10:15:30+01:00");
        inbox.append(Mail.plain("Hello!", "m1"), Flags.of(Set.of("\\Seen")), date);
        inbox.append(Mail.multipart("R\u00e9sum\u00e9", "m2"), Flags.of(Set.of("$Work", "\\Flagged")), date);
        inbox.append(Mail.plain("Third", "m3"), Flags.NONE, date);
        inbox.append(Mail.plain("Fourth", "m4"), Flags.of(Set.of("\\Deleted")), date);
        Mailbox work = server.store().account("alice").orElseThrow().create("Work");
        work.append(Mail.multipart("In work", "w1"), Flags.NONE, date);
        server.store().account("alice").orElseThrow().create("\u65e5\u672c\u8a9e");
        server.store().account("alice").orElseThrow().subscribe("Work");
        random = new Random(SEED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @Timeout(120)
    void mutatedCommandsNeverChangeTheStoreNorBreakTheServer() throws Exception {
        List<String> before = StoreSnapshot.of(server.store());
        long deadline = System.nanoTime() + (long) (SECONDS * 1e9);
        int rounds = 0;
        long sent = 0;
        while (System.nanoTime() < deadline) {
            sent += round();
            rounds++;
        }
        assertThat(ServerThreads.awaitEnd(ServerThreads.connections(server.port()), System.nanoTime() + 5_000_000_000L))
                .as("connection threads still running after their clients left").isEmpty();

        assertThat(StoreSnapshot.of(server.store())).containsExactlyElementsOf(before);
        List<ReceivedCommand> changedSomething = server.journal().commands(c -> c.name() != null
                && c.outcome().status().equals("OK") && startsWithChanging(c.name()));
        assertThat(changedSomething).isEmpty();
        answersNormally();
        System.out.printf("Socket fuzz: %d rounds, %d command lines sent, %d commands journaled (seed %d)%n",
                rounds, sent, server.journal().commands().size(), SEED);
    }

    @Test
    @Timeout(60)
    void tenThousandPipelinedCommandsAreEachAnsweredOnceInOrder() throws Exception {
        List<String> before = StoreSnapshot.of(server.store());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(ascii("L LOGIN alice secret\r\nE EXAMINE INBOX\r\n"));
        for (int i = 0; i < 10_000; i++) {
            String command = switch (i % 5) {
                case 0 -> "FETCH 1:* (UID FLAGS)";
                case 1 -> "SEARCH UNSEEN";
                case 2 -> "NOOP";
                case 3 -> "FETCH 99 FLAGS";
                default -> "BOGUS (((";
            };
            wire.writeBytes(ascii("p" + i + " " + command + "\r\n"));
        }
        wire.writeBytes(ascii("Z LOGOUT\r\n"));

        byte[] answer = exchange(wire.toByteArray());

        List<String> tagged = Wire.lines(answer).stream().filter(l -> l.startsWith("p")).toList();
        assertThat(tagged).hasSize(10_000);
        for (int i = 0; i < tagged.size(); i++) {
            String expected = switch (i % 5) {
                case 0, 1, 2 -> "p" + i + " OK ";
                default -> "p" + i + " BAD ";
            };
            assertThat(tagged.get(i)).startsWith(expected);
        }
        checkResponses(answer, "pipelined");
        assertThat(StoreSnapshot.of(server.store())).containsExactlyElementsOf(before);
    }

    /** One connection: log in, EXAMINE, fuzz, then enough line ends to close any literal, then LOGOUT. */
    private int round() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(ascii("L LOGIN alice secret\r\nE EXAMINE " + (random.nextBoolean() ? "INBOX" : "Work") + "\r\n"));
        int lines = 1 + random.nextInt(30);
        for (int i = 0; i < lines; i++) {
            wire.writeBytes(fuzzLine(i));
            wire.writeBytes(ascii("\r\n"));
        }
        byte[] fuzz = wire.toByteArray();
        // Any literal still pending is at most LITERAL_LIMIT octets: these line ends close it.
        wire.writeBytes(ascii("\r\n".repeat(LITERAL_LIMIT / 2 + 8)));
        wire.writeBytes(ascii("ZZ LOGOUT\r\n"));
        byte[] answer = exchange(wire.toByteArray());
        checkResponses(answer, new String(fuzz, StandardCharsets.ISO_8859_1));
        return lines;
    }

    private byte[] fuzzLine(int index) {
        while (true) {
            byte[] line;
            int kind = random.nextInt(100);
            if (kind < 3) {
                line = new byte[random.nextInt(200)];
                random.nextBytes(line);
            } else if (kind == 3 && random.nextInt(20) == 0) {
                line = ascii("t" + index + " FETCH 1 " + "x".repeat(1 << 20));
            } else if (kind == 4) {
                int depth = 1 + random.nextInt(2000);
                line = ascii("t" + index + " SEARCH " + "(".repeat(depth) + "ALL" + ")".repeat(depth));
            } else {
                line = mutate(ascii("t" + index + " " + SEEDS.get(random.nextInt(SEEDS.size()))));
            }
            if (!mayChangeTheStore(line)) {
                return line;
            }
        }
    }

    private byte[] mutate(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(7)) {
                case 0 -> text = text.substring(0, at) + INSERTS.get(random.nextInt(INSERTS.size())) + text.substring(at);
                case 1 -> text = text.substring(0, at);
                case 2 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(8));
                    text = text.substring(0, at) + text.substring(end);
                }
                case 3 -> {
                    if (at < text.length()) {
                        char[] chars = text.toCharArray();
                        chars[at] = (char) random.nextInt(256);
                        text = new String(chars);
                    }
                }
                case 4 -> {
                    int end = Math.min(text.length(), at + random.nextInt(20));
                    text = text.substring(0, end) + text.substring(at, end) + text.substring(end);
                }
                case 5 -> text = text + " " + SEEDS.get(random.nextInt(SEEDS.size()));
                default -> text = text.replaceFirst("\\d+", List.of("0", "4294967296", "2147483648", "-5",
                        "99999999999999999999", "*").get(random.nextInt(6)));
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * True when any line of {@code bytes} could reach the server as a command whose name starts
     * like a changing one. Conservative: every LF starts a possible command.
     */
    private static boolean mayChangeTheStore(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n", -1)) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String rest = line.substring(space + 1).stripLeading().toUpperCase(Locale.ROOT);
            if (startsWithChanging(rest)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithChanging(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String changing : CHANGING) {
            if (upper.startsWith(changing)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern RESPONSE = Pattern.compile("^(\\* |\\+ |\\+$|[^ ]+ (OK|NO|BAD|BYE)( |$)).*",
            Pattern.DOTALL);

    private static final Pattern HUGE_NON_SYNC_LITERAL = Pattern.compile("\\{0*[1-9]\\d{4,}\\+\\}\r\n");

    private static void checkResponses(byte[] answer, String input) {
        String all = new String(answer, StandardCharsets.ISO_8859_1);
        String why = "the answer to:\n" + printable(input) + "\n---\n" + printable(all);
        assertThat(all).as(why).doesNotContain("Exception").doesNotContain("java.").doesNotContain("dev.imapmock.")
                .doesNotContain("SERVERBUG");
        List<String> lines = Wire.lines(answer);
        for (String line : lines) {
            assertThat(line).as(why).matches(RESPONSE);
        }
        // After a malformed line the server discards a non-synchronizing literal it announced, whatever
        // its size, to stay in step; one larger than the padding swallows the final LOGOUT.
        if (!HUGE_NON_SYNC_LITERAL.matcher(input).find()) {
            assertThat(lines).as("a connection that ends without BYE died of an error: " + why)
                    .anyMatch(l -> l.startsWith("* BYE"));
        }
    }

    private byte[] exchange(byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 5_000);
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            // Read while writing, so neither side blocks on a full buffer.
            Thread reader = new Thread(() -> {
                try {
                    in.transferTo(answer);
                } catch (IOException e) {
                    // The server reset the connection after its last answer; what came is kept.
                }
            }, "fuzz-reader");
            reader.start();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may close before taking everything (LOGOUT inside the fuzz).
            }
            try {
                reader.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(reader.isAlive()).as("the server never closed the connection").isFalse();
            synchronized (answer) {
                return answer.toByteArray();
            }
        }
    }

    private void answersNormally() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(c.command("a", "EXAMINE INBOX")).contains("* 4 EXISTS").last().asString().startsWith("a OK");
            assertThat(c.command("b", "FETCH 2 (UID FLAGS)")).first().asString().startsWith("* 2 FETCH (UID 2 FLAGS (");
            assertThat(c.command("c", "LOGOUT")).last().asString().startsWith("c OK");
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        int limit = Math.min(s.length(), 4000);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            sb.append(c == '\n' || (c >= 0x20 && c < 0x7f) ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return s.length() > limit ? sb + "..." : sb.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
