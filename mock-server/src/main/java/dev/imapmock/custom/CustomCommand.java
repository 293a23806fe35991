package dev.imapmock.custom;

import dev.imapmock.store.MailStore;

import java.io.IOException;
import java.util.List;

/**
 * A custom command as its handler sees it: what the client sent, the session it arrived in, the
 * store, and where its untagged responses go. Valid during {@link CustomHandler#handle} only, on
 * the connection's thread.
 */
public interface CustomCommand {

    /** {@return the command's tag} */
    String tag();

    /** {@return the command name, upper case, as registered} */
    String name();

    /** {@return the arguments, decoded: atoms, strings and lists} */
    List<Argument> arguments();

    /** {@return the arguments as text, as the journal shows them} */
    String argumentText();

    /** {@return the user the session is logged in as, or null before login} */
    String user();

    /** {@return the name of the selected mailbox, or null when none is selected} */
    String selectedMailbox();

    /** {@return whether the selected mailbox was opened with EXAMINE (or none is selected)} */
    boolean readOnly();

    /** {@return the server's store, to read or change mail: other sessions see changes as usual} */
    MailStore store();

    /**
     * Writes an untagged response: {@code * head value...}. {@code head} goes out as it is (an
     * atom such as {@code XPIG-LATIN}, or a number and an atom such as {@code 3 EXISTS}); each
     * value is encoded by its kind: an {@link Argument.Atom} as it is, an {@link Argument.Text}
     * quoted when it can be and as a literal otherwise, an {@link Argument.ListOf} in
     * parentheses. The framing stays the server's: no value can break the line.
     *
     * @param head   the start of the line, printable ASCII without CR or LF
     * @param values the values after it, each preceded by a space
     * @throws IOException              when writing to the client fails
     * @throws IllegalArgumentException when {@code head} is empty or not printable ASCII
     */
    void untagged(String head, Argument... values) throws IOException;
}
