package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.CreateParameters;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;
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
        String name = MailboxNames.decode(args.astring("a mailbox name"));
        CreateParameters parameters = CreateParameters.parse(args.rest(), session.extensions());
        Set<SpecialUse> uses = parameters.uses() == null ? null : uses(parameters);
        if (name.equals("INBOX") || name.equals("INBOX/")) {
            throw CommandException.no("ALREADYEXISTS", "INBOX always exists");
        }
        Mailbox created = session.account().create(name, uses);
        // RFC 8474 §4.1: CREATE tells the new mailbox's MAILBOXID.
        return Completion.ok(session.offers(Extension.OBJECTID) ? "MAILBOXID (" + ObjectIds.mailboxId(created) + ")" : null,
                "Create completed.");
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
