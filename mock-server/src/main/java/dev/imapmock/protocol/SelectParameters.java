package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.List;
import java.util.Set;

/**
 * The parameters after SELECT's or EXAMINE's mailbox name (RFC 4466 §2.1): CONDSTORE (RFC 7162
 * §3.1.8) and QRESYNC (RFC 7162 §3.2.5). Without an extension that defines parameters, nothing may
 * follow the name.
 *
 * @param condstore true for the CONDSTORE parameter
 * @param qresync   the QRESYNC parameter, or null
 */
public record SelectParameters(boolean condstore, Qresync qresync) {
    /** No parameters. */
    public static final SelectParameters NONE = new SelectParameters(false, null);

    /**
     * {@code QRESYNC (uidvalidity modseq [known-uids] [(known-sequence-set known-uid-set)])}: the
     * state a client cached. {@code knownUids} and the two sets of the sequence match data are
     * null when not given.
     */
    public record Qresync(long uidValidity, long modSeq, SequenceSet knownUids, SequenceSet knownSequences,
                          SequenceSet knownSequenceUids) {
    }

    /**
     * Parses what follows the mailbox name for a server that offers {@code extensions}.
     *
     * @throws ProtocolException for anything that is not a parameter the server knows, or a
     *                           malformed QRESYNC parameter
     * @param args the arguments after the mailbox name, possibly none
     * @param extensions the server's extensions; CONDSTORE and QRESYNC need theirs
     * @return the parameters, {@link #NONE} when there are no arguments
     */
    public static SelectParameters parse(List<Arg> args, Set<Extension> extensions) {
        if (args.isEmpty()) {
            return NONE;
        }
        if (args.size() > 1 || !(args.get(0) instanceof Arg.ListArg list) || !extensions.contains(Extension.CONDSTORE)) {
            throw new ProtocolException("Unexpected extra arguments");
        }
        if (list.items().isEmpty()) {
            throw new ProtocolException("The list of SELECT parameters is empty");
        }
        boolean condstore = false;
        Qresync qresync = null;
        boolean qresyncOffered = extensions.contains(Extension.QRESYNC);
        List<Arg> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            String name = items.get(i) instanceof Arg.Atom atom ? ArgParsing.upper(atom.text()) : "";
            if (name.equals("CONDSTORE") && !condstore) {
                condstore = true;
            } else if (name.equals("QRESYNC") && qresyncOffered && qresync == null) {
                if (i + 1 >= items.size() || !(items.get(i + 1) instanceof Arg.ListArg values)) {
                    throw new ProtocolException("QRESYNC needs (uidvalidity modseq [known-uids] [seq-match-data])");
                }
                qresync = qresync(values.items());
                i++;
            } else {
                throw new ProtocolException("Unknown or repeated SELECT parameter " + (items.get(i) instanceof Arg.Atom a
                        ? ArgParsing.shorten(a.text()) : ArgParsing.describe(items.get(i)))
                        + "; the ones known are " + (qresyncOffered ? "CONDSTORE and QRESYNC" : "CONDSTORE"));
            }
        }
        return new SelectParameters(condstore, qresync);
    }

    private static Qresync qresync(List<Arg> values) {
        if (values.size() < 2 || values.size() > 4) {
            throw new ProtocolException("QRESYNC needs (uidvalidity modseq [known-uids] [seq-match-data])");
        }
        long uidValidity = values.get(0) instanceof Arg.Atom a ? ArgParsing.nzNumber(a.text()) : -1;
        if (uidValidity < 0) {
            throw new ProtocolException("QRESYNC needs a UIDVALIDITY, a number from 1 to 4294967295, first");
        }
        long modSeq = ArgParsing.modSeq(values.get(1), "QRESYNC", false);
        SequenceSet knownUids = null;
        int next = 2;
        if (next < values.size() && values.get(next) instanceof Arg.Atom) {
            knownUids = withoutStar(values.get(next), "the known UIDs");
            next++;
        }
        SequenceSet knownSequences = null;
        SequenceSet knownSequenceUids = null;
        if (next < values.size()) {
            if (!(values.get(next) instanceof Arg.ListArg match) || match.items().size() != 2 || next + 1 != values.size()) {
                throw new ProtocolException("QRESYNC's sequence match data is (known-sequence-set known-uid-set)");
            }
            knownSequences = withoutStar(match.items().get(0), "the known sequence set");
            knownSequenceUids = withoutStar(match.items().get(1), "the known UID set");
            if (knownSequences.count(Long.MAX_VALUE) != knownSequenceUids.count(Long.MAX_VALUE)) {
                throw new ProtocolException("QRESYNC's known sequence set and known UID set differ in size");
            }
        }
        return new Qresync(uidValidity, modSeq, knownUids, knownSequences, knownSequenceUids);
    }

    /** RFC 7162 §7: the sets of the QRESYNC parameter name UIDs and sequence numbers exactly, without {@code *}. */
    private static SequenceSet withoutStar(Arg arg, String what) {
        SequenceSet set = SequenceSet.parse(arg);
        if (set.usesStar()) {
            throw new ProtocolException(what + " of QRESYNC may not use *");
        }
        return set;
    }
}
