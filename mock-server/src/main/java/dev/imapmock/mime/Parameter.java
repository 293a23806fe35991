package dev.imapmock.mime;

/** One {@code name=value} parameter of a Content-Type or Content-Disposition, value unquoted. */
public record Parameter(String name, String value) {
}
