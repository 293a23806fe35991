package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Right;

/**
 * SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7). Only existing mailboxes can be subscribed,
 * as Dovecot does; a subscription outlives its mailbox.
 */
final class SubscribeCommand implements CommandHandler {
    private final boolean subscribe;

    SubscribeCommand(boolean subscribe) {
        this.subscribe = subscribe;
    }

    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        args.end();
        if (subscribe) {
            // Another user's mailbox can be subscribed where the user may look it up (RFC 4314 §4).
            Mailboxes.Target target = Mailboxes.resolve(session, name);
            if (target.account() == session.account()) {
                session.account().require(name);
            } else if (!target.selectable() || !target.rights().has(Right.LOOKUP)) {
                throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + name);
            }
            session.account().subscribe(name);
            return Completion.ok("Subscribe completed.");
        }
        session.account().unsubscribe(name);
        return Completion.ok("Unsubscribe completed.");
    }
}
