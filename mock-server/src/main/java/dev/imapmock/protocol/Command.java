package dev.imapmock.protocol;

import java.util.List;
import java.util.Locale;

/**
 * A decoded command: its tag, its name upper-cased ({@code UID FETCH} for the UID forms), and its
 * arguments as decoded tokens. Immutable.
 */
public record Command(String tag, String name, List<Arg> args) implements ReadResult {

    /**
     * Upper-cases the name and copies the arguments.
     *
     * @param tag the tag as sent
     * @param name the command name, upper-cased here; {@code UID FETCH} for the UID forms
     * @param args the arguments as decoded
     */
    public Command {
        name = name.toUpperCase(Locale.ROOT);
        args = List.copyOf(args);
    }

    /**
     * The arguments as readable text: literals of up to 256 printable octets shown quoted.
     *
     * @return the arguments after the name, for the journal
     */
    public String argumentsText() {
        return ArgText.render(args);
    }
}
