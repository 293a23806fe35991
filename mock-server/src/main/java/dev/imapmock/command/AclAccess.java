package dev.imapmock.command;

import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.server.Session;
import dev.imapmock.store.Right;
import dev.imapmock.store.Rights;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What the ACL commands (RFC 4314 §3) share: finding the mailbox, the rights they need, astrings. */
final class AclAccess {
    private AclAccess() {
    }

    /**
     * The existing mailbox {@code name} names, also one that cannot be selected.
     *
     * @param admin true for the commands that need the a right (SETACL, DELETEACL, GETACL),
     *              false for those that need any right (LISTRIGHTS and MYRIGHTS, as in Dovecot)
     * @throws CommandException NO [NONEXISTENT] where there is no such mailbox or the user may not
     *                          know of it, NO [NOPERM] where the user lacks the right
     */
    static Mailboxes.Target require(Session session, String name, boolean admin) {
        Mailboxes.Target target = Mailboxes.resolve(session, name);
        Rights rights = target.rights();
        if (target.mailbox() == null || rights.isEmpty()) {
            throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + name);
        }
        if (admin && !rights.has(Right.ADMINISTER)) {
            if (!rights.has(Right.LOOKUP)) {
                throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + name);
            }
            throw CommandException.no("NOPERM", "You lack administrator privileges on this mailbox");
        }
        return target;
    }

    /**
     * Parses rights as the client sent them.
     *
     * @throws CommandException BAD for a letter that names no right
     */
    static Rights parse(String letters) {
        try {
            return Rights.parse(letters);
        } catch (IllegalArgumentException e) {
            throw CommandException.bad(e.getMessage());
        }
    }

    /** {@code value} as an atom, or quoted, or a literal: an identifier or rights in a response. */
    static String astring(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapStrings.writeAString(out, value);
        return out.toString(StandardCharsets.UTF_8);
    }
}
