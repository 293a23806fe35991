package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapper of the admin API (Jackson; thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // The API only writes maps, lists and records of plain values: failing here is a bug (a 500).
            throw new IllegalStateException("Can't write the answer as JSON", e);
        }
    }

    /** Parses a request body; a 400 naming the place of the error when it is not JSON. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "The body is empty; a JSON object was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(400, "The body is not valid JSON" + where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
