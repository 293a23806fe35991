package dev.imapmock.check;

/** {@code command-in-wrong-state}: a command the server knows, sent in a state where it is not valid (RFC 3501 §3, §6). */
final class StateCheck implements ClientCheck {
    @Override
    public void see(ClientEvent event, Reporter report) {
        if (event instanceof ClientEvent.Command c && c.known() && !c.allowed() && !c.malformed()) {
            report.violation("command-in-wrong-state", "RFC 3501 §3", c.line(),
                    c.name() + " is not valid in the " + c.state() + " state");
        }
    }
}
