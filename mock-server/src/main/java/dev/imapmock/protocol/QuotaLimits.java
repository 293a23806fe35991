package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource limits of SETQUOTA, {@code (STORAGE 512 MESSAGE 100)} (RFC 9208 §4.1.3, the
 * {@code setquota-list} of §9): resource names are atoms, limits are {@code number64}, and an empty
 * list is allowed (no limit at all).
 *
 * @param limits  the limits of the resources the server knows
 * @param unknown the names, as sent, of well-formed resources it does not know (MAILBOX, say),
 *                which the command refuses with NO, since the grammar allows any atom there
 */
public record QuotaLimits(Map<QuotaResource, Long> limits, List<String> unknown) {

    /**
     * Copies the map and the list, so the limits cannot change after parsing.
     *
     * @param limits the limits of the resources the server knows
     * @param unknown the names, as sent, of well-formed resources it does not know
     */
    public QuotaLimits {
        limits = Collections.unmodifiableMap(limits.isEmpty() ? new EnumMap<>(QuotaResource.class) : new EnumMap<>(limits));
        unknown = List.copyOf(unknown);
    }

    /**
     * Parses the list for a server that offers {@code extensions}.
     *
     * @throws ProtocolException when a name is not an atom, a limit is missing or not a number from
     *                           0 to 2^63-1, or a resource is named twice
     * @param list the SETQUOTA list, e.g. {@code (STORAGE 512 MESSAGE 100)}
     * @param extensions the server's extensions, which decide the resources known
     * @return the limits; both parts empty for {@code ()}
     */
    public static QuotaLimits parse(Arg.ListArg list, Set<Extension> extensions) {
        Map<QuotaResource, Long> limits = new EnumMap<>(QuotaResource.class);
        List<String> unknown = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Arg> items = list.items();
        for (int i = 0; i < items.size(); i += 2) {
            if (!(items.get(i) instanceof Arg.Atom name)) {
                throw new ProtocolException("Expected a resource name, not " + ArgParsing.describe(items.get(i)));
            }
            String upper = ArgParsing.upper(name.text());
            if (i + 1 >= items.size()) {
                throw new ProtocolException("Resource " + ArgParsing.shorten(name.text()) + " has no limit");
            }
            Arg limitArg = items.get(i + 1);
            long limit = ArgParsing.number64(limitArg, "The limit of " + ArgParsing.shorten(name.text()));
            if (seen.contains(upper)) {
                throw new ProtocolException("Resource given twice: " + ArgParsing.shorten(name.text()));
            }
            seen.add(upper);
            QuotaResource resource = QuotaResource.named(upper, extensions);
            if (resource == null) {
                unknown.add(name.text());
            } else {
                limits.put(resource, limit);
            }
        }
        return new QuotaLimits(limits, unknown);
    }
}
