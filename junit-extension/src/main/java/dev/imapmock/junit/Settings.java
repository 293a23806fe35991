package dev.imapmock.junit;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.check.CheckLimits;
import dev.imapmock.fixtures.FixtureException;
import dev.imapmock.junit.ImapServer.Lifecycle;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a server should look like, from one or more {@code @ImapServer} annotations or from an
 * {@link ImapServerExtension.Builder}. Immutable. {@code origin} names where the settings came from,
 * for error messages.
 */
record Settings(List<User> users, List<String> fixtures, Set<Extension> without, Set<Extension> with,
                Tls tls, List<User> tokens, List<String> mechanisms, int maxFailedLogins, List<Quota> quotas,
                String preauth,
                Lifecycle lifecycle, String origin, Consumer<ImapMockServer.Builder> customizer, String profile,
                boolean strictClient, int pollingSeconds) {

    record User(String name, String password) {
    }

    /**
     * How the server speaks TLS. {@code port} is the implicit-TLS port, -1 when not given;
     * {@code keystore} is empty for the generated certificate, and then so are the names of where
     * its password is.
     */
    record Tls(boolean starttls, int port, boolean required, List<String> protocols, String keystore,
               String passwordEnv, String passwordProperty) {
        static final Tls NONE = new Tls(false, -1, false, List.of(), "", "", "");

        Tls {
            protocols = List.copyOf(protocols);
        }

        /** True when an attribute other than the port asks for TLS: STARTTLS then, unless the port alone was given. */
        private boolean asked() {
            return starttls || required || !protocols.isEmpty() || !keystore.isEmpty();
        }

        boolean on() {
            return asked() || port >= 0;
        }
    }

    /** One {@code "user:KiB[:messages]"} of {@link ImapServer#quotas()}. */
    record Quota(String user, long storageKiB, long messages) {
    }

    static final Settings DEFAULTS = new Settings(List.of(parseUser(ImapServer.DEFAULT_USER, "defaults")), List.of(),
            Set.of(), Set.of(), Tls.NONE, List.of(), List.of(), -1, List.of(), "", Lifecycle.PER_METHOD, "the defaults",
            b -> { }, "", false, -1);

    Settings {
        users = List.copyOf(users);
        fixtures = List.copyOf(fixtures);
        without = Set.copyOf(without);
        with = Set.copyOf(with);
        tokens = List.copyOf(tokens);
        mechanisms = List.copyOf(mechanisms);
        quotas = List.copyOf(quotas);
    }

    /** These settings with the non-empty attributes of {@code annotation} laid over them. */
    Settings with(ImapServer annotation, String annotationOrigin) {
        List<User> newUsers = users;
        if (annotation.users().length > 0) {
            newUsers = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (String spec : annotation.users()) {
                User user = parseUser(spec, annotationOrigin);
                if (!names.add(user.name())) {
                    throw new ExtensionConfigurationException(annotationOrigin + ": user \"" + user.name()
                            + "\" is given twice in users");
                }
                newUsers.add(user);
            }
        }
        List<String> newFixtures = fixtures;
        if (annotation.fixtures().length > 0) {
            newFixtures = new ArrayList<>();
            for (String spec : annotation.fixtures()) {
                if (!spec.isBlank()) {
                    newFixtures.add(spec.strip());
                }
            }
        }
        Set<Extension> newWithout = annotation.without().length > 0 ? Set.of(annotation.without()) : without;
        Set<Extension> newWith = annotation.with().length > 0 ? Set.of(annotation.with()) : with;
        List<User> newTokens = tokens;
        if (annotation.tokens().length > 0) {
            newTokens = new ArrayList<>();
            for (String spec : annotation.tokens()) {
                newTokens.add(parseToken(spec, annotationOrigin));
            }
        }
        List<String> newMechanisms = annotation.saslMechanisms().length > 0
                ? List.of(annotation.saslMechanisms()) : mechanisms;
        if (annotation.maxFailedLogins() < -1) {
            throw new ExtensionConfigurationException(annotationOrigin + ": maxFailedLogins must be 0 (no limit) or"
                    + " more, not " + annotation.maxFailedLogins());
        }
        int newMaxFailedLogins = annotation.maxFailedLogins() >= 0 ? annotation.maxFailedLogins() : maxFailedLogins;
        if (annotation.clientPollingSeconds() < -1 || annotation.clientPollingSeconds() == 0) {
            throw new ExtensionConfigurationException(annotationOrigin + ": clientPollingSeconds must be 1 or more"
                    + " (or -1 to inherit), not " + annotation.clientPollingSeconds());
        }
        List<Quota> newQuotas = quotas;
        if (annotation.quotas().length > 0) {
            newQuotas = new ArrayList<>();
            for (String spec : annotation.quotas()) {
                newQuotas.add(parseQuota(spec, annotationOrigin));
            }
        }
        return new Settings(newUsers, newFixtures, newWithout, newWith, tlsWith(annotation, annotationOrigin),
                newTokens, newMechanisms, newMaxFailedLogins, newQuotas,
                annotation.preauth().isEmpty() ? preauth : annotation.preauth(), annotation.lifecycle(), annotationOrigin,
                customizer, annotation.profile().isBlank() ? profile : annotation.profile().strip(),
                strictClient || annotation.strictClient(),
                annotation.clientPollingSeconds() > 0 ? annotation.clientPollingSeconds() : pollingSeconds);
    }

    private Tls tlsWith(ImapServer annotation, String annotationOrigin) {
        if (annotation.tlsPort() < -1 || annotation.tlsPort() > 65535) {
            throw new ExtensionConfigurationException(annotationOrigin + ": tlsPort must be a port from 0 (a free one)"
                    + " to 65535, not " + annotation.tlsPort());
        }
        String keystore = tls.keystore();
        String env = tls.passwordEnv();
        String property = tls.passwordProperty();
        boolean namesPassword = !annotation.keystorePasswordEnv().isEmpty() || !annotation.keystorePasswordProperty().isEmpty();
        if (!annotation.keystore().isBlank()) {
            if (annotation.keystorePasswordEnv().isEmpty() == annotation.keystorePasswordProperty().isEmpty()) {
                throw new ExtensionConfigurationException(annotationOrigin + ": keystore needs exactly one of"
                        + " keystorePasswordEnv and keystorePasswordProperty, naming where its password is"
                        + " (a password never stands in the annotation)");
            }
            keystore = annotation.keystore().strip();
            env = annotation.keystorePasswordEnv();
            property = annotation.keystorePasswordProperty();
        } else if (namesPassword) {
            throw new ExtensionConfigurationException(annotationOrigin + ": keystorePasswordEnv and"
                    + " keystorePasswordProperty name the password of a keystore given beside them; give keystore too");
        }
        return new Tls(tls.starttls() || annotation.tls(), annotation.tlsPort() >= 0 ? annotation.tlsPort() : tls.port(),
                tls.required() || annotation.requireTls(),
                annotation.tlsProtocols().length > 0 ? List.of(annotation.tlsProtocols()) : tls.protocols(),
                keystore, env, property);
    }

    static User parseUser(String spec, String origin) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0 || spec.substring(0, colon).isBlank() || !spec.substring(0, colon).strip().equals(spec.substring(0, colon))) {
            throw new ExtensionConfigurationException(origin + ": cannot parse user \"" + spec
                    + "\"; expected \"name:password\", for example \"alice:secret\"");
        }
        return new User(spec.substring(0, colon), spec.substring(colon + 1));
    }

    /** A {@code "user:token"} spec; the token is never repeated in the message. */
    static User parseToken(String spec, String origin) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new ExtensionConfigurationException(origin + ": cannot parse a token; expected \"user:token\","
                    + " for example \"alice:ya29.test\"");
        }
        return new User(spec.substring(0, colon), spec.substring(colon + 1));
    }

    /**
     * STARTTLS when TLS is asked for other than by the port alone, and implicit TLS on the port
     * given or else a free one: {@code tls = true} keeps meaning both, a port alone means imaps only.
     */
    private void tls(ImapMockServer.Builder builder) {
        if (tls.asked()) {
            builder.tls();
        }
        builder.tlsPort(Math.max(tls.port(), 0));
        if (tls.required()) {
            builder.requireTls();
        }
        if (!tls.protocols().isEmpty()) {
            builder.tlsProtocols(tls.protocols().toArray(new String[0]));
        }
        if (!tls.keystore().isEmpty()) {
            boolean fromEnv = !tls.passwordEnv().isEmpty();
            String name = fromEnv ? tls.passwordEnv() : tls.passwordProperty();
            String password = fromEnv ? System.getenv(name) : System.getProperty(name);
            if (password == null) {
                throw new ExtensionConfigurationException(origin + ": keystore " + tls.keystore() + ": the "
                        + (fromEnv ? "environment variable " : "system property ") + name
                        + " that should hold its password is not set");
            }
            builder.tlsKeyStore(tls.keystore(), password.toCharArray());
        }
    }

    /** A {@code "user:KiB"} or {@code "user:KiB:messages"} spec, whole numbers, 0 for no limit. */
    static Quota parseQuota(String spec, String origin) {
        String[] parts = spec == null ? new String[0] : spec.split(":", -1);
        boolean ok = (parts.length == 2 || parts.length == 3) && !parts[0].isBlank();
        for (int i = 1; ok && i < parts.length; i++) {
            ok = parts[i].matches("[0-9]{1,15}");
        }
        if (!ok) {
            throw new ExtensionConfigurationException(origin + ": cannot parse quota \"" + spec
                    + "\"; expected \"user:KiB\" or \"user:KiB:messages\", for example \"alice:64:30\"");
        }
        return new Quota(parts[0], Long.parseLong(parts[1]), parts.length == 3 ? Long.parseLong(parts[2]) : 0);
    }

    /** Builds and starts the server these settings describe, on a free loopback port. */
    ImapMockServer start() {
        ImapMockServer.Builder builder = ImapMockServer.builder().host("127.0.0.1").port(0);
        for (User user : users) {
            builder.user(user.name(), user.password());
        }
        fixtures.forEach(builder::fixtures);
        builder.with(with.toArray(new Extension[0]));
        if (tls.on()) {
            tls(builder);
        }
        if (!mechanisms.isEmpty()) {
            try {
                builder.saslMechanisms(mechanisms.toArray(new String[0]));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(origin + ": saslMechanisms: " + e.getMessage(), e);
            }
        }
        if (maxFailedLogins >= 0) {
            builder.maxFailedLogins(maxFailedLogins);
        }
        for (User token : tokens) {
            builder.token(token.name(), token.password());
        }
        for (Quota quota : quotas) {
            builder.quota(quota.user(), quota.storageKiB(), quota.messages());
        }
        if (!preauth.isEmpty()) {
            builder.preauthenticate(preauth);
        }
        if (pollingSeconds > 0) {
            builder.clientChecks(CheckLimits.DEFAULTS.withPollingInterval(Duration.ofSeconds(pollingSeconds)));
        }
        builder.without(without.toArray(new Extension[0]));
        if (!profile.isEmpty()) {
            try {
                builder.profile(Profile.named(profile));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(origin + ": " + e.getMessage(), e);
            }
        }
        customizer.accept(builder);
        builder.host("127.0.0.1").port(0);
        ImapMockServer server;
        try {
            server = builder.build();
        } catch (FixtureException e) {
            throw new ExtensionConfigurationException(origin + ": cannot load fixtures: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(origin + ": " + e.getMessage(), e);
        }
        return server.start();
    }
}
