package dev.imapmock;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IMAP extensions a server can offer: the name CAPABILITY advertises, the RFC that defines it,
 * and the extensions it needs. All are on by default except the few that Dovecot 2.3 does not
 * offer (see {@link #onByDefault()}), so that a default server answers as Dovecot does, and
 * STARTTLS, which only servers that speak TLS offer. A server built without one behaves as a
 * server that never had it: the name leaves CAPABILITY, its commands are unknown ({@code BAD}),
 * its syntax is refused ({@code BAD}) and its response codes are not sent, so that a client's
 * fallback path can be tested.
 *
 * <p>CAPABILITY lists the extensions in the order of this enum, STARTTLS after the others.
 */
public enum Extension {
    /**
     * IMAP4rev2 (RFC 9051), advertised after IMAP4rev1 and chosen per connection by
     * {@code ENABLE IMAP4rev2}; from then on the connection follows rev2's rules (RFC 9051
     * Appendix E, see docs/compliance.md): no {@code \Recent} and no RECENT, SEARCH answered with
     * ESEARCH, no LSUB, CHECK or RFC822 fetch items, no UNSEEN code in SELECT, which sends a LIST
     * response instead, and mailbox names in UTF-8 both ways, as after {@code ENABLE UTF8=ACCEPT}. Off unless asked for ({@code with(Extension.IMAP4REV2)}), since Dovecot 2.3
     * does not offer it; {@code rev2Only()} in the builder drops IMAP4rev1. Needs the extensions
     * rev2 folds in that change what a rev2 client may send.
     */
    IMAP4REV2("IMAP4rev2", "RFC 9051", false),
    /** Non-synchronizing literals {@code {n+}}. */
    LITERAL_PLUS("LITERAL+", "RFC 7888"),
    /**
     * Non-synchronizing literals {@code {n+}} of at most 4096 octets, the alternative to
     * LITERAL+ (RFC 7888 §5). Off unless asked for ({@code with(Extension.LITERAL_MINUS)}), and
     * asking for it turns LITERAL+ off, since a server offers one of the two; naming both in
     * {@code extensions(...)} is refused.
     */
    LITERAL_MINUS("LITERAL-", "RFC 7888", false),
    /** An initial response on the AUTHENTICATE line. */
    SASL_IR("SASL-IR", "RFC 4959"),
    /** {@code \HasChildren} and {@code \HasNoChildren} in LIST and LSUB. */
    CHILDREN("CHILDREN", "RFC 3348"),
    /** The ID command. */
    ID("ID", "RFC 2971"),
    /** The IDLE command. */
    IDLE("IDLE", "RFC 2177"),
    /**
     * SORT and UID SORT with the keys ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO and REVERSE;
     * strings compare as Dovecot compares them (see {@code mime.Collation}).
     */
    SORT("SORT", "RFC 5256"),
    /** The SORT keys DISPLAYFROM and DISPLAYTO: the display name of the first From or To address. */
    SORT_DISPLAY("SORT=DISPLAY", "RFC 5957", SORT),
    /**
     * THREAD with the REFERENCES algorithm (RFC 5256 §3): threads from Message-ID, References and
     * In-Reply-To, then threads with the same base subject gathered. The THREAD command exists
     * while at least one THREAD algorithm is offered.
     */
    THREAD_REFERENCES("THREAD=REFERENCES", "RFC 5256"),
    /**
     * THREAD with the REFS algorithm, as Dovecot offers it (draft-ietf-morg-inthread §4):
     * REFERENCES without the gathering by subject, threads ordered by their newest message.
     */
    THREAD_REFS("THREAD=REFS", "draft-ietf-morg-inthread"),
    /** THREAD with the ORDEREDSUBJECT algorithm (RFC 5256 §3): one thread per base subject. */
    THREAD_ORDEREDSUBJECT("THREAD=ORDEREDSUBJECT", "RFC 5256"),
    /** The NAMESPACE command. */
    NAMESPACE("NAMESPACE", "RFC 2342"),
    /** The UNSELECT command. */
    UNSELECT("UNSELECT", "RFC 3691"),
    /** APPENDUID and COPYUID response codes, and UID EXPUNGE. */
    UIDPLUS("UIDPLUS", "RFC 4315"),
    /** MOVE and UID MOVE. */
    MOVE("MOVE", "RFC 6851"),
    /** The ENABLE command, through which a client turns on extensions that change responses. */
    ENABLE("ENABLE", "RFC 5161"),
    /**
     * Mod-sequences: MODSEQ, HIGHESTMODSEQ, CHANGEDSINCE, UNCHANGEDSINCE and SEARCH MODSEQ. Turned
     * on per session by its first use, {@code SELECT (CONDSTORE)} or {@code ENABLE CONDSTORE}.
     */
    CONDSTORE("CONDSTORE", "RFC 7162"),
    /**
     * Quick resynchronization: {@code SELECT (QRESYNC (...))}, VANISHED instead of EXPUNGE, and
     * {@code UID FETCH ... (CHANGEDSINCE m VANISHED)}. Turned on per session by
     * {@code ENABLE QRESYNC}, which turns CONDSTORE on too.
     */
    QRESYNC("QRESYNC", "RFC 7162", CONDSTORE, ENABLE),
    /**
     * MAILBOXID, EMAILID and THREADID: identities that survive RENAME, COPY and MOVE. Off unless
     * asked for ({@code with(Extension.OBJECTID)}), since Dovecot 2.3 does not offer it and it adds a
     * response to every SELECT and CREATE.
     */
    OBJECTID("OBJECTID", "RFC 8474", false),
    /** The SAVEDATE fetch item: when a message was saved into its mailbox. */
    SAVEDATE("SAVEDATE", "RFC 8514"),
    /** The PREVIEW fetch item: a short plain-text preview of a message. */
    PREVIEW("PREVIEW", "RFC 8970"),
    /**
     * Paged results: the PARTIAL modifier of UID FETCH and the PARTIAL result option of SEARCH,
     * answered {@code PARTIAL (1:100 uids)} in ESEARCH. Off unless asked for
     * ({@code with(Extension.PARTIAL)}): Dovecot 2.3 does not advertise it.
     */
    PARTIAL("PARTIAL", "RFC 9394", false),
    /**
     * UIDs only: after {@code ENABLE UIDONLY} a session names messages by UID alone. Commands and
     * search keys that take message sequence numbers are refused with {@code BAD [UIDREQUIRED]},
     * FETCH data comes as {@code * uid UIDFETCH (...)} and expunges as VANISHED (RFC 9586 §3). Off
     * unless asked for ({@code with(Extension.UIDONLY)}): Dovecot 2.3 does not offer it.
     */
    UIDONLY("UIDONLY", "RFC 9586", false, ENABLE),
    /**
     * UTF-8 (RFC 6855): after {@code ENABLE UTF8=ACCEPT} quoted strings may carry UTF-8 and
     * mailbox names are UTF-8 both ways instead of modified UTF-7, as in IMAP4rev2; APPEND takes
     * {@code UTF8 (~{n})}, the message with UTF-8 headers (RFC 6532) in a literal8; SEARCH with
     * CHARSET, and SORT or THREAD with a charset other than UTF-8, are BAD. Before ENABLE, 8-bit
     * octets in a quoted string are BAD and an APPEND of a message with 8-bit headers is NO. Off
     * unless asked for ({@code with(Extension.UTF8_ACCEPT)}): Dovecot 2.3 does not offer it.
     */
    UTF8_ACCEPT("UTF8=ACCEPT", "RFC 6855", false, ENABLE),
    /** {@code SEARCH RETURN (MIN MAX ALL COUNT)}, answered with {@code * ESEARCH}. */
    ESEARCH("ESEARCH", "RFC 4731"),
    /**
     * {@code SORT RETURN (MIN MAX ALL COUNT)}, answered with {@code * ESEARCH} in sort order: MIN and
     * MAX are the first and last message of the sorted result, ALL lists them in that order.
     */
    ESORT("ESORT", "RFC 5267", SORT, ESEARCH),
    /** {@code SEARCH RETURN (SAVE)} and {@code $}, which names the saved result where a message set goes. */
    SEARCHRES("SEARCHRES", "RFC 5182", ESEARCH),
    /** The search keys {@code OLDER n} and {@code YOUNGER n}: internal dates relative to the server's clock. */
    WITHIN("WITHIN", "RFC 5032"),
    /**
     * Special-use attributes ({@code \Sent}, {@code \Trash} ...) in LIST and LSUB, and with
     * LIST-EXTENDED the SPECIAL-USE selection and return options. Without it, accounts start
     * without the default special-use mailboxes.
     */
    SPECIAL_USE("SPECIAL-USE", "RFC 6154"),
    /** CREATE's USE parameter, {@code CREATE name (USE (\Sent))}, and the USEATTR response code. */
    CREATE_SPECIAL_USE("CREATE-SPECIAL-USE", "RFC 6154", SPECIAL_USE),
    /**
     * The extended LIST: selection options (SUBSCRIBED, REMOTE, RECURSIVEMATCH), return options
     * (SUBSCRIBED, CHILDREN), several patterns, {@code \NonExistent}, {@code \Subscribed} and
     * CHILDINFO.
     */
    LIST_EXTENDED("LIST-EXTENDED", "RFC 5258"),
    /** {@code LIST ... RETURN (STATUS (...))}, a return option of the extended LIST. */
    LIST_STATUS("LIST-STATUS", "RFC 5819", LIST_EXTENDED),
    /** The SIZE status item: the octets of all messages in the mailbox. */
    STATUS_SIZE("STATUS=SIZE", "RFC 8438"),
    /**
     * The STARTTLS command, which turns a clear connection into a TLS one (RFC 3501 §6.2.1). On
     * only when the server speaks TLS ({@code tls()} in the builder), and then advertised before
     * login on clear connections only.
     */
    STARTTLS("STARTTLS", "RFC 3501"),
    /**
     * Live searches: {@code SEARCH RETURN (UPDATE ...)} keeps telling the client, with
     * {@code * ESEARCH (TAG "t") ADDTO/REMOVEFROM}, which messages start or stop matching, until
     * CANCELUPDATE or the mailbox is left.
     */
    CONTEXT_SEARCH("CONTEXT=SEARCH", "RFC 5267", ESEARCH),
    /**
     * Live sorts: {@code SORT RETURN (UPDATE ...)} keeps telling the client, with
     * {@code * ESEARCH (TAG "t") ADDTO/REMOVEFROM (position set)}, where messages enter or leave the
     * sorted result, until CANCELUPDATE or the mailbox is left. Off unless asked for
     * ({@code with(Extension.CONTEXT_SORT)}): Dovecot 2.3 does not advertise it.
     */
    CONTEXT_SORT("CONTEXT=SORT", "RFC 5267", false, SORT, ESORT, CONTEXT_SEARCH),
    /**
     * FETCH {@code BINARY[part]}, {@code BINARY.PEEK[part]} and {@code BINARY.SIZE[part]}: a part
     * with its Content-Transfer-Encoding undone; APPEND of a {@code ~{n}} literal8, which may hold
     * NUL octets.
     */
    BINARY("BINARY", "RFC 3516"),
    /** Several messages in one APPEND, stored all or none. */
    MULTIAPPEND("MULTIAPPEND", "RFC 3502"),
    /**
     * APPEND of a message put together from TEXT literals and IMAP URLs of messages or parts in
     * the same account, {@code APPEND box CATENATE (TEXT {n} URL "/INBOX/;UID=3/;SECTION=1")}.
     */
    CATENATE("CATENATE", "RFC 4469"),
    /** {@code ;PARTIAL=origin.length} in CATENATE's IMAP URLs. */
    URL_PARTIAL("URL-PARTIAL", "RFC 5550", CATENATE),
    /**
     * {@code APPENDLIMIT=n} in CAPABILITY, the largest message APPEND takes, and the APPENDLIMIT
     * status item; a larger message is refused with {@code NO [TOOBIG]}. Off unless asked for
     * ({@code with(Extension.APPENDLIMIT)}), since Dovecot 2.3 does not advertise it by default.
     */
    APPENDLIMIT("APPENDLIMIT", "RFC 7889", false),
    /**
     * Quota roots: GETQUOTA, GETQUOTAROOT and SETQUOTA. An account with a storage or message limit
     * has one root, {@code "User quota"} as Dovecot names it, over all its mailboxes; SETQUOTA is
     * refused unless {@link #QUOTASET} is on too.
     */
    QUOTA("QUOTA", "RFC 9208"),
    /**
     * The STORAGE resource (in KiB, rounded up as Dovecot rounds) in quota roots, and the
     * DELETED-STORAGE status item (RFC 9208 §4.2).
     */
    QUOTA_RES_STORAGE("QUOTA=RES-STORAGE", "RFC 9208", QUOTA),
    /** The MESSAGE resource (messages in all mailboxes of the account), and the DELETED status item. */
    QUOTA_RES_MESSAGE("QUOTA=RES-MESSAGE", "RFC 9208", QUOTA),
    /**
     * NOTIFY: the client names the mailboxes and events it wants to hear of; changes to mailboxes
     * it has not selected arrive as {@code * STATUS}, new, renamed, deleted and (un)subscribed
     * mailboxes as {@code * LIST}, after each command and during IDLE. The MessageNew, MessageExpunge,
     * FlagChange, MailboxName and SubscriptionChange events; the METADATA ones are refused with
     * {@code NO [BADEVENT ...]}.
     */
    NOTIFY("NOTIFY", "RFC 5465"),
    /**
     * URLs that carry their own authorization (RFC 4467): GENURLAUTH appends a token of the
     * INTERNAL mechanism to a rump URL such as {@code imap://alice@host/INBOX/;UID=3;URLAUTH=anonymous};
     * URLFETCH reads what such a URL names, from any session its access identifier admits
     * ({@code anonymous}, {@code authuser}, {@code user+name}; {@code submit+name} is for a
     * submission server, which this server has none of); RESETKEY revokes a mailbox's tokens;
     * {@code ;EXPIRE=} is judged by the server's clock; CATENATE takes authorized URLs of other
     * users' messages. Off unless asked for ({@code with(Extension.URLAUTH)}): Dovecot 2.3 offers
     * it only when {@code imap_urlauth_host} and {@code mail_attribute_dict} are configured,
     * which its default configuration leaves out.
     */
    URLAUTH("URLAUTH", "RFC 4467", false),
    /**
     * URLFETCH's parenthesized form (RFC 5524): {@code URLFETCH (url BODYPARTSTRUCTURE BINARY)},
     * answered with the part's structure and its content with the transfer encoding undone.
     * Off unless asked for, as URLAUTH is; Dovecot offers the two together.
     */
    URLAUTH_BINARY("URLAUTH=BINARY", "RFC 5524", false, URLAUTH),
    /**
     * Annotations on mailboxes and on the server (RFC 5464): GETMETADATA with MAXSIZE and DEPTH,
     * SETMETADATA, the mailbox name {@code ""} for the server's. Entries live under
     * {@code /private} and {@code /shared}; one user per account, so private entries are that
     * user's. Advertised where Dovecot advertises it, after NOTIFY.
     */
    METADATA("METADATA", "RFC 5464"),
    /**
     * Server annotations only (RFC 5464 §1): GETMETADATA and SETMETADATA with the mailbox name
     * {@code ""}. On by default beside METADATA, which Dovecot alone advertises; a server with
     * this one and without METADATA refuses mailbox annotations with NO.
     */
    METADATA_SERVER("METADATA-SERVER", "RFC 5464"),
    /**
     * Access control lists (RFC 4314): SETACL, DELETEACL, GETACL, LISTRIGHTS and MYRIGHTS, every
     * command honouring the user's rights, and the other users' and shared namespaces through
     * which users see each other's mailboxes ({@code Other Users/alice/box}, {@code Shared/news};
     * see {@link dev.imapmock.store.Namespaces}). Dovecot offers it with its acl plugins. Without
     * it each user sees only the personal namespace and may do everything there.
     */
    ACL("ACL", "RFC 4314"),
    /** The rights t, e, x and k that RFC 4314 §2.1 adds to RFC 2086's; only advertised. */
    RIGHTS_TEXK("RIGHTS=texk", "RFC 4314", ACL),
    /**
     * SETQUOTA changes the limits of the account's quota root (RFC 9208 §4.1.3). Off unless asked
     * for ({@code with(Extension.QUOTASET)}): Dovecot refuses SETQUOTA to a user who is not an
     * administrator, and so does a server without it ({@code NO Quota can be changed only by admin}).
     */
    QUOTASET("QUOTASET", "RFC 9208", false, QUOTA),
    /**
     * The COMPRESS command with the DEFLATE algorithm: after {@code COMPRESS DEFLATE} both
     * directions are raw deflate (RFC 1951). Off unless asked for ({@code with(Extension.COMPRESS_DEFLATE)}),
     * since Dovecot 2.3 offers it only with its zlib plugin, which its default configuration leaves out.
     */
    COMPRESS_DEFLATE("COMPRESS=DEFLATE", "RFC 4978", false),
    /**
     * Gmail's FETCH items {@code X-GM-MSGID} and {@code X-GM-THRID} (decimal 64-bit message and
     * thread ids), the SEARCH keys of the same names and X-GM-RAW (Gmail's search
     * syntax, see {@code protocol.GmailRawQuery}). Not an RFC: Google's "IMAP Extensions"
     * page describes it. Off unless asked for, since Dovecot does not offer it.
     */
    X_GM_EXT_1("X-GM-EXT-1", "Gmail IMAP extensions", false),
    /**
     * Gmail's legacy XLIST command: LIST answered as {@code * XLIST} with {@code \Inbox} on INBOX and
     * Gmail's names for the special uses ({@code \Spam} for {@code \Junk}). Not an RFC; off unless
     * asked for.
     */
    XLIST("XLIST", "Gmail XLIST", false);

    /**
     * What IMAP4rev2 folds in from earlier extensions (RFC 9051 Appendix E) and so cannot be
     * offered without: resolved lazily, since an enum constant cannot name later ones in its own
     * constructor call.
     */
    private static final List<Extension> REV2_FOLDS_IN = List.of(ENABLE, NAMESPACE, UNSELECT, UIDPLUS, MOVE, IDLE,
            ESEARCH, SEARCHRES, LIST_EXTENDED, LIST_STATUS, SPECIAL_USE, STATUS_SIZE, BINARY, SASL_IR);



    private final String capability;
    private final String rfc;
    private final boolean onByDefault;
    private final List<Extension> requires;

    Extension(String capability, String rfc, Extension... requires) {
        this(capability, rfc, true, requires);
    }

    Extension(String capability, String rfc, boolean onByDefault, Extension... requires) {
        this.capability = capability;
        this.rfc = rfc;
        this.onByDefault = onByDefault;
        this.requires = List.of(requires);
    }

    /**
     * True for the extensions a server offers unless told otherwise: all that Dovecot 2.3 offers too.
     *
     * @return whether it is on by default
     */
    public boolean onByDefault() {
        return onByDefault;
    }

    /**
     * The name as CAPABILITY advertises it, such as {@code LITERAL+}.
     *
     * @return the capability name
     */
    public String capability() {
        return capability;
    }

    /**
     * The document that defines it, such as {@code RFC 7888}.
     *
     * @return the document, such as {@code RFC 7888}
     */
    public String rfc() {
        return rfc;
    }

    /**
     * The extensions this one cannot work without.
     *
     * @return the extensions required, unmodifiable
     */
    public List<Extension> requires() {
        return this == IMAP4REV2 ? REV2_FOLDS_IN : requires;
    }

    /**
     * The extensions a server cannot offer together with this one: LITERAL+ and LITERAL- are two
     * answers to one question (RFC 7888 §4), so each excludes the other. Asking for one with
     * {@code with(...)} drops the other from the defaults; naming both is refused.
     *
     * @return the extensions excluded, maybe none
     */
    public Set<Extension> excludes() {
        return switch (this) {
            case LITERAL_PLUS -> EnumSet.of(LITERAL_MINUS);
            case LITERAL_MINUS -> EnumSet.of(LITERAL_PLUS);
            default -> EnumSet.noneOf(Extension.class);
        };
    }

    /**
     * The extension with this name, in any case: the advertised name ({@code LITERAL+}) or the
     * constant's name ({@code LITERAL_PLUS}).
     *
     * @param name the name
     * @return the extension, or empty when there is none
     */
    public static Optional<Extension> named(String name) {
        for (Extension e : values()) {
            if (e.capability.equalsIgnoreCase(name) || e.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Every name {@link #named} accepts, as advertised, for messages that list the choices.
     *
     * @return the names, separated by commas
     */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Extension e : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.capability);
        }
        return sb.toString();
    }

    /** The extensions a server offers unless told otherwise. */
    static Set<Extension> defaults() {
        EnumSet<Extension> set = EnumSet.noneOf(Extension.class);
        for (Extension e : values()) {
            if (e.onByDefault) {
                set.add(e);
            }
        }
        return set;
    }

    /**
     * The extensions a server offers: {@code base} less {@code without} and less everything that
     * needs what is left out (turning CONDSTORE off turns QRESYNC off too).
     *
     * @param base     the extensions asked for; null for the defaults
     * @param explicit true when {@code base} was named by the user: then an extension of it that
     *                 {@code without} takes away through a dependency is a contradiction
     * @throws IllegalArgumentException when an extension of {@code base} needs one that is not in
     *                                  it, or when {@code explicit} and a dependency removes one
     */
    static Set<Extension> resolve(Collection<Extension> base, Collection<Extension> without, boolean explicit) {
        EnumSet<Extension> result = EnumSet.noneOf(Extension.class);
        result.addAll(base == null ? defaults() : base);
        for (Extension e : result) {
            for (Extension other : e.excludes()) {
                if (result.contains(other) && e.ordinal() < other.ordinal()) {
                    throw new IllegalArgumentException(e.capability + " and " + other.capability
                            + " exclude each other: a server offers one of the two");
                }
            }
        }
        for (Extension e : result) {
            for (Extension needed : e.requires()) {
                if (!result.contains(needed)) {
                    throw new IllegalArgumentException(e.capability + " needs " + needed.capability
                            + ", which is not among the extensions asked for");
                }
            }
        }
        result.removeAll(without);
        boolean removed = true;
        while (removed) {
            removed = false;
            for (Extension e : EnumSet.copyOf(result)) {
                for (Extension needed : e.requires()) {
                    if (!result.contains(needed)) {
                        if (explicit) {
                            throw new IllegalArgumentException(e.capability + " was asked for, but it needs "
                                    + needed.capability + ", which is turned off");
                        }
                        result.remove(e);
                        removed = true;
                    }
                }
            }
        }
        return Collections.unmodifiableSet(result);
    }
}
