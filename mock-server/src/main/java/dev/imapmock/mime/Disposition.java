package dev.imapmock.mime;

import java.util.List;

/** A Content-Disposition (RFC 2183): its type as sent, e.g. {@code attachment}, and its parameters. */
public record Disposition(String type, List<Parameter> parameters) {
    public Disposition {
        parameters = List.copyOf(parameters);
    }
}
