package dev.imapmock.command;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CANCELUPDATE (RFC 5267 §4.3): {@code CANCELUPDATE "t1" "t2"} stops the updates of the live
 * searches with those tags. Its arguments are strings ({@code 1*(SP tag-string)}); none at all, or an
 * atom, is BAD. The tags are cancelled in order; the first that names no live search
 * stops there with {@code NO Unknown tag}, the ones before it cancelled, as Dovecot does; so does every tag when no mailbox is
 * selected (updates end when the mailbox is left).
 */
final class CancelUpdateCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        if (command.args().isEmpty()) {
            throw new ProtocolException("CANCELUPDATE needs the tag of a SEARCH RETURN (UPDATE), such as CANCELUPDATE \"a1\"");
        }
        List<String> tags = new ArrayList<>();
        for (Arg arg : command.args()) {
            byte[] bytes;
            if (arg instanceof Arg.Quoted q) {
                bytes = q.bytes();
            } else if (arg instanceof Arg.Literal l) {
                bytes = l.bytes();
            } else {
                throw new ProtocolException("CANCELUPDATE takes tags as quoted strings, such as CANCELUPDATE \"a1\"");
            }
            tags.add(new String(bytes, StandardCharsets.US_ASCII));
        }
        SelectedMailbox view = session.selected();
        for (String tag : tags) {
            if (view == null || !view.cancelUpdate(tag)) {
                throw CommandException.no("Unknown tag");
            }
        }
        return Completion.ok("Updates cancelled.");
    }
}
