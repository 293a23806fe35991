package dev.imapmock.custom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The experimental command of RFC 3501 §6.5.1's example, as docs/custom-commands.md shows it:
 * {@code XPIG-LATIN} answers {@code * XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay} and
 * {@code OK XPIG-LATIN ompleted-cay}; given words, it translates those instead.
 */
final class PigLatin implements CustomHandler {

    /** Registers the command on {@code commands} and names it in CAPABILITY. */
    static void register(CustomCommands commands) {
        commands.register("XPIG-LATIN", States.AUTHENTICATED, new PigLatin()).advertise();
    }

    @Override
    public Reply handle(CustomCommand command) throws java.io.IOException {
        List<String> words = new ArrayList<>();
        for (Argument argument : command.arguments()) {
            for (String word : argument.asText().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        if (words.isEmpty()) {
            words = List.of("now", "speaking", "pig", "latin");
        }
        List<Argument> translated = new ArrayList<>();
        for (String word : words) {
            if (!word.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException("XPIG-LATIN translates words of letters only, not " + word);
            }
            translated.add(Argument.atom(translate(word)));
        }
        command.untagged("XPIG-LATIN", translated.toArray(new Argument[0]));
        return Reply.ok("XPIG-LATIN " + translate("completed"));
    }

    /** The leading consonants move to the end after a hyphen, then "ay": speaking, eaking-spay. */
    static String translate(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length() && "aeiou".indexOf(lower.charAt(i)) < 0) {
            i++;
        }
        return i == 0 ? lower + "-way" : lower.substring(i) + "-" + lower.substring(0, i) + "ay";
    }
}
