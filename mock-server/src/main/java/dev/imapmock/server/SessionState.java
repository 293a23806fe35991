package dev.imapmock.server;

/** The connection states of RFC 3501 §3. */
public enum SessionState {
    NOT_AUTHENTICATED("not authenticated"),
    AUTHENTICATED("authenticated"),
    SELECTED("selected"),
    LOGOUT("logout");

    private final String human;

    SessionState(String human) {
        this.human = human;
    }

    public String human() {
        return human;
    }
}
