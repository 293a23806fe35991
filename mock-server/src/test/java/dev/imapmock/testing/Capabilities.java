package dev.imapmock.testing;

/**
 * The capability lists a server with every extension on announces, written out once so that
 * transcript tests check the exact bytes and a new extension changes one line here.
 */
public final class Capabilities {
    /** In the greeting and in CAPABILITY before login. */
    public static final String BEFORE_LOGIN = "IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT NAMESPACE UNSELECT UIDPLUS"
            + " MOVE ENABLE CONDSTORE QRESYNC SAVEDATE PREVIEW ESEARCH ESORT SEARCHRES WITHIN"
            + " SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE CONTEXT=SEARCH BINARY MULTIAPPEND CATENATE URL-PARTIAL QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE NOTIFY METADATA METADATA-SERVER ACL RIGHTS=texk AUTH=PLAIN AUTH=LOGIN";
    /** In CAPABILITY after login and in LOGIN's tagged OK. */
    public static final String AFTER_LOGIN = "IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT NAMESPACE UNSELECT UIDPLUS"
            + " MOVE ENABLE CONDSTORE QRESYNC SAVEDATE PREVIEW ESEARCH ESORT SEARCHRES WITHIN"
            + " SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE CONTEXT=SEARCH BINARY MULTIAPPEND CATENATE URL-PARTIAL QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE NOTIFY METADATA METADATA-SERVER ACL RIGHTS=texk";

    private Capabilities() {
    }

    /** {@link #AFTER_LOGIN} less {@code names}: what a server with those extensions left out announces. */
    public static String afterLoginWithout(String... names) {
        return without(AFTER_LOGIN, names);
    }

    private static String without(String list, String... names) {
        String result = " " + list + " ";
        for (String name : names) {
            if (!result.contains(" " + name + " ")) {
                throw new IllegalArgumentException(name + " is not in " + list);
            }
            result = result.replace(" " + name + " ", " ");
        }
        return result.trim();
    }
}
