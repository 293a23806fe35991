package dev.imapmock.testing;

/**
 * The capability lists a server with every extension on announces, written out once so that
 * transcript tests check the exact bytes and a new extension changes one line here.
 */
public final class Capabilities {
    /** In the greeting and in CAPABILITY before login. */
    public static final String BEFORE_LOGIN = "IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS"
            + " MOVE ENABLE CONDSTORE QRESYNC SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE AUTH=PLAIN";
    /** In CAPABILITY after login and in LOGIN's tagged OK. */
    public static final String AFTER_LOGIN = "IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS"
            + " MOVE ENABLE CONDSTORE QRESYNC SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE";

    private Capabilities() {
    }
}
