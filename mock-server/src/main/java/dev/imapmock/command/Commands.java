package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.server.SessionState;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.imapmock.server.SessionState.AUTHENTICATED;
import static dev.imapmock.server.SessionState.NOT_AUTHENTICATED;
import static dev.imapmock.server.SessionState.SELECTED;

/**
 * The one dispatch table: each command name, its handler and the session states that allow it
 * (RFC 3501 §6). Immutable.
 */
public final class Commands {

    /**
     * A command's handler and where it may run. {@code expungeSafe} is false for the commands
     * during which no EXPUNGE may be sent (RFC 3501 §7.4.1: FETCH, STORE and SEARCH, and SORT
     * and THREAD, which search; their UID forms may report expunges). {@code extensions} are those that define the command, empty for
     * RFC 3501's own: a server that offers none of them does not know the command (THREAD is
     * defined by each of its algorithms' extensions).
     */
    public record Entry(CommandHandler handler, Set<SessionState> states, boolean expungeSafe, Set<Extension> extensions) {
        /**
         * Copies the extensions.
         *
         * @param handler the code that runs the command
         * @param states the session states in which the command is allowed; in any other it is BAD
         * @param expungeSafe false for the commands during which no untagged EXPUNGE may be sent
         * @param extensions the extensions that define the command, empty for RFC 3501's own
         */
        public Entry {
            extensions = Set.copyOf(extensions);
        }
    }

