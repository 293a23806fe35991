package dev.imapmock.check;

/**
 * One check of a client's behaviour on one connection: sees every event in order, on the
 * connection's thread, and reports what it finds. One instance per connection, so it may keep
 * state without locking. Must be cheap: it runs for every command.
 */
interface ClientCheck {
    void see(ClientEvent event, Reporter report);
}
