package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.Set;

/**
 * The message set of FETCH, STORE, COPY, MOVE and UID EXPUNGE: a sequence set, or with SEARCHRES
 * {@code $}, the result the session's last {@code SEARCH RETURN (SAVE)} remembered (RFC 5182 §3:
 * {@code sequence-set =/ seq-last-command}). {@code $} stands alone; {@code $,1} and {@code $:3}
 * are no sequence set.
 */
public sealed interface MessageSetArg permits MessageSetArg.Numbers, MessageSetArg.Saved {

    /** Numbers as written: sequence numbers, or UIDs in a UID command. */
    record Numbers(SequenceSet set) implements MessageSetArg {
    }

    /** {@code $}: the saved search result, the same messages in a UID command and in one without. */
    record Saved() implements MessageSetArg {
    }

    /**
     * Parses the message set argument for a server that offers {@code extensions}; without
     * SEARCHRES, {@code $} is an invalid sequence set as in RFC 3501.
     *
     * @throws ProtocolException when {@code arg} is neither
     * @param arg the argument as decoded
     * @param extensions the server's extensions; {@code $} is taken with SEARCHRES only
     * @return the sequence set or the saved result
     */
    static MessageSetArg parse(Arg arg, Set<Extension> extensions) {
        if (arg instanceof Arg.Atom atom && atom.text().contains("$") && extensions.contains(Extension.SEARCHRES)) {
            if (!atom.text().equals("$")) {
                throw new ProtocolException("\"$\" stands alone: the saved search result cannot be combined with numbers as in \""
                        + ArgParsing.shorten(atom.text()) + "\"");
            }
            return new Saved();
        }
        return new Numbers(SequenceSet.parse(arg));
    }
}
