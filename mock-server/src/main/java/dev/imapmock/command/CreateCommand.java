package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.CreateParameters;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Right;
import dev.imapmock.store.SpecialUse;

import java.util.EnumSet;
import java.util.Set;

/**
 * CREATE (RFC 3501 §6.3.3): missing parents are created; a trailing delimiter is allowed. With
 * CREATE-SPECIAL-USE, {@code (USE (...))} gives the new mailbox its special uses instead of those
 * configured for the name (RFC 6154 §3); a use the server cannot give is {@code NO [USEATTR]} and
 * creates nothing. With OBJECTID the tagged OK carries the new MAILBOXID.
 */
final class CreateCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        CreateParameters parameters = CreateParameters.parse(args.rest(), session.extensions());
        Set<SpecialUse> uses = parameters.uses() == null ? null : uses(parameters);
        if (name.equals(Account.INBOX) || name.equals(Account.INBOX + session.store().delimiter())) {
            throw CommandException.no("ALREADYEXISTS", "INBOX always exists");
        }
        Mailbox created = create(session, name, uses);
        // RFC 8474 §4.1: CREATE tells the new mailbox's MAILBOXID.
        return Completion.ok(session.offers(Extension.OBJECTID) ? "MAILBOXID (" + ObjectIds.mailboxId(created) + ")" : null,
                "Create completed.");
    }

    /**
     * Creates {@code name} in the account that holds it. In another account (RFC 4314 §4) the user
     * needs the k right on the new mailbox's parent, which the new mailbox takes its ACL from; a
     * namespace's or a user's own level, or a new top level there, is refused.
     */
    private static Mailbox create(Session session, String name, Set<SpecialUse> uses) {
        char delimiter = session.store().delimiter();
        String bare = name.length() > 1 && name.charAt(name.length() - 1) == delimiter
                ? name.substring(0, name.length() - 1) : name;
        Mailboxes.Target target = Mailboxes.resolve(session, bare);
        if (target.account() == session.account()) {
            Mailbox created = session.account().create(name, uses);
            inherit(session.account(), created);
            return created;
        }
        if (target.local() == null) {
            throw Mailboxes.noPermission();
        }
        if (target.mailbox() != null && target.rights().has(Right.LOOKUP)) {
            throw CommandException.no("ALREADYEXISTS", "Mailbox already exists: " + name);
        }
        int slash = target.local().lastIndexOf(delimiter);
        Mailbox parent = slash < 0 ? null : target.account().mailbox(target.local().substring(0, slash));
        if (parent == null || !parent.acl().rightsOf(session.account().user()).has(Right.CREATE)) {
            throw Mailboxes.noPermission();
        }
        Mailbox created = target.account().create(target.local(), uses);
        inherit(target.account(), created);
        return created;
    }

    /** A new mailbox below another takes its parent's ACL, where the parent shares itself. */
    private static void inherit(Account account, Mailbox created) {
        int slash = created.name().lastIndexOf(account.delimiter());
        Mailbox parent = slash < 0 ? null : account.mailbox(created.name().substring(0, slash));
        if (parent != null && parent.acl().grantsOthers()) {
            created.acl().inheritFrom(parent.acl());
        }
    }

    private static Set<SpecialUse> uses(CreateParameters parameters) {
        Set<SpecialUse> uses = EnumSet.noneOf(SpecialUse.class);
        for (String attribute : parameters.uses()) {
            uses.add(SpecialUse.ofAttribute(attribute).orElseThrow(() -> CommandException.no("USEATTR",
                    attribute + " not supported; the special uses are " + SpecialUse.attributes())));
        }
        return uses;
    }
}
