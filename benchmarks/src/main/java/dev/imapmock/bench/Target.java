package dev.imapmock.bench;

import java.util.List;

/** A server under measurement, with one user {@code alice}/{@code secret}. */
interface Target extends AutoCloseable {
    String USER = "alice";
    String PASSWORD = "secret";

    /** Starts a fresh server on a free loopback port. */
    Target start() throws Exception;

    int port();

    /** Stores messages in INBOX through the server's Java API. */
    void seed(List<byte[]> messages) throws Exception;

    @Override
    void close();

    /** Names of the targets, in table order. */
    interface Factory {
        String name();

        Target create();
    }

    List<Factory> ALL = List.of(
            new Factory() {
                public String name() {
                    return "ImapMock";
                }

                public Target create() {
                    return new ImapMockTarget();
                }
            },
            new Factory() {
                public String name() {
                    return "GreenMail";
                }

                public Target create() {
                    return new GreenMailTarget();
                }
            });
}
