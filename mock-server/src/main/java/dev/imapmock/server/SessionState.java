package dev.imapmock.server;

/** The connection states of RFC 3501 §3. */
public enum SessionState {
    /** Before LOGIN or AUTHENTICATE succeeded. */
    NOT_AUTHENTICATED("not authenticated"),
    /** Logged in, no mailbox selected. */
    AUTHENTICATED("authenticated"),
    /** A mailbox is selected (SELECT or EXAMINE). */
    SELECTED("selected"),
    /** After LOGOUT, or when the connection is about to close. */
    LOGOUT("logout");

    private final String human;

    SessionState(String human) {
        this.human = human;
    }

    /**
     * The state's name for error texts, e.g. "not authenticated".
     *
     * @return the name in lower case, with spaces
     */
    public String human() {
        return human;
    }
}
