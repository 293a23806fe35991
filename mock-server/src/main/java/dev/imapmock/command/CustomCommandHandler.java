package dev.imapmock.command;

import dev.imapmock.custom.Argument;
import dev.imapmock.custom.CustomCommand;
import dev.imapmock.custom.CustomCommands;
import dev.imapmock.custom.Reply;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.server.Session;
import dev.imapmock.server.SessionState;
import dev.imapmock.store.MailStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a command registered in {@link CustomCommands}: hands the user's handler a view of the
 * command and the session, and turns its {@link Reply} into the completion or refusal every
 * handler gives, so the one place that answers commands answers this one too.
 */
public final class CustomCommandHandler implements CommandHandler {
    private final CustomCommands.Registration registration;

    private CustomCommandHandler(CustomCommands.Registration registration) {
        this.registration = registration;
    }

    /**
     * The dispatch entry of a registered command: its handler, its states, safe for expunges
     * (a custom command is no FETCH, STORE or SEARCH), tied to no extension.
     *
     * @param registration the registered command
     * @return the entry
     */
    public static Commands.Entry entry(CustomCommands.Registration registration) {
        Set<SessionState> states = switch (registration.states()) {
            case NOT_AUTHENTICATED -> EnumSet.of(SessionState.NOT_AUTHENTICATED);
            case AUTHENTICATED -> EnumSet.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
            case SELECTED -> EnumSet.of(SessionState.SELECTED);
            case ANY -> EnumSet.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED, SessionState.SELECTED);
        };
        return new Commands.Entry(new CustomCommandHandler(registration), states, true, Set.of());
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Reply reply;
        try {
            reply = registration.handler().handle(new View(command, session));
        } catch (IllegalArgumentException e) {
            throw CommandException.bad(e.getMessage() == null ? "Invalid arguments" : oneLine(e.getMessage()));
        }
        if (reply == null) {
            throw new IllegalStateException("The handler of " + registration.name() + " returned no reply");
        }
        return switch (reply.status()) {
            case OK -> Completion.ok(reply.code(), reply.text());
            case NO -> throw CommandException.no(reply.code(), reply.text());
            case BAD -> throw CommandException.bad(reply.code(), reply.text());
        };
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]+", " ");
    }

    static List<Argument> arguments(List<Arg> args) {
        List<Argument> result = new ArrayList<>(args.size());
        for (Arg a : args) {
            if (a instanceof Arg.Atom atom) {
                result.add(new Argument.Atom(atom.text()));
            } else if (a instanceof Arg.Quoted q) {
                result.add(new Argument.Text(q.bytes(), false));
            } else if (a instanceof Arg.Literal l) {
                result.add(new Argument.Text(l.bytes(), true));
            } else if (a instanceof Arg.ListArg list) {
                result.add(new Argument.ListOf(arguments(list.items())));
            }
        }
        return result;
    }

    static void encode(ByteArrayOutputStream out, Argument value) {
        if (value instanceof Argument.Atom a) {
            out.writeBytes(a.text().getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Argument.Text t) {
            ImapStrings.writeNString(out, t.bytes());
        } else if (value instanceof Argument.ListOf list) {
            out.write('(');
            for (int i = 0; i < list.items().size(); i++) {
                if (i > 0) {
                    out.write(' ');
                }
                encode(out, list.items().get(i));
            }
            out.write(')');
        }
    }

    /** The handler's view of the command and its session. */
    private final class View implements CustomCommand {
        private final Command command;
        private final Session session;
        private final List<Argument> arguments;

        View(Command command, Session session) {
            this.command = command;
            this.session = session;
            this.arguments = List.copyOf(CustomCommandHandler.arguments(command.args()));
        }

        @Override
        public String tag() {
            return command.tag();
        }

        @Override
        public String name() {
            return registration.name();
        }

        @Override
        public List<Argument> arguments() {
            return arguments;
        }

        @Override
        public String argumentText() {
            return command.argumentsText();
        }

        @Override
        public String user() {
            return session.account() == null ? null : session.account().user();
        }

        @Override
        public String selectedMailbox() {
            return session.selected() == null ? null : session.selected().mailbox().name();
        }

        @Override
        public boolean readOnly() {
            return session.selected() == null || session.selected().readOnly();
        }

        @Override
        public MailStore store() {
            return session.store();
        }

        @Override
        public void untagged(String head, Argument... values) throws IOException {
            if (head == null || head.isEmpty() || !head.chars().allMatch(c -> c >= ' ' && c < 0x7f)) {
                throw new IllegalArgumentException("An untagged response starts with printable ASCII");
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            line.writeBytes(("* " + head).getBytes(StandardCharsets.US_ASCII));
            for (Argument value : values) {
                line.write(' ');
                encode(line, value);
            }
            line.writeBytes(new byte[] {'\r', '\n'});
            byte[] bytes = line.toByteArray();
            session.out().raw(bytes, 0, bytes.length);
        }
    }
}
