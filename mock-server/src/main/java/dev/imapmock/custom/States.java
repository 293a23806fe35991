package dev.imapmock.custom;

/**
 * The session states (RFC 3501 §3) in which a custom command is allowed; in any other the
 * server answers {@code BAD}, as for a standard command sent in the wrong state.
 */
public enum States {
    /** Before login only, as LOGIN and STARTTLS are. */
    NOT_AUTHENTICATED,
    /** Once logged in, with or without a mailbox selected, as LIST, STATUS and APPEND are. */
    AUTHENTICATED,
    /** With a mailbox selected only, as FETCH and STORE are. */
    SELECTED,
    /** In every state but logout, as CAPABILITY and NOOP are. */
    ANY
}
