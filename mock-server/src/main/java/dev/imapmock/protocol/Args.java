package dev.imapmock.protocol;

import java.util.List;

/**
 * Takes a command's arguments one by one, each as the type the grammar wants there; every
 * mismatch is a {@link ProtocolException} naming what was expected.
 */
public final class Args {
    private final List<Arg> args;
    private int next;

    /**
     * Wraps a command's decoded arguments, positioned at the first.
     *
     * @param args the arguments in the order sent; kept, not copied, and never changed here
     */
    public Args(List<Arg> args) {
        this.args = args;
    }

    /**
     * Tells whether an argument is left to take.
     *
     * @return true while at least one argument has not been taken
     */
    public boolean hasMore() {
        return next < args.size();
    }

    /**
     * The next argument without taking it, or null when there is none.
     *
     * @return the next argument, or null when all have been taken
     */
    public Arg peek() {
        return hasMore() ? args.get(next) : null;
    }

    /**
     * The next argument whatever its type.
     *
     * Takes the next argument, fails when there is none.
     * @param what the grammar's name for the argument, used in the error text (e.g. "mailbox name")
     * @return the argument taken
     * @throws ProtocolException when no argument is left ("Missing " + what)
     */
    public Arg any(String what) {
        if (!hasMore()) {
            throw new ProtocolException("Missing " + what);
        }
        return args.get(next++);
    }

    /**
     * An astring (atom, quoted string or literal) as UTF-8 text.
     *
     * @param what the grammar's name for the argument, used in the error text
     * @return the argument's text, UTF-8 decoded; an atom as sent, so {@code NIL} comes back as "NIL"
     * @throws ProtocolException when no argument is left or the next one is a list
     */
    public String astring(String what) {
        Arg a = any(what);
        if (a instanceof Arg.ListArg) {
            throw new ProtocolException("Expected " + what + ", not a list");
        }
        return a.text();
    }

    /**
     * A string as its raw octets.
     *
     * @param what the grammar's name for the argument, used in the error text
     * @return the octets exactly as received (an atom's as ASCII)
     * @throws ProtocolException when no argument is left or the next one is a list
     */
    public byte[] bytes(String what) {
        Arg a = any(what);
        if (a instanceof Arg.ListArg) {
            throw new ProtocolException("Expected " + what + ", not a list");
        }
        return a.bytes();
    }

    /**
     * An atom's text.
     *
     * @param what the grammar's name for the argument, used in the error text
     * @return the atom's text, case preserved
     * @throws ProtocolException when no argument is left or the next one is a string or a list
     */
    public String atom(String what) {
        Arg a = any(what);
        if (!(a instanceof Arg.Atom atom)) {
            throw new ProtocolException("Expected " + what);
        }
        return atom.text();
    }

    /**
     * A parenthesized list.
     *
     * @param what the grammar's name for the argument, used in the error text
     * @return the list, its items not yet checked
     * @throws ProtocolException when no argument is left or the next one is not a list
     */
    public Arg.ListArg list(String what) {
        Arg a = any(what);
        if (!(a instanceof Arg.ListArg list)) {
            throw new ProtocolException("Expected " + what + " in parentheses");
        }
        return list;
    }

    /**
     * Every argument not taken yet.
     *
     * @return the remaining arguments, possibly empty; afterwards {@link #hasMore()} is false
     */
    public List<Arg> rest() {
        List<Arg> rest = args.subList(next, args.size());
        next = args.size();
        return rest;
    }

    /** Fails when arguments are left over. */
    public void end() {
        if (hasMore()) {
            throw new ProtocolException("Unexpected extra arguments");
        }
    }
}
