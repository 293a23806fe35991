package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Namespaces;
import dev.imapmock.store.Right;
import dev.imapmock.store.Rights;

/**
 * Mailbox names as the session's user sees them: the user's own mailboxes, other users' under
 * {@code Other Users/<user>/} and the shared ones under {@code Shared/} (RFC 2342, prefixes as the
 * store's {@link Namespaces} say), each with the rights its ACL gives the user (RFC 4314). A server
 * without ACL has the personal namespace only, where the user may do everything.
 *
 * <p>RFC 4314 §6: a mailbox the user may neither look up nor use for the command is refused as if
 * it did not exist, so that its existence is not revealed; one the user can see but lacks the
 * right for is {@code NO [NOPERM]}.
 */
final class Mailboxes {
    private Mailboxes() {
    }

    /**
     * A name resolved for one user.
     *
     * @param name    the name as the user gives it (decoded, INBOX canonical)
     * @param account the account that holds it, or null for a namespace's own level or an unknown user
     * @param local   the name in that account, or null where {@code account} is null or for a user's level
     * @param mailbox the mailbox, or null when there is none
     * @param rights  the user's rights on it, none where there is no mailbox
     */
    record Target(String name, Account account, String local, Mailbox mailbox, Rights rights) {
        /** {@return whether the mailbox exists and can be selected} */
        boolean selectable() {
            return mailbox != null && !mailbox.isNoselect();
        }
    }

    /** {@return where {@code name} lies for the session's user} */
    static Target resolve(Session session, String name) {
        Account own = session.account();
        if (!session.offers(Extension.ACL)) {
            Mailbox m = own.mailbox(name);
            return new Target(name, own, name, m, Rights.ALL);
        }
        MailStore store = session.store();
        Namespaces.Place place = store.namespaces().place(name);
        switch (place.kind()) {
            case PERSONAL:
                return in(own, name, name, session);
            case SHARED:
                Account shared = store.sharedIfAny();
                if (place.rest() == null || shared == null || Account.canonical(place.rest(), store.delimiter()).equals(Account.INBOX)) {
                    return new Target(name, place.rest() == null ? null : shared, null, null, Rights.NONE);
                }
                return in(shared, name, place.rest(), session);
            default:
                if (place.rest() == null) {
                    return new Target(name, null, null, null, Rights.NONE);
                }
                int slash = place.rest().indexOf(store.delimiter());
                String user = slash < 0 ? place.rest() : place.rest().substring(0, slash);
                Account other = store.account(user).orElse(null);
                if (other == null || slash < 0 || slash == place.rest().length() - 1) {
                    return new Target(name, other, null, null, Rights.NONE);
                }
                return in(other, name, place.rest().substring(slash + 1), session);
        }
    }

    private static Target in(Account account, String name, String local, Session session) {
        String canonical = account.canonicalName(local);
        Mailbox m = account.mailbox(canonical);
        Rights rights = m == null ? Rights.NONE : m.acl().rightsOf(session.account().user());
        return new Target(name, account, canonical, m, rights);
    }

    /**
     * The selectable mailbox {@code name} names, when the user has {@code needed} on it.
     *
     * @throws CommandException NO [NONEXISTENT] when there is none or the user may not know of it,
     *                          NO [NOPERM] when the user sees it but lacks the right
     */
    static Target require(Session session, String name, Right needed) {
        Target target = resolve(session, name);
        check(target, needed);
        return target;
    }

    /**
     * Refuses {@code target} unless it exists and the user has {@code needed} on it.
     *
     * @throws CommandException as {@link #require(Session, String, Right)}
     */
    static void check(Target target, Right needed) {
        if (!target.selectable() || !target.rights().has(needed) && !target.rights().has(Right.LOOKUP)) {
            throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + target.name());
        }
        if (!target.rights().has(needed)) {
            throw noPermission();
        }
    }

    /** {@return the refusal of a command the user lacks a right for (RFC 5530 NOPERM)} */
    static CommandException noPermission() {
        return CommandException.no("NOPERM", "Permission denied");
    }

    /**
     * The name {@code mailbox} has for the session's user: its own name in the user's account,
     * else under the namespace prefix of its account.
     */
    static String nameOf(Session session, Mailbox mailbox) {
        Account account = mailbox.account();
        if (account == session.account()) {
            return mailbox.name();
        }
        Namespaces namespaces = session.store().namespaces();
        return account.user() == null ? namespaces.shared() + mailbox.name()
                : namespaces.otherUsers() + account.user() + namespaces.delimiter() + mailbox.name();
    }
}
