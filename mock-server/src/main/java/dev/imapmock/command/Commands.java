package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.server.SessionState;

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

    private static final Set<SessionState> ANY = Set.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<SessionState> NOT_AUTH = Set.of(NOT_AUTHENTICATED);
    private static final Set<SessionState> AUTH = Set.of(AUTHENTICATED, SELECTED);
    private static final Set<SessionState> SEL = Set.of(SELECTED);
    private static final Extension[] THREAD_ALGORITHMS = {Extension.THREAD_REFERENCES, Extension.THREAD_REFS,
            Extension.THREAD_ORDEREDSUBJECT};

    private Commands() {
    }

    /**
     * The table itself: one case per command name. Each call makes a new entry; handlers hold no
     * state. A handler's class is loaded when its command first arrives, not when the first
     * server starts, which keeps about sixty classes off a fresh JVM's way to its first LOGIN.
     */
    private static Entry entry(String name) {
        return switch (name) {
            case "CAPABILITY" -> entry(new CapabilityCommand(), ANY);
            case "NOOP" -> entry(new NoopCommand(), ANY);
            case "LOGOUT" -> entry(new LogoutCommand(), ANY);
            case "ID" -> entry(new IdCommand(), ANY, Extension.ID);
            case "LOGIN" -> entry(new LoginCommand(), NOT_AUTH);
            case "AUTHENTICATE" -> entry(new AuthenticateCommand(), NOT_AUTH);
            case "STARTTLS" -> entry(new StarttlsCommand(), NOT_AUTH, Extension.STARTTLS);
            case "SELECT" -> entry(new SelectCommand(false), AUTH);
            case "EXAMINE" -> entry(new SelectCommand(true), AUTH);
            case "CREATE" -> entry(new CreateCommand(), AUTH);
            case "DELETE" -> entry(new DeleteCommand(), AUTH);
            case "RENAME" -> entry(new RenameCommand(), AUTH);
            case "SUBSCRIBE" -> entry(new SubscribeCommand(true), AUTH);
            case "UNSUBSCRIBE" -> entry(new SubscribeCommand(false), AUTH);
            case "LIST" -> entry(new ListCommand(false), AUTH);
            case "XLIST" -> entry(new ListCommand(true), AUTH, Extension.XLIST);
            case "LSUB" -> entry(new LsubCommand(), AUTH);
            case "NAMESPACE" -> entry(new NamespaceCommand(), AUTH, Extension.NAMESPACE);
            case "STATUS" -> entry(new StatusCommand(), AUTH);
            case "APPEND" -> entry(new AppendCommand(), AUTH);
            case "GETQUOTA" -> entry(new GetQuotaCommand(), AUTH, Extension.QUOTA);
            case "GETQUOTAROOT" -> entry(new GetQuotaRootCommand(), AUTH, Extension.QUOTA);
            case "SETQUOTA" -> entry(new SetQuotaCommand(), AUTH, Extension.QUOTA);
            case "SETACL" -> entry(new SetAclCommand(), AUTH, Extension.ACL);
            case "DELETEACL" -> entry(new DeleteAclCommand(), AUTH, Extension.ACL);
            case "GETACL" -> entry(new GetAclCommand(), AUTH, Extension.ACL);
            case "LISTRIGHTS" -> entry(new ListRightsCommand(), AUTH, Extension.ACL);
            case "MYRIGHTS" -> entry(new MyRightsCommand(), AUTH, Extension.ACL);
            case "IDLE" -> entry(new IdleCommand(), AUTH, Extension.IDLE);
            case "ENABLE" -> entry(new EnableCommand(), AUTH, Extension.ENABLE);
            case "COMPRESS" -> entry(new CompressCommand(), AUTH, Extension.COMPRESS_DEFLATE);
            case "NOTIFY" -> entry(new NotifyCommand(), AUTH, Extension.NOTIFY);
            case "GETMETADATA" -> entry(new GetMetadataCommand(), AUTH, true, Extension.METADATA, Extension.METADATA_SERVER);
            case "SETMETADATA" -> entry(new SetMetadataCommand(), AUTH, true, Extension.METADATA, Extension.METADATA_SERVER);
            case "RESETKEY" -> entry(new ResetKeyCommand(), AUTH, Extension.URLAUTH);
            case "GENURLAUTH" -> entry(new GenUrlAuthCommand(), AUTH, Extension.URLAUTH);
            case "URLFETCH" -> entry(new UrlFetchCommand(), AUTH, Extension.URLAUTH);
            case "CHECK" -> entry(new NoopCommand(), SEL);
            case "CLOSE" -> entry(new CloseCommand(true), SEL);
            case "UNSELECT" -> entry(new CloseCommand(false), SEL, Extension.UNSELECT);
            case "EXPUNGE" -> entry(new ExpungeCommand(), SEL);
            case "FETCH" -> entry(new FetchCommand(false), SEL, false);
            case "UID FETCH" -> entry(new FetchCommand(true), SEL);
            case "STORE" -> entry(new StoreCommand(false), SEL, false);
            case "UID STORE" -> entry(new StoreCommand(true), SEL);
            case "SEARCH" -> entry(new SearchCommand(false), SEL, false);
            case "UID SEARCH" -> entry(new SearchCommand(true), SEL);
            case "SORT" -> entry(new SortCommand(false), SEL, false, Extension.SORT);
            case "UID SORT" -> entry(new SortCommand(true), SEL, true, Extension.SORT);
            case "CANCELUPDATE" -> entry(new CancelUpdateCommand(), AUTH, Extension.CONTEXT_SEARCH);
            case "COPY" -> entry(new CopyCommand(false, false), SEL);
            case "UID COPY" -> entry(new CopyCommand(true, false), SEL);
            case "MOVE" -> entry(new CopyCommand(false, true), SEL, Extension.MOVE);
            case "UID MOVE" -> entry(new CopyCommand(true, true), SEL, Extension.MOVE);
            case "UID EXPUNGE" -> entry(new UidExpungeCommand(), SEL, Extension.UIDPLUS);
            case "THREAD" -> entry(new ThreadCommand(false), SEL, false, THREAD_ALGORITHMS);
            case "UID THREAD" -> entry(new ThreadCommand(true), SEL, true, THREAD_ALGORITHMS);
            default -> null;
        };
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
        Entry entry = entry(name);
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

    private static Entry entry(CommandHandler handler, Set<SessionState> states) {
        return new Entry(handler, states, true, Set.of());
    }

    private static Entry entry(CommandHandler handler, Set<SessionState> states, Extension extension) {
        return new Entry(handler, states, true, Set.of(extension));
    }

    private static Entry entry(CommandHandler handler, Set<SessionState> states, boolean expungeSafe,
                               Extension... extensions) {
        return new Entry(handler, states, expungeSafe, Set.of(extensions));
    }
}
