package dev.imapmock.sandbox.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of API routes: method and path pattern ({@code /api/users/{user}}) to handler. A
 * path that matches no pattern is a 404; one that matches with another method a 405 naming the
 * allowed ones. Immutable once built; thread-safe.
 */
final class Router {
    @FunctionalInterface
    interface Handler {
        void handle(Call call) throws IOException;
    }

    record Route(String method, String pattern, String[] segments, Handler handler) {
    }

    /** A route found for a request, with its decoded path parameters. */
    record Match(Handler handler, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, pattern.substring(1).split("/"), handler));
        return this;
    }

    /** Every route, in the order added (the OpenAPI test compares them with the document). */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * The route for {@code method} and the raw (still percent-encoded) {@code rawPath}, or null
     * when no pattern matches the path.
     *
     * @throws ApiException 405 when a pattern matches but not with this method
     */
    Match find(String method, String rawPath) {
        String[] parts = rawPath.substring(1).split("/", -1);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = match(route.segments(), parts);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(method) || (method.equals("HEAD") && route.method().equals("GET"))) {
                return new Match(route.handler(), parameters);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            return null;
        }
        throw ApiException.methodNotAllowed(method, String.join(", ", allowed));
    }

    private static Map<String, String> match(String[] pattern, String[] parts) {
        if (pattern.length != parts.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                parameters.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return parameters;
    }
}
