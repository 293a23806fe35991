package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parameters after CREATE's mailbox name (RFC 4466 §2.2). The only one known is USE, from
 * CREATE-SPECIAL-USE (RFC 6154 §3); without it nothing may follow the name.
 *
 * @param uses the special-use attributes of the USE parameter as sent ({@code \Sent}), possibly
 *             none; null when there is no USE parameter
 */
public record CreateParameters(List<String> uses) {
    /** No parameters. */
    public static final CreateParameters NONE = new CreateParameters(null);

    /**
     * Copies the uses.
     * is no USE parameter
     *
     * @param uses the special-use attributes of the USE parameter as sent, possibly none; null when there
     */
    public CreateParameters {
        uses = uses == null ? null : List.copyOf(uses);
    }

    /**
     * Parses what follows the mailbox name for a server that offers {@code extensions}. Which
     * attributes the server can give a mailbox is the command's question (NO [USEATTR]); this
     * only checks that each is written as an attribute, {@code "\" atom}.
     *
     * @throws ProtocolException for anything that is not a parameter the server knows
     * @param args the arguments after the mailbox name, possibly none
     * @param extensions the server's extensions; USE needs CREATE-SPECIAL-USE
     * @return the parameters, {@link #NONE} when there are no arguments
     */
    public static CreateParameters parse(List<Arg> args, Set<Extension> extensions) {
        if (args.isEmpty()) {
            return NONE;
        }
        if (args.size() > 1 || !(args.get(0) instanceof Arg.ListArg list) || !extensions.contains(Extension.CREATE_SPECIAL_USE)) {
            throw new ProtocolException("Unexpected extra arguments");
        }
        if (list.items().isEmpty()) {
            throw new ProtocolException("The list of CREATE parameters is empty");
        }
        List<String> uses = null;
        List<Arg> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            String name = items.get(i) instanceof Arg.Atom atom ? ArgParsing.upper(atom.text()) : "";
            if (!name.equals("USE") || uses != null) {
                throw new ProtocolException("Unknown or repeated CREATE parameter " + ArgParsing.describe(items.get(i))
                        + "; the one known is USE");
            }
            if (i + 1 >= items.size() || !(items.get(i + 1) instanceof Arg.ListArg attributes)) {
                throw new ProtocolException("USE needs a list of special-use attributes in parentheses, such as (\\Sent)");
            }
            uses = new ArrayList<>();
            for (Arg attribute : attributes.items()) {
                if (!(attribute instanceof Arg.Atom atom) || !isAttribute(atom.text())) {
                    throw new ProtocolException("USE takes special-use attributes such as \\Sent, not "
                            + ArgParsing.describe(attribute));
                }
                uses.add(atom.text());
            }
            i++;
        }
        return new CreateParameters(uses);
    }

    /** {@code "\" atom}: a backslash and at least one atom character (RFC 3501 §9). */
    private static boolean isAttribute(String text) {
        return text.length() >= 2 && text.charAt(0) == '\\' && ImapStrings.isAtom(text.substring(1));
    }
}
