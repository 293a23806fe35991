package dev.imapmock.cli;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.fixtures.FixtureReader;

import java.io.PrintStream;
import java.util.function.Function;

/** Builds the server the launcher's options describe. */
final class Launcher {
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "demo";
    /** The index of the demo account's mail, a classpath resource inside the server jar. */
    static final String DEMO_MAIL = "dev/imapmock/demo/demo.index";

    private Launcher() {
    }

    static ImapMockServer build(Options options, PrintStream out) {
        return build(options, out, System::getenv);
    }

    /** {@code env} reads the environment: the keystore's password comes from there, never from the arguments. */
    static ImapMockServer build(Options options, PrintStream out, Function<String, String> env) {
        ImapMockServer.Builder builder = ImapMockServer.builder().host(options.host()).port(options.port())
                .with(options.with().toArray(new Extension[0]))
                .without(options.without().toArray(new Extension[0]));
        if (options.profile() != null) {
            builder.profile(options.profile());
        }
        if (options.delimiter() != null) {
            builder.hierarchyDelimiter(options.delimiter());
        }
        if (options.tls()) {
            builder.tls();
        }
        if (options.tlsPort() >= 0) {
            builder.tlsPort(options.tlsPort());
        }
        if (options.requireTls()) {
            builder.requireTls();
        }
        if (options.tlsKey() != null) {
            builder.tlsKeyAlgorithm(options.tlsKey());
        }
        if (options.keystore() != null) {
            String password = env.apply(options.keystorePasswordEnv());
            if (password == null) {
                throw new IllegalArgumentException("--keystore-password-env: the environment variable "
                        + options.keystorePasswordEnv() + " is not set");
            }
            builder.tlsKeyStore(options.keystore(), password.toCharArray());
        }
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
        for (String[] token : options.tokens()) {
            builder.token(token[0], token[1]);
        }
        if (!options.saslMechanisms().isEmpty()) {
            builder.saslMechanisms(options.saslMechanisms().toArray(new String[0]));
        }
        builder.maxFailedLogins(options.maxFailedLogins());
        if (options.pollingSeconds() > 0) {
            builder.clientChecks(dev.imapmock.check.CheckLimits.DEFAULTS
                    .withPollingInterval(java.time.Duration.ofSeconds(options.pollingSeconds())));
        }
        if (options.preauth() != null) {
            builder.preauthenticate(options.preauth());
        }
        if (options.rev2Only()) {
            builder.rev2Only();
        }
        for (Options.UserQuota quota : options.quotas()) {
            builder.quota(quota.user(), quota.storageKiB(), quota.messages());
        }
        for (Options.AclEntry acl : options.acls()) {
            if (acl.user() == null) {
                builder.sharedMailbox(acl.mailbox(), acl.identifier(), acl.rights());
            } else {
                builder.acl(acl.user(), acl.mailbox(), acl.identifier(), acl.rights());
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
