package dev.imapmock.sasl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The table of SASL mechanisms the server knows, by name. */
public final class Mechanisms {
    private static final Map<String, Mechanism> ALL = new LinkedHashMap<>();

    static {
        for (Mechanism m : List.of(new Plain(), new Login(), new CramMd5(), new ScramSha1(false),
                new ScramSha1(true), new ScramSha256(false), new ScramSha256(true), new XOAuth2(), new OAuthBearer())) {
            ALL.put(m.name(), m);
        }
    }

    /** Offered when the server is told nothing: what Dovecot offers by default. */
    public static final List<String> DEFAULT = List.of("PLAIN", "LOGIN");

    /** Added to the default when the server has OAuth2 tokens. */
    public static final List<String> OAUTH = List.of("XOAUTH2", "OAUTHBEARER");

    private Mechanisms() {
    }

    /**
     * The mechanism of this name, in any case.
     *
     * @param name the name
     * @return the mechanism, or empty when there is none
     */
    public static Optional<Mechanism> named(String name) {
        return Optional.ofNullable(ALL.get(name.toUpperCase(Locale.ROOT)));
    }

    /**
     * Every mechanism's name, in table order.
     *
     * @return the names, upper case
     */
    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }

    /**
     * The mechanisms of these names, in the order given.
     *
     * @throws IllegalArgumentException for an unknown name, or one given twice
     * @param names the names, in any case
     * @return the mechanisms
     */
    public static List<Mechanism> resolve(List<String> names) {
        List<Mechanism> resolved = new ArrayList<>();
        for (String name : names) {
            Mechanism m = named(name).orElse(null);
            if (m == null) {
                throw new IllegalArgumentException("No SASL mechanism named " + name + "; the mechanisms are " + names());
            }
            if (resolved.contains(m)) {
                throw new IllegalArgumentException("SASL mechanism given twice: " + m.name());
            }
            resolved.add(m);
        }
        return List.copyOf(resolved);
    }
}
