package dev.imapmock.fault;

/** One effect of a rule that fired on a connection. */
record Fired(FaultRule rule, FaultEffect effect, int connection) {
}
