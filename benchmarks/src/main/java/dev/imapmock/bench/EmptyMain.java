package dev.imapmock.bench;

/** Run in a fresh JVM: does nothing, so its process start to exit is the JVM's own cost. */
public final class EmptyMain {
    private EmptyMain() {
    }

    public static void main(String[] args) {
    }
}
