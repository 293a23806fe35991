package dev.imapmock.sandbox.admin;

import java.util.List;

/**
 * A request the API refuses: becomes an RFC 9457 problem document in one place ({@link Problems}).
 * Handlers throw it before they change anything, so a refused request has changed nothing.
 */
final class ApiException extends RuntimeException {
    /** One field of the request and what is wrong with it. */
    record FieldError(String field, String reason) {
    }

    private final int status;
    private final List<FieldError> errors;
    private final String allow;

    ApiException(int status, String detail) {
        this(status, detail, List.of(), null);
    }

    private ApiException(int status, String detail, List<FieldError> errors, String allow) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.allow = allow;
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, detail);
    }

    /** A 400 naming the field at fault. */
    static ApiException badField(String field, String reason) {
        return new ApiException(400, "Invalid " + field + ": " + reason, List.of(new FieldError(field, reason)), null);
    }

    /** A 400 naming every field at fault. */
    static ApiException badFields(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder("Invalid request: ");
        for (int i = 0; i < errors.size(); i++) {
            detail.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(": ").append(errors.get(i).reason());
        }
        return new ApiException(400, detail.toString(), errors, null);
    }

    static ApiException methodNotAllowed(String method, String allow) {
        return new ApiException(405, method + " is not allowed here; allowed: " + allow, List.of(), allow);
    }

    static ApiException unsupportedType(String got, String expected) {
        return new ApiException(415, "Content-Type must be " + expected + (got == null ? ", none was given" : ", not " + got));
    }

    int status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The Allow header of a 405, else null. */
    String allow() {
        return allow;
    }
}
