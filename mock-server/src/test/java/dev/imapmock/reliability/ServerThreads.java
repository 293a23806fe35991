package dev.imapmock.reliability;

import java.util.ArrayList;
import java.util.List;

/** The threads a server started, found by the names it gives them. */
final class ServerThreads {
    private ServerThreads() {
    }

    /** Live threads of every server ({@code imapmock-...}). */
    static List<Thread> all() {
        return named("imapmock-");
    }

    /** Live connection threads of the server on {@code port}. */
    static List<Thread> connections(int port) {
        return named("imapmock-" + port + "-conn-");
    }

    /** Joins each thread, at most until {@code deadlineNanos}; returns those still alive. */
    static List<Thread> awaitEnd(List<Thread> threads, long deadlineNanos) throws InterruptedException {
        List<Thread> alive = new ArrayList<>();
        for (Thread t : threads) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                t.join(left);
            }
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    private static List<Thread> named(String prefix) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }
}
