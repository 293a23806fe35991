package dev.imapmock.store;

/**
 * One access right of RFC 4314 §2.1, named by its letter. The order of the constants is the order
 * in which the letters are written ({@code lrwstipekxa}, as Dovecot writes them).
 */
public enum Right {
    /** {@code l}: the mailbox is visible to LIST and LSUB. */
    LOOKUP('l'),
    /** {@code r}: SELECT, EXAMINE, STATUS, FETCH, SEARCH and COPY from the mailbox. */
    READ('r'),
    /** {@code w}: set and clear flags other than {@code \Seen} and {@code \Deleted}. */
    WRITE('w'),
    /** {@code s}: set and clear {@code \Seen}, also by reading a body. */
    SEEN('s'),
    /** {@code t}: set and clear {@code \Deleted}. */
    DELETE_MESSAGES('t'),
    /** {@code i}: APPEND, COPY and MOVE into the mailbox. */
    INSERT('i'),
    /** {@code p}: send mail to the mailbox's submission address; no IMAP command needs it. */
    POST('p'),
    /** {@code e}: EXPUNGE, and the expunge of CLOSE and MOVE. */
    EXPUNGE('e'),
    /** {@code k}: CREATE a child, RENAME a mailbox to be a child. */
    CREATE('k'),
    /** {@code x}: DELETE the mailbox, RENAME it away. */
    DELETE_MAILBOX('x'),
    /** {@code a}: SETACL, DELETEACL, GETACL and LISTRIGHTS. */
    ADMINISTER('a');

    private final char letter;

    Right(char letter) {
        this.letter = letter;
    }

    /** {@return the right's letter} */
    public char letter() {
        return letter;
    }

    /**
     * The right named by {@code letter}.
     *
     * @param letter a letter of RFC 4314 §2.1
     * @return the right, or null when the letter names none (the obsolete {@code c} and {@code d}
     *         are sets of rights, see {@link Rights#parse(String)})
     */
    public static Right of(char letter) {
        for (Right r : values()) {
            if (r.letter == letter) {
                return r;
            }
        }
        return null;
    }
}
