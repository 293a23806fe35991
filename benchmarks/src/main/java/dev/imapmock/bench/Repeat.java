package dev.imapmock.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One warm command in a loop, outside the full run: an ImapMock server in this JVM seeded with the
 * benchmark's messages, one client, the commands given with {@code --before} sent once, then
 * {@code rounds} rounds of 50 timed commands. Prints each round's median, then, on the last line,
 * the median of the last three rounds' medians in milliseconds: the figure {@code by-turns.sh}
 * reads. Comparing two jars this way, each in fresh JVMs by turns, separates a change from the
 * machine's drift, which moves one full run against another by more than many changes do.
 *
 * <pre>
 * java -cp imapmock-benchmarks.jar dev.imapmock.bench.Repeat [--messages N] [--rounds R]
 *      [--before COMMAND]... COMMAND
 * </pre>
 */
public final class Repeat {
    private static final int PER_ROUND = 50;

    private Repeat() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 10_000;
        int rounds = 5;
        List<String> before = new ArrayList<>();
        String command = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--before" -> before.add(args[++i]);
                default -> command = args[i];
            }
        }
        if (command == null || rounds < 3) {
            System.err.println("usage: Repeat [--messages N] [--rounds R, at least 3] [--before COMMAND]... COMMAND");
            System.exit(2);
        }
        double[] medians = new double[rounds];
        try (Target target = new ImapMockTarget().start()) {
            target.seed(new MailGenerator(42).messages(messages));
            try (RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                client.command("SELECT INBOX");
                for (String b : before) {
                    client.command(b);
                }
                for (int r = 0; r < rounds; r++) {
                    double[] samples = new double[PER_ROUND];
                    for (int i = 0; i < samples.length; i++) {
                        long t = System.nanoTime();
                        client.command(command);
                        samples[i] = (System.nanoTime() - t) / 1e6;
                    }
                    medians[r] = median(samples);
                    System.out.printf("round %d: median %.2f ms%n", r + 1, medians[r]);
                }
            }
        }
        System.out.printf("%.2f%n", median(Arrays.copyOfRange(medians, rounds - 3, rounds)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