    private static final Set<SessionState> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<SessionState> NOT_AUTH = EnumSet.of(NOT_AUTHENTICATED);
    private static final Set<SessionState> AUTH = EnumSet.of(AUTHENTICATED, SELECTED);
    private static final Set<SessionState> SEL = EnumSet.of(SELECTED);
    private static final Extension[] THREAD_ALGORITHMS = {Extension.THREAD_REFERENCES, Extension.THREAD_REFS,
            Extension.THREAD_ORDEREDSUBJECT};

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            entry("CAPABILITY", new CapabilityCommand(), ANY),
            entry("NOOP", new NoopCommand(), ANY),
            entry("LOGOUT", new LogoutCommand(), ANY),
            entry("ID", new IdCommand(), ANY, Extension.ID),
            entry("LOGIN", new LoginCommand(), NOT_AUTH),
            entry("AUTHENTICATE", new AuthenticateCommand(), NOT_AUTH),
            entry("STARTTLS", new StarttlsCommand(), NOT_AUTH, Extension.STARTTLS),
            entry("SELECT", new SelectCommand(false), AUTH),
            entry("EXAMINE", new SelectCommand(true), AUTH),
            entry("CREATE", new CreateCommand(), AUTH),
            entry("DELETE", new DeleteCommand(), AUTH),
            entry("RENAME", new RenameCommand(), AUTH),
            entry("SUBSCRIBE", new SubscribeCommand(true), AUTH),
            entry("UNSUBSCRIBE", new SubscribeCommand(false), AUTH),
            entry("LIST", new ListCommand(false), AUTH),
            entry("XLIST", new ListCommand(true), AUTH, Extension.XLIST),
            entry("LSUB", new LsubCommand(), AUTH),
            entry("NAMESPACE", new NamespaceCommand(), AUTH, Extension.NAMESPACE),
            entry("STATUS", new StatusCommand(), AUTH),
            entry("APPEND", new AppendCommand(), AUTH),
            entry("GETQUOTA", new GetQuotaCommand(), AUTH, Extension.QUOTA),
            entry("GETQUOTAROOT", new GetQuotaRootCommand(), AUTH, Extension.QUOTA),
            entry("SETQUOTA", new SetQuotaCommand(), AUTH, Extension.QUOTA),
            entry("SETACL", new SetAclCommand(), AUTH, Extension.ACL),
            entry("DELETEACL", new DeleteAclCommand(), AUTH, Extension.ACL),
            entry("GETACL", new GetAclCommand(), AUTH, Extension.ACL),
            entry("LISTRIGHTS", new ListRightsCommand(), AUTH, Extension.ACL),
            entry("MYRIGHTS", new MyRightsCommand(), AUTH, Extension.ACL),
            entry("IDLE", new IdleCommand(), AUTH, Extension.IDLE),
            entry("ENABLE", new EnableCommand(), AUTH, Extension.ENABLE),
            entry("COMPRESS", new CompressCommand(), AUTH, Extension.COMPRESS_DEFLATE),
            entry("NOTIFY", new NotifyCommand(), AUTH, Extension.NOTIFY),
            entry("GETMETADATA", new GetMetadataCommand(), AUTH, true, Extension.METADATA, Extension.METADATA_SERVER),
            entry("SETMETADATA", new SetMetadataCommand(), AUTH, true, Extension.METADATA, Extension.METADATA_SERVER),
            entry("RESETKEY", new ResetKeyCommand(), AUTH, Extension.URLAUTH),
            entry("GENURLAUTH", new GenUrlAuthCommand(), AUTH, Extension.URLAUTH),
            entry("URLFETCH", new UrlFetchCommand(), AUTH, Extension.URLAUTH),
            entry("CHECK", new NoopCommand(), SEL),
            entry("CLOSE", new CloseCommand(true), SEL),
            entry("UNSELECT", new CloseCommand(false), SEL, Extension.UNSELECT),
            entry("EXPUNGE", new ExpungeCommand(), SEL),
            entry("FETCH", new FetchCommand(false), SEL, false),
            entry("UID FETCH", new FetchCommand(true), SEL),
            entry("STORE", new StoreCommand(false), SEL, false),
            entry("UID STORE", new StoreCommand(true), SEL),
            entry("SEARCH", new SearchCommand(false), SEL, false),
            entry("UID SEARCH", new SearchCommand(true), SEL),
            entry("SORT", new SortCommand(false), SEL, false, Extension.SORT),
            entry("UID SORT", new SortCommand(true), SEL, true, Extension.SORT),
            entry("CANCELUPDATE", new CancelUpdateCommand(), AUTH, Extension.CONTEXT_SEARCH),
            entry("COPY", new CopyCommand(false, false), SEL),
            entry("UID COPY", new CopyCommand(true, false), SEL),
            entry("MOVE", new CopyCommand(false, true), SEL, Extension.MOVE),
            entry("UID MOVE", new CopyCommand(true, true), SEL, Extension.MOVE),
            entry("UID EXPUNGE", new UidExpungeCommand(), SEL, Extension.UIDPLUS),
            entry("THREAD", new ThreadCommand(false), SEL, false, THREAD_ALGORITHMS),
            entry("UID THREAD", new ThreadCommand(true), SEL, true, THREAD_ALGORITHMS));

    private Commands() {
    }

    /**
     * The entry for a command name (upper case), or null for a command unknown to a server that
     * offers {@code extensions}.
     *
     * @param name the command name, upper case, {@code UID FETCH} for the UID forms
     * @param extensions the server's extensions
     * @return the entry, or null when the command is unknown (answered BAD)
     */
    public static Entry lookup(String name, Set<Extension> extensions) {
        Entry entry = TABLE.get(name);
        if (entry == null || entry.extensions().isEmpty()) {
            return entry;
        }
        for (Extension e : entry.extensions()) {
            if (extensions.contains(e)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The commands IMAP4rev2 no longer has (RFC 9051 Appendix E, §9's grammar): CHECK (NOOP does
     * its work) and LSUB (LIST with SUBSCRIBED replaces it).
     */
    private static final Set<String> NOT_IN_REV2 = Set.of("CHECK", "LSUB");

    /**
     * As {@link #lookup(String, Set)}, for a session that follows IMAP4rev2's rules when
     * {@code rev2}: then the commands rev2 dropped are unknown.
     *
     * @param name the command name, upper case, {@code UID FETCH} for the UID forms
     * @param extensions the server's extensions
     * @param rev2 true when the session follows IMAP4rev2 (RFC 9051)
     * @return the entry, or null when the command is unknown (answered BAD)
     */
    public static Entry lookup(String name, Set<Extension> extensions, boolean rev2) {
        return rev2 && NOT_IN_REV2.contains(name) ? null : lookup(name, extensions);
    }

    private static Map.Entry<String, Entry> entry(String name, CommandHandler handler, Set<SessionState> states) {
        return entry(name, handler, states, true);
    }

    private static Map.Entry<String, Entry> entry(String name, CommandHandler handler, Set<SessionState> states,
                                                  Extension extension) {
        return entry(name, handler, states, true, extension);
    }

    private static Map.Entry<String, Entry> entry(String name, CommandHandler handler, Set<SessionState> states,
                                                  boolean expungeSafe, Extension... extensions) {
        return Map.entry(name, new Entry(handler, Set.copyOf(states), expungeSafe, Set.of(extensions)));
    }
}
