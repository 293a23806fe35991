package dev.imapmock.protocol;

import java.util.List;

/**
 * Takes a command's arguments one by one, each as the type the grammar wants there; every
 * mismatch is a {@link ProtocolException} naming what was expected.
 */
public final class Args {
    private final List<Arg> args;
    private int next;

    public Args(List<Arg> args) {
        this.args = args;
    }

    public boolean hasMore() {
        return next < args.size();
    }

    /** The next argument without taking it, or null when there is none. */
    public Arg peek() {
        return hasMore() ? args.get(next) : null;
    }

    /** The next argument whatever its type. */
    public Arg any(String what) {
        if (!hasMore()) {
            throw new ProtocolException("Missing " + what);
        }
        return args.get(next++);
    }

    /** An astring (atom, quoted string or literal) as UTF-8 text. */
    public String astring(String what) {
        Arg a = any(what);
        if (a instanceof Arg.ListArg) {
            throw new ProtocolException("Expected " + what + ", not a list");
        }
        return a.text();
    }

    /** A string as its raw octets. */
    public byte[] bytes(String what) {
        Arg a = any(what);
        if (a instanceof Arg.ListArg) {
            throw new ProtocolException("Expected " + what + ", not a list");
        }
        return a.bytes();
    }

    /** An atom's text. */
    public String atom(String what) {
        Arg a = any(what);
        if (!(a instanceof Arg.Atom atom)) {
            throw new ProtocolException("Expected " + what);
        }
        return atom.text();
    }

    /** A parenthesized list. */
    public Arg.ListArg list(String what) {
        Arg a = any(what);
        if (!(a instanceof Arg.ListArg list)) {
            throw new ProtocolException("Expected " + what + " in parentheses");
        }
        return list;
    }

    /** Every argument not taken yet. */
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
