package dev.imapmock.fault;

import dev.imapmock.store.Account;

import java.util.Locale;
import java.util.function.Predicate;

/** One condition of a rule on what it hits; a rule fires only where all of its matchers agree. */
sealed interface Matcher {

    boolean test(Target target);

    /**
     * What a rule is tested against: a command on a connection, or the connection alone. The
     * mailbox names are canonical in the account's hierarchy delimiter, {@code delimiter}.
     */
    record Target(int connection, String user, String command, String arguments, String selected,
                  String mailboxArgument, char delimiter) {

        /** A target that is the connection alone, maybe with who is logged in on it. */
        static Target connection(int connection, String user) {
            return new Target(connection, user, null, null, null, null, Account.DELIMITER);
        }
    }

    /** The command name, {@code UID FETCH} distinct from {@code FETCH}. */
    record Command(String name) implements Matcher {
        public Command {
            name = normalize(name);
        }

        static String normalize(String name) {
            return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        }

        @Override
        public boolean test(Target target) {
            return name.equals(target.command());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Connections numbered {@code from} to {@code to}, both included, counted from 1. */
    record Connections(int from, int to) implements Matcher {
        @Override
        public boolean test(Target target) {
            return target.connection() >= from && target.connection() <= to;
        }

        @Override
        public String toString() {
            return from == to ? "connection " + from
                    : to == Integer.MAX_VALUE ? "connections from " + from : "connections " + from + "-" + to;
        }
    }

    record User(String name) implements Matcher {
        @Override
        public boolean test(Target target) {
            return name.equals(target.user());
        }

        @Override
        public String toString() {
            return "user " + name;
        }
    }

    /**
     * The mailbox the command names, or else the selected one. INBOX, any case, is told at the
     * first hierarchy level of the account's delimiter ({@code inbox.Sub} is {@code INBOX.Sub}
     * under {@code .}).
     */
    record Mailbox(String name) implements Matcher {
        @Override
        public boolean test(Target target) {
            String canonical = Account.canonical(name, target.delimiter());
            return canonical.equals(target.mailboxArgument()) || canonical.equals(target.selected());
        }

        @Override
        public String toString() {
            return "mailbox " + name;
        }
    }

    /** A predicate on the command's arguments as text, as the client sent them. */
    record Arguments(Predicate<String> predicate, String description) implements Matcher {
        @Override
        public boolean test(Target target) {
            return target.arguments() != null && predicate.test(target.arguments());
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
