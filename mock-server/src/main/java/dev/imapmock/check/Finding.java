package dev.imapmock.check;

/**
 * One thing the server noticed about what a client did: a protocol violation, a wasteful (legal
 * but slow) pattern, or a note. Immutable.
 *
 * @param rule        the stable id of the check, such as {@code literal-before-continuation}; see
 *                    {@link ClientReport#rules()} and docs/client-checks.md for the full list
 * @param kind        how serious it is
 * @param rfc         the RFC section behind the rule, such as {@code RFC 3501 §7.5}
 * @param connection  the connection's number, as the journal shows it
 * @param command     the command it is about (tag, name and arguments, secrets masked), or for
 *                    a pattern the command that shows it
 * @param explanation one line a developer can act on
 * @param count       for a wasteful pattern, how many commands showed it; 1 otherwise
 */
public record Finding(String rule, Kind kind, String rfc, int connection, String command, String explanation,
                      int count) {

    /** How serious a finding is. */
    public enum Kind {
        /** The client broke a rule of the RFC: a stricter server could refuse or misread it. */
        VIOLATION,
        /** Legal, but costs round trips or bandwidth against a real server. */
        WASTEFUL,
        /** Worth knowing, not wrong. */
        NOTE
    }

    /** A violation, as the checks report one. */
    static Finding violation(String rule, String rfc, int connection, String command, String explanation) {
        return new Finding(rule, Kind.VIOLATION, rfc, connection, command, explanation, 1);
    }

    /** One line: kind, rule, RFC section, connection, command and explanation (and the count of a pattern). */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + rule + " (" + rfc + ") connection " + connection
                + ": " + command + " - " + explanation + (kind == Kind.WASTEFUL ? " [" + count + " times]" : "");
    }
}
