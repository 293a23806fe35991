package dev.imapmock.protocol;

import dev.imapmock.Extension;
import dev.imapmock.thread.ThreadAlgorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed THREAD command (RFC 5256 §4, {@code thread = ["UID" SP] "THREAD" SP thread-alg SP
 * search-charset 1*(SP search-key)}): the algorithm and the search that picks the messages.
 */
public record ThreadRequest(ThreadAlgorithm algorithm, SearchProgram search) {

    /**
     * Parses THREAD's arguments for a server that offers {@code extensions}. The charset is
     * mandatory and comes without SEARCH's CHARSET keyword; the criteria are SEARCH's keys.
     *
     * @throws BadCharsetException when the charset is not UTF-8 or US-ASCII
     * @throws ProtocolException   for an algorithm the server does not offer and every syntax error
     * @param args the command's arguments after its name
     * @param extensions the server's extensions, which decide the algorithms and search keys taken
     * @return the request
     */
    public static ThreadRequest parse(List<Arg> args, Set<Extension> extensions) {
        if (args.isEmpty()) {
            throw new ProtocolException("THREAD needs an algorithm, a charset and search criteria,"
                    + " such as THREAD REFERENCES UTF-8 ALL");
        }
        ThreadAlgorithm algorithm = algorithm(args.get(0), extensions);
        if (args.size() < 2 || args.get(1) instanceof Arg.ListArg) {
            throw new ProtocolException("THREAD needs a charset after the algorithm, such as THREAD "
                    + algorithm + " UTF-8 ALL");
        }
        if (args.size() < 3) {
            throw new ProtocolException("THREAD needs search criteria after the charset, such as THREAD "
                    + algorithm + " UTF-8 ALL");
        }
        // Written with SEARCH's CHARSET keyword in front, the rest reads exactly as SEARCH's
        // arguments after CHARSET, which also keeps SEARCH's RETURN (...) out.
        List<Arg> search = new ArrayList<>(args.size());
        search.add(new Arg.Atom("CHARSET"));
        search.addAll(args.subList(1, args.size()));
        return new ThreadRequest(algorithm, SearchParser.parse(search, extensions));
    }

    private static ThreadAlgorithm algorithm(Arg arg, Set<Extension> extensions) {
        Optional<ThreadAlgorithm> named = arg instanceof Arg.Atom atom ? ThreadAlgorithm.named(atom.text())
                : Optional.empty();
        if (named.isPresent() && extensions.contains(named.get().extension())) {
            return named.get();
        }
        List<String> offered = new ArrayList<>();
        for (ThreadAlgorithm a : ThreadAlgorithm.values()) {
            if (extensions.contains(a.extension())) {
                offered.add(a.name());
            }
        }
        String last = offered.remove(offered.size() - 1);
        throw new ProtocolException("unknown thread algorithm " + ArgParsing.describe(arg) + "; this server offers "
                + (offered.isEmpty() ? last : String.join(", ", offered) + " and " + last));
    }
}
