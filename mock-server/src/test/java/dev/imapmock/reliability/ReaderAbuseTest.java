package dev.imapmock.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.CommandReader;
import dev.imapmock.protocol.ReadResult;
import dev.imapmock.protocol.ReaderLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The command reader under hostile input: what it allocates for an announced literal, how it
 * bounds one command, and how it keeps in step after each kind of garbage.
 */
@Timeout(30)
class ReaderAbuseTest {

    /** Counts the largest read the reader asks for: a proxy for the buffer it has allocated. */
    private static final class WatchedStream extends InputStream {
        private final InputStream in;
        int largestRead;

        WatchedStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            largestRead = Math.max(largestRead, len);
            return in.read(b, off, len);
        }
    }

    @Test
    void anAnnouncedLiteralIsNotAllocatedUpFront() throws IOException {
        WatchedStream in = new WatchedStream(stream("A APPEND INBOX {60000000}\r\nonly a few octets"));
        CommandReader reader = new CommandReader(in, ReaderLimits.DEFAULT, () -> { });

        try {
            reader.next();
        } catch (java.io.EOFException expected) {
            // The client never sent the data.
        }

        assertThat(in.largestRead).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aTwoGigabyteLiteralIsRefusedEvenWithoutALiteralLimit() throws IOException {
        ReaderLimits unlimited = new ReaderLimits(64 * 1024, Long.MAX_VALUE, 100);
        CommandReader reader = new CommandReader(stream("A APPEND INBOX {2147483648}\r\nB NOOP\r\n"), unlimited,
                () -> { throw new AssertionError("no continuation for a literal that cannot be held"); });

        ReadResult first = reader.next();
        ReadResult second = reader.next();

        assertThat(first).isInstanceOf(ReadResult.Malformed.class);
        assertThat(((ReadResult.Malformed) first).reason()).contains("Literal too big");
        assertThat(second).isInstanceOf(Command.class);
    }

    @Test
    void endlesslyChainedLiteralsDoNotMakeOneEndlessCommand() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(ascii("A NOOP {0+}\r\n"));
        for (int i = 0; i < 200_000; i++) {
            wire.writeBytes(ascii(" {0+}\r\n"));
        }
        wire.writeBytes(ascii("\r\nB NOOP\r\n"));
        CommandReader reader = new CommandReader(new ByteArrayInputStream(wire.toByteArray()), ReaderLimits.DEFAULT,
                () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read.get(0)).isInstanceOf(ReadResult.Malformed.class);
        assertThat(((ReadResult.Malformed) read.get(0)).reason()).contains("too long");
        assertThat(read.get(read.size() - 1)).isEqualTo(new Command("B", "NOOP", List.of()));
    }

    @Test
    void theLiteralsOfOneCommandShareTheLiteralLimit() throws IOException {
        ReaderLimits limits = new ReaderLimits(1024, 4096, 10);
        String chunk = "x".repeat(3000);
        CommandReader reader = new CommandReader(
                stream("A LOGIN {3000+}\r\n" + chunk + " {3000+}\r\n" + chunk + "\r\nB NOOP\r\n"), limits, () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read.get(0)).isInstanceOf(ReadResult.Malformed.class);
        assertThat(((ReadResult.Malformed) read.get(0)).reason()).contains("Literal");
        assertThat(read.get(read.size() - 1)).isEqualTo(new Command("B", "NOOP", List.of()));
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() throws IOException {
        String deep = "A FETCH 1 " + "(".repeat(60_000) + ")".repeat(60_000);
        CommandReader reader = new CommandReader(stream(deep + "\r\nB NOOP\r\n"),
                new ReaderLimits(1 << 20, 1024, 100), () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read).hasSize(2);
        assertThat(((ReadResult.Malformed) read.get(0)).reason()).contains("nested");
        assertThat(read.get(1)).isEqualTo(new Command("B", "NOOP", List.of()));
    }

    @Test
    void aOneMegabyteLineIsRefusedAndTheNextCommandIsRead() throws IOException {
        WatchedStream in = new WatchedStream(stream("A NOOP " + "x".repeat(1 << 20) + "\r\nB NOOP\r\n"));
        CommandReader reader = new CommandReader(new java.io.BufferedInputStream(in), ReaderLimits.DEFAULT, () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read).hasSize(2);
        assertThat(((ReadResult.Malformed) read.get(0)).reason()).contains("too long");
        assertThat(((ReadResult.Malformed) read.get(0)).tag()).isEqualTo("A");
        assertThat(read.get(1)).isEqualTo(new Command("B", "NOOP", List.of()));
    }

    @Test
    void controlCharactersAndLoneCarriageReturnsAreMalformedNotSwallowed() throws IOException {
        CommandReader reader = new CommandReader(
                stream("A NOOP\rB NOOP\r\nC LOGIN a\0b c\r\nD LOGIN \"a\0\" b\r\n\0\0\0\r\nE NOOP\r\n"),
                ReaderLimits.DEFAULT, () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read).hasSize(5);
        assertThat(read.subList(0, 4)).allMatch(r -> r instanceof ReadResult.Malformed);
        assertThat(read.get(4)).isEqualTo(new Command("E", "NOOP", List.of()));
    }

    @Test
    void aLiteralThatSendsMoreThanItAnnouncedLeavesTheRestAsTheNextLine() throws IOException {
        CommandReader reader = new CommandReader(stream("A LOGIN {3+}\r\nalice secret\r\nB NOOP\r\n"),
                ReaderLimits.DEFAULT, () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read.get(read.size() - 1)).isEqualTo(new Command("B", "NOOP", List.of()));
    }

    @Test
    void aLiteralThatSendsLessThanItAnnouncedEndsAtTheStreamEnd() {
        CommandReader reader = new CommandReader(stream("A LOGIN {30}\r\nshort"), ReaderLimits.DEFAULT, () -> { });

        org.assertj.core.api.Assertions.assertThatThrownBy(reader::next).isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void aMalformedLineAfterALiteralIsReportedWithTheCommandsFirstLine() throws IOException {
        CommandReader reader = new CommandReader(stream("A SEARCH SUBJECT {6+}\r\nHello!ello!\r\nB NOOP\r\n"),
                ReaderLimits.DEFAULT, () -> { });

        List<ReadResult> read = readAll(reader);

        assertThat(read).hasSize(2);
        ReadResult.Malformed bad = (ReadResult.Malformed) read.get(0);
        assertThat(bad.tag()).isEqualTo("A");
        assertThat(bad.name()).isEqualTo("SEARCH");
        assertThat(bad.text()).isEqualTo("A SEARCH SUBJECT {6+}");
    }

    private static List<ReadResult> readAll(CommandReader reader) throws IOException {
        List<ReadResult> out = new ArrayList<>();
        ReadResult r;
        while ((r = reader.next()) != null) {
            out.add(r);
        }
        return out;
    }

    private static InputStream stream(String text) {
        return new SequenceInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                InputStream.nullInputStream());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
