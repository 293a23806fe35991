package dev.imapmock.check;

/** Where a check's findings go, with the connection's number filled in. */
interface Reporter {
    int connection();

    /**
     * Reports a finding; a wasteful pattern reported again with the same rule and command
     * replaces the earlier one, so its count grows in place.
     */
    void report(Finding finding);

    default void violation(String rule, String rfc, String command, String explanation) {
        report(Finding.violation(rule, rfc, connection(), command, explanation));
    }

    default void wasteful(String rule, String rfc, String command, String explanation, int count) {
        report(new Finding(rule, Finding.Kind.WASTEFUL, rfc, connection(), command, explanation, count));
    }

    default void note(String rule, String rfc, String command, String explanation) {
        report(new Finding(rule, Finding.Kind.NOTE, rfc, connection(), command, explanation, 1));
    }
}
