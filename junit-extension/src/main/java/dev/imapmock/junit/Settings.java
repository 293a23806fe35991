package dev.imapmock.junit;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.fixtures.FixtureException;
import dev.imapmock.junit.ImapServer.Lifecycle;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

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
                boolean tls, List<User> tokens, List<Quota> quotas, Lifecycle lifecycle, String origin,
                Consumer<ImapMockServer.Builder> customizer) {

    record User(String name, String password) {
    }

    /** One {@code "user:KiB[:messages]"} of {@link ImapServer#quotas()}. */
    record Quota(String user, long storageKiB, long messages) {
    }

    static final Settings DEFAULTS = new Settings(List.of(parseUser(ImapServer.DEFAULT_USER, "defaults")), List.of(),
            Set.of(), Set.of(), false, List.of(), List.of(), Lifecycle.PER_METHOD, "the defaults", b -> { });

    Settings {
        users = List.copyOf(users);
        fixtures = List.copyOf(fixtures);
        without = Set.copyOf(without);
        with = Set.copyOf(with);
        tokens = List.copyOf(tokens);
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
        List<Quota> newQuotas = quotas;
        if (annotation.quotas().length > 0) {
            newQuotas = new ArrayList<>();
            for (String spec : annotation.quotas()) {
                newQuotas.add(parseQuota(spec, annotationOrigin));
            }
        }
        return new Settings(newUsers, newFixtures, newWithout, newWith, tls || annotation.tls(), newTokens,
                newQuotas, annotation.lifecycle(), annotationOrigin, customizer);
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
        if (tls) {
            builder.tls().tlsPort(0);
        }
        for (User token : tokens) {
            builder.token(token.name(), token.password());
        }
        for (Quota quota : quotas) {
            builder.quota(quota.user(), quota.storageKiB(), quota.messages());
        }
        builder.without(without.toArray(new Extension[0]));
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
