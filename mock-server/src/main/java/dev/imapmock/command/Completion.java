package dev.imapmock.command;

/** How a command succeeded: the tagged OK's optional response code and its text. */
public record Completion(String code, String text) {

    /** {@code OK <text>} without a response code. */
    public static Completion ok(String text) {
        return new Completion(null, text);
    }

    /** {@code OK [code] <text>}. */
    public static Completion ok(String code, String text) {
        return new Completion(code, text);
    }
}
