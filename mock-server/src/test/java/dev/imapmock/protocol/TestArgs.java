package dev.imapmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Builders for argument lists in parser tests, and a generator of arbitrary argument trees. */
final class TestArgs {
    private TestArgs() {
    }

    static Arg atom(String text) {
        return new Arg.Atom(text);
    }

    static Arg quoted(String text) {
        return new Arg.Quoted(text.getBytes(StandardCharsets.UTF_8));
    }

    static Arg literal(byte[] bytes) {
        return new Arg.Literal(bytes);
    }

    static Arg list(Arg... items) {
        return new Arg.ListArg(List.of(items));
    }

    /** Space-separated atoms, {@code (} and {@code )} opening and closing lists; no strings. */
    static List<Arg> atoms(String line) {
        List<List<Arg>> stack = new ArrayList<>();
        stack.add(new ArrayList<>());
        for (String token : line.replace("(", " ( ").replace(")", " ) ").trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("(")) {
                stack.add(new ArrayList<>());
            } else if (token.equals(")")) {
                List<Arg> done = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).add(new Arg.ListArg(done));
            } else {
                stack.get(stack.size() - 1).add(new Arg.Atom(token));
            }
        }
        return stack.get(0);
    }

    /**
     * Argument lists of any shape: atoms drawn from {@code words} or random text, strings with
     * any bytes, and nested lists.
     */
    static Arbitrary<List<Arg>> trees(String... words) {
        Arbitrary<Arg> leaf = Arbitraries.oneOf(
                Arbitraries.of(words).map(Arg.Atom::new),
                Arbitraries.strings().ofMaxLength(12).map(Arg.Atom::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Arg.Quoted::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Arg.Literal::new));
        Arbitrary<Arg> tree = Arbitraries.recursive(() -> leaf,
                inner -> inner.list().ofMaxSize(4).map(items -> (Arg) new Arg.ListArg(items)), 0, 4);
        return tree.list().ofMaxSize(8);
    }
}
