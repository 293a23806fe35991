package dev.imapmock.sandbox.admin;

import dev.imapmock.journal.Journal;
import dev.imapmock.journal.ReceivedCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A viewer that reads too slowly is cut off; the sessions that record commands never wait for it. */
@Timeout(30)
class JournalStreamTest {
    private static ReceivedCommand command(int index) {
        return new ReceivedCommand(1, index, "a" + index, "NOOP", "", "alice", null,
                new ReceivedCommand.Outcome("OK", null, "NOOP completed."), Instant.now());
    }

    /** Blocks every write after the first (the greeting) until released, as a client that stopped reading. */
    private static final class StuckClient extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final CountDownLatch stuck = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        int writes;

        @Override
        public synchronized void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            boolean block;
            synchronized (this) {
                block = writes++ > 0;
            }
            if (block) {
                stuck.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                written.write(b, off, len);
            }
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void slowViewerIsCutOffWhileRecordingGoesOnAtFullSpeed() throws Exception {
        Journal journal = new Journal();
        JournalStream stream = new JournalStream(journal, 4);
        StuckClient client = new StuckClient();
        CompletableFuture<Void> viewer = CompletableFuture.runAsync(() -> {
            try {
                stream.run(client);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        while (stream.clients() == 0) {
            Thread.onSpinWait();
        }
        journal.record(command(1));
        assertThat(client.stuck.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        for (int i = 2; i <= 1000; i++) {
            journal.record(command(i));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("recording never waits").isLessThan(2000);
        assertThat(journal.commands()).hasSize(1000);
        client.release.countDown();
        viewer.get(10, TimeUnit.SECONDS);
        assertThat(client.text()).contains("event: command\nid: 1.1\n").contains("event: overflow")
                .doesNotContain("id: 1.1000");
        assertThat(stream.clients()).isZero();
    }

    @Test
    void closingEndsEveryStream() throws Exception {
        Journal journal = new Journal();
        JournalStream stream = new JournalStream(journal);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> viewer = CompletableFuture.runAsync(() -> {
            try {
                stream.run(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        while (stream.clients() == 0) {
            Thread.onSpinWait();
        }
        journal.record(command(1));
        stream.close();
        viewer.get(10, TimeUnit.SECONDS);
        assertThat(stream.clients()).isZero();
    }
}
