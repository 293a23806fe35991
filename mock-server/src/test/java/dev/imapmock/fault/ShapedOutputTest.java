package dev.imapmock.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The output shaping alone, on a stream that records every write the socket would see. */
class ShapedOutputTest {
    private final Faults faults = new Faults(1);
    private final Socket socket = new Socket();
    private final Writes writes = new Writes();
    private final ShapedOutput out = new ShapedOutput(faults, socket, writes);

    @AfterEach
    void close() throws IOException {
        socket.close();
    }

    @Test
    void withoutRulesOctetsPassInOneWrite() throws IOException {
        out.begin("a", List.of(), List.of());
        out.write(bytes("* 1 FETCH (BODY[] {3}\r\nabc)\r\na OK done\r\n"));
        assertThat(writes.pieces).hasSize(1);
    }

    @Test
    void sliceCutsBetweenCrAndLfAndInsideLiteralAnnouncements() throws IOException {
        out.begin("a", List.of(fired(new FaultEffect.Slice(100, Duration.ZERO))), List.of());
        out.write(bytes("* 1 FETCH (BODY[] {123}\r\n"));
        assertThat(writes.pieces).containsExactly("* 1 FETCH (BODY[] {", "123", "}\r", "\n");
    }

    @Test
    void sliceKeepsPiecesWithinTheChunkSize() throws IOException {
        out.begin("a", List.of(fired(new FaultEffect.Slice(2, Duration.ZERO))), List.of());
        out.write(bytes("a OK\r\n"));
        assertThat(writes.pieces).containsExactly("a ", "OK", "\r", "\n");
    }

    @Test
    void inLiteralFiresAtThatOffsetOfTheFirstLongEnoughLiteral() throws IOException {
        FaultEffect.Inject mark = new FaultEffect.Inject(List.of("<cut>"));
        out.begin("a", List.of(), List.of(new ShapedOutput.Trigger(Phase.inLiteral(2), List.of(fired(mark)))));
        out.write(bytes("* 1 FETCH (BODY[1] {1}\r\nx BODY[2] {4}\r\nabcd)\r\n"));
        assertThat(String.join("", writes.pieces)).isEqualTo("* 1 FETCH (BODY[1] {1}\r\nx BODY[2] {4}\r\nab<cut>\r\ncd)\r\n");
    }

    @Test
    void afterBytesFiresAlsoAcrossWrites() throws IOException {
        FaultEffect.Inject mark = new FaultEffect.Inject(List.of("<cut>"));
        out.begin("a", List.of(), List.of(new ShapedOutput.Trigger(Phase.afterBytes(5), List.of(fired(mark)))));
        out.write(bytes("abc"));
        out.write(bytes("defg"));
        assertThat(String.join("", writes.pieces)).isEqualTo("abcde<cut>\r\nfg");
    }

    @Test
    void respondBeforeResponseDropsTheRealAnswerAndSendsItsOwn() throws IOException {
        out.begin("t1", List.of(fired(FaultEffect.Respond.parse("NO [SERVERBUG] Lost"))), List.of());
        out.write(bytes("* 3 EXISTS\r\nt1 OK done\r\n"));
        out.end();
        assertThat(String.join("", writes.pieces)).isEqualTo("t1 NO [SERVERBUG] Lost\r\n");
    }

    @Test
    void pushWaitsForTheEndOfABusyResponse() throws IOException {
        out.begin("a", List.of(), List.of());
        out.push(List.of("* OK [ALERT] later"));
        out.write(bytes("a OK done\r\n"));
        out.end();
        out.ready();
        assertThat(String.join("", writes.pieces)).isEqualTo("a OK done\r\n* OK [ALERT] later\r\n");
    }

    @Test
    void aClosedServerEndsAStallWithADisconnect() {
        out.begin("a", List.of(fired(new FaultEffect.Stall(null))), List.of());
        faults.close();
        assertThatThrownBy(() -> out.write(bytes("a OK\r\n"))).isInstanceOf(InjectedDisconnect.class);
        assertThat(writes.pieces).isEmpty();
    }

    private Fired fired(FaultEffect effect) {
        FaultRule rule = faults.on("*").optional().apply(effect);
        return new Fired(rule, effect, 1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Records each write as one piece. */
    private static final class Writes extends OutputStream {
        final List<String> pieces = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pieces.add(new String(b, off, len, StandardCharsets.ISO_8859_1));
        }
    }

}
