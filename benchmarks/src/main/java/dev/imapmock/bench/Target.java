package dev.imapmock.bench;

import java.util.ArrayList;
import java.util.List;

/** A server under measurement, with one user {@code alice}/{@code secret}. */
interface Target extends AutoCloseable {
    String USER = "alice";
    String PASSWORD = "secret";

    /** Starts a fresh server on a free loopback port. */
    Target start() throws Exception;

    int port();

    /** Stores messages in INBOX the fastest way the server has: its Java API, else MULTIAPPEND over IMAP. */
    void seed(List<byte[]> messages) throws Exception;

    /** True when {@link #seed} goes through the server's Java API, false when over IMAP. */
    default boolean seedsInProcess() {
        return true;
    }

    /** Lets at least {@code clients} connections of the user in at once, for the connection storm. */
    default void allowClients(int clients) throws Exception {
    }

    @Override
    void close();

    /** Names of the targets, in table order. */
    interface Factory {
        String name();

        Target create();

        /** Why this target cannot run here, or null when it can. */
        default String missing() {
            return null;
        }
    }

    /** ImapMock, GreenMail and Dovecot, in table order; Dovecot may be {@link Factory#missing}. */
    static List<Factory> all() {
        List<Factory> all = new ArrayList<>();
        all.add(new Factory() {
            public String name() {
                return "ImapMock";
            }

            public Target create() {
                return new ImapMockTarget();
            }
        });
        all.add(new Factory() {
            public String name() {
                return "GreenMail";
            }

            public Target create() {
                return new GreenMailTarget();
            }
        });
        all.add(DovecotTarget.factory());
        return all;
    }
}
