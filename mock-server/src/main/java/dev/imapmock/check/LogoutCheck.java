package dev.imapmock.check;

/**
 * {@code closed-without-logout} (a note): the client closed the connection without LOGOUT
 * (RFC 3501 §6.1.3). Harmless to the mock, but a real server keeps the session's resources until
 * it notices.
 */
final class LogoutCheck implements ClientCheck {
    private boolean loggedOut;
    private String last = "(no command)";

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (event instanceof ClientEvent.Command c) {
            loggedOut |= c.is("LOGOUT");
            last = c.line();
        } else if (event instanceof ClientEvent.Closed closed && !closed.byServer() && !loggedOut) {
            report.note("closed-without-logout", "RFC 3501 §6.1.3", last,
                    "closed the connection without LOGOUT; the last command is shown");
        }
    }
}
