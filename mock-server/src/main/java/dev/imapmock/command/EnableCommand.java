package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * ENABLE (RFC 5161): turns on extensions that change how the server answers, for the rest of the
 * connection. Names the server cannot enable are ignored; {@code * ENABLED} lists what this
 * command newly turned on, and is left out when that is nothing, as Dovecot does (which also
 * repeats names that were on already).
 */
final class EnableCommand implements CommandHandler {
    /** What ENABLE can turn on. */
    private static final Set<Extension> ENABLEABLE = EnumSet.of(Extension.CONDSTORE, Extension.QRESYNC,
            Extension.UIDONLY, Extension.IMAP4REV2, Extension.UTF8_ACCEPT);

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        if (!args.hasMore()) {
            throw new ProtocolException("ENABLE needs at least one capability name");
        }
        Set<Extension> named = new LinkedHashSet<>();
        while (args.hasMore()) {
            Arg arg = args.any("a capability name");
            if (!(arg instanceof Arg.Atom atom)) {
                throw new ProtocolException("ENABLE takes capability names, which are atoms");
            }
            Extension extension = Extension.named(atom.text()).orElse(null);
            // On a rev2-only server IMAP4rev2 is on from the start, so ENABLE has nothing to turn on.
            if (extension != null && ENABLEABLE.contains(extension) && session.offers(extension)
                    && !(extension == Extension.IMAP4REV2 && session.rev2())) {
                named.add(extension);
            }
        }
        StringBuilder enabled = new StringBuilder("ENABLED");
        Set<Extension> newlyOn = EnumSet.noneOf(Extension.class);
        for (Extension extension : named) {
            if (!session.enabled(extension)) {
                newlyOn.add(extension);
            }
        }
        for (Extension extension : named) {
            session.enable(extension);
        }
        for (Extension extension : named) {
            if (newlyOn.contains(extension)) {
                enabled.append(' ').append(extension.capability());
            }
        }
        if (enabled.length() > "ENABLED".length()) {
            session.out().untagged(enabled.toString());
        }
        return Completion.ok("Enabled.");
    }
}
