package dev.imapmock.cli;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.fixtures.FixtureReader;

import java.io.PrintStream;

/** Builds the server the launcher's options describe. */
final class Launcher {
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "demo";
    /** The index of the demo account's mail, a classpath resource inside the server jar. */
    static final String DEMO_MAIL = "dev/imapmock/demo/demo.index";

    private Launcher() {
    }

    static ImapMockServer build(Options options, PrintStream out) {
        ImapMockServer.Builder builder = ImapMockServer.builder().host(options.host()).port(options.port())
                .without(options.without().toArray(new Extension[0]));
        if (options.specialUse() != null) {
            builder.specialUse(options.specialUse());
        }
        if (options.users().isEmpty()) {
            builder.user(DEMO_USER, DEMO_PASSWORD);
        } else {
            for (String[] user : options.users()) {
                builder.user(user[0], user[1]);
            }
        }
        if (options.fixtures() != null) {
            builder.fixtures(options.fixtures());
        } else if (options.users().isEmpty()) {
            builder.mailboxes(DEMO_USER, FixtureReader.readIndexed(DEMO_MAIL, Launcher.class.getClassLoader()));
        }
        ImapMockServer server = builder.build();
        if (options.faults() != null) {
            server.faults().load(options.faults());
        }
        if (options.users().isEmpty()) {
            out.println("Demo user: " + DEMO_USER + " / password: " + DEMO_PASSWORD);
        }
        return server;
    }
}
