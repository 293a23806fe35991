package dev.imapmock.mime;

import java.util.List;

/** A Content-Disposition (RFC 2183): its type as sent, e.g. {@code attachment}, and its parameters. */
public record Disposition(String type, List<Parameter> parameters) {
    /**
     * Copies the parameters.
     *
     * @param type the disposition type as sent, e.g. {@code attachment} or {@code inline}
     * @param parameters the parameters in the order sent, values unquoted
     */
    public Disposition {
        parameters = List.copyOf(parameters);
    }
}
