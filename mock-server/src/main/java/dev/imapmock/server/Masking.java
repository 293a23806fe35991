package dev.imapmock.server;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ReadResult;

/** Hides secrets before a command reaches the journal or a log: passwords and SASL responses. */
final class Masking {
    static final String MASK = "***";

    private Masking() {
    }

    static String arguments(Command command) {
        if (command.name().equals("LOGIN") && !command.args().isEmpty()) {
            Arg user = command.args().get(0);
            return renderFirst(command, user) + (command.args().size() > 1 ? " " + MASK : "");
        }
        if (command.name().equals("AUTHENTICATE") && !command.args().isEmpty()) {
            return renderFirst(command, command.args().get(0)) + (command.args().size() > 1 ? " " + MASK : "");
        }
        return command.argumentsText();
    }

    /** A malformed line keeps only what precedes any secret it might hold. */
    static String malformed(ReadResult.Malformed bad) {
        String name = bad.name();
        if (name != null && (name.equals("LOGIN") || name.equals("AUTHENTICATE"))) {
            return MASK;
        }
        String text = bad.text();
        if (name == null) {
            return text;
        }
        int first = text.indexOf(' ');
        int second = first < 0 ? -1 : text.indexOf(' ', first + 1);
        return second < 0 ? "" : text.substring(second + 1);
    }

    private static String renderFirst(Command command, Arg first) {
        return new Command(command.tag(), command.name(), java.util.List.of(first)).argumentsText();
    }
}
