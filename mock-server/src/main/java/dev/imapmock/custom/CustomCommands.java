package dev.imapmock.custom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The custom commands of one server ({@code server.commands()}): new commands, or standard ones
 * replaced. A command registered here is dispatched before the server's own of that name, in
 * the states given, and is journaled and subject to fault rules as every command is. Registering
 * and removing work before and after the server starts and take effect from the next command
 * read; thread-safe.
 */
public final class CustomCommands {
    private final Map<String, Registration> registered = new ConcurrentHashMap<>();
    private final List<String> advertised = new CopyOnWriteArrayList<>();

    /** An empty registry; each server makes its own. */
    public CustomCommands() {
    }

    /**
     * Registers {@code handler} for the command {@code name}, replacing the server's own command
     * of that name (and an earlier registration) if there is one. The name is an atom, in any
     * case: {@code XPIG-LATIN}; {@code UID XFOO} for a form after {@code UID}.
     *
     * @param name    the command name
     * @param states  the states that allow it
     * @param handler what runs it
     * @return the registration, to advertise or remove the command
     * @throws IllegalArgumentException when the name is no atom
     */
    public Registration register(String name, States states, CustomHandler handler) {
        String upper = Objects.requireNonNull(name, "name").strip().toUpperCase(Locale.ROOT);
        if (!isName(upper)) {
            throw new IllegalArgumentException("A command name is an atom of letters, digits, '-', '_' and '.', not \""
                    + name + "\"");
        }
        Registration r = new Registration(upper, Objects.requireNonNull(states, "states"),
                Objects.requireNonNull(handler, "handler"));
        Registration old = registered.put(upper, r);
        if (old != null) {
            advertised.remove(old.capability);
        }
        return r;
    }

    /**
     * The registration of this command name, in any case.
     *
     * @param name the command name
     * @return the registration, or empty when there is none
     */
    public Optional<Registration> registration(String name) {
        return Optional.ofNullable(registered.get(name.toUpperCase(Locale.ROOT)));
    }

    /** {@return the names of the registered commands} */
    public List<String> names() {
        return List.copyOf(new ArrayList<>(registered.keySet()));
    }

    /** {@return the capability names advertised, in the order they were advertised} */
    public List<String> capabilities() {
        return List.copyOf(advertised);
    }

    /** Removes every registration. */
    public void clear() {
        registered.clear();
        advertised.clear();
    }

    /** One registered command. */
    public final class Registration {
        private final String name;
        private final States states;
        private final CustomHandler handler;
        private volatile String capability;

        private Registration(String name, States states, CustomHandler handler) {
            this.name = name;
            this.states = states;
            this.handler = handler;
        }

        /** {@return the command name, upper case} */
        public String name() {
            return name;
        }

        /** {@return the states that allow it} */
        public States states() {
            return states;
        }

        /** {@return the handler} */
        public CustomHandler handler() {
            return handler;
        }

        /**
         * Names the command in CAPABILITY, after the server's own capabilities, in every state.
         *
         * @return this registration
         */
        public Registration advertise() {
            return advertise(name);
        }

        /**
         * Names {@code capability} in CAPABILITY for this command, after the server's own
         * capabilities, in every state: {@code XAPPLEPUSHSERVICE}, or a name with a value such
         * as {@code XFOO=2}.
         *
         * @param capability the capability name, an atom
         * @return this registration
         * @throws IllegalArgumentException when it is no atom
         */
        public Registration advertise(String capability) {
            new Argument.Atom(capability);
            if (this.capability != null) {
                advertised.remove(this.capability);
            }
            this.capability = capability;
            if (registered.get(name) == this && !advertised.contains(capability)) {
                advertised.add(capability);
            }
            return this;
        }

        /** Removes the command: the server's own of that name, if any, answers again. Idempotent. */
        public void remove() {
            if (registered.remove(name, this) && capability != null) {
                advertised.remove(capability);
            }
        }
    }

    /**
     * An upper-case atom of letters, digits, {@code -}, {@code _} and {@code .} that starts with a
     * letter or digit, maybe after {@code UID }.
     */
    private static boolean isName(String upper) {
        String atom = upper.startsWith("UID ") ? upper.substring(4) : upper;
        if (atom.isEmpty()) {
            return false;
        }
        for (int i = 0; i < atom.length(); i++) {
            char c = atom.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}
