package dev.imapmock.command;

/** How a command succeeded: the tagged OK's optional response code and its text. */
public record Completion(String code, String text) {

    /**
     * {@code OK <text>} without a response code.
     *
     * @param text the human-readable text after OK
     * @return the completion
     */
    public static Completion ok(String text) {
        return new Completion(null, text);
    }

    /**
     * {@code OK [code] <text>}.
     *
     * @param code the response code without brackets, e.g. {@code READ-WRITE}; null for none
     * @param text the human-readable text after the code
     * @return the completion
     */
    public static Completion ok(String code, String text) {
        return new Completion(code, text);
    }
}
