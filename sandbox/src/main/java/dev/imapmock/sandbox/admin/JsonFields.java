package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of a JSON request object and collects what is wrong with them, so that one 400
 * names every bad field at once ({@link #done()}). Unknown fields are errors: a typo must not pass
 * as "nothing to change".
 */
final class JsonFields {
    private final JsonNode node;
    private final List<ApiException.FieldError> errors = new ArrayList<>();

    JsonFields(JsonNode node, String... allowed) {
        this.node = node;
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new ApiException.FieldError(name, "is not a field of this request (known: "
                        + String.join(", ", allowed) + ")"));
            }
        }
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** A non-empty string; null (and an error) when missing or of another type. */
    String requiredString(String field) {
        if (!has(field)) {
            error(field, "is required");
            return null;
        }
        return optionalString(field);
    }

    /** A non-empty string, or null when absent. */
    String optionalString(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        if (value.asText().isEmpty()) {
            error(field, "must not be empty");
            return null;
        }
        return value.asText();
    }

    /** An array of strings, or an empty list when absent. */
    List<String> strings(String field) {
        List<String> list = new ArrayList<>();
        if (!has(field)) {
            return list;
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            error(field, "must be an array of strings");
            return list;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                error(field, "must be an array of strings");
                return List.of();
            }
            list.add(item.asText());
        }
        return list;
    }

    void error(String field, String reason) {
        errors.add(new ApiException.FieldError(field, reason));
    }

    /** Throws one 400 naming every field at fault, if any. */
    void done() {
        if (!errors.isEmpty()) {
            throw ApiException.badFields(errors);
        }
    }
}
