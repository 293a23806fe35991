package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.server.SessionState;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.imapmock.server.SessionState.AUTHENTICATED;
import static dev.imapmock.server.SessionState.NOT_AUTHENTICATED;
import static dev.imapmock.server.SessionState.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

/** The dispatch table: every command's name, states and defining extensions (RFC 3501 §6). */
class CommandsTest {
    private static final Set<SessionState> ANY = Set.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<SessionState> AUTH = Set.of(AUTHENTICATED, SELECTED);
    private static final Set<SessionState> SEL = Set.of(SELECTED);
    private static final Set<Extension> NONE = Set.of();
    private static final Set<Extension> ALL = EnumSet.allOf(Extension.class);

    /** RFC 3501's own commands (§6): known to a server that offers no extension. */
    private static final Map<String, Set<SessionState>> BASE = Map.ofEntries(
            Map.entry("CAPABILITY", ANY), Map.entry("NOOP", ANY), Map.entry("LOGOUT", ANY),
            Map.entry("LOGIN", Set.of(NOT_AUTHENTICATED)), Map.entry("AUTHENTICATE", Set.of(NOT_AUTHENTICATED)),
            Map.entry("SELECT", AUTH), Map.entry("EXAMINE", AUTH), Map.entry("CREATE", AUTH),
            Map.entry("DELETE", AUTH), Map.entry("RENAME", AUTH), Map.entry("SUBSCRIBE", AUTH),
            Map.entry("UNSUBSCRIBE", AUTH), Map.entry("LIST", AUTH), Map.entry("LSUB", AUTH),
            Map.entry("STATUS", AUTH), Map.entry("APPEND", AUTH), Map.entry("CHECK", SEL),
            Map.entry("CLOSE", SEL), Map.entry("EXPUNGE", SEL), Map.entry("FETCH", SEL),
            Map.entry("UID FETCH", SEL), Map.entry("STORE", SEL), Map.entry("UID STORE", SEL),
            Map.entry("SEARCH", SEL), Map.entry("UID SEARCH", SEL), Map.entry("COPY", SEL),
            Map.entry("UID COPY", SEL));

    /** Commands an extension defines: unknown unless the server offers it. */
    private static final Map<String, Extension> EXTENDED = Map.ofEntries(
            Map.entry("ID", Extension.ID), Map.entry("STARTTLS", Extension.STARTTLS),
            Map.entry("XLIST", Extension.XLIST), Map.entry("NAMESPACE", Extension.NAMESPACE),
            Map.entry("GETQUOTA", Extension.QUOTA), Map.entry("GETQUOTAROOT", Extension.QUOTA),
            Map.entry("SETQUOTA", Extension.QUOTA), Map.entry("SETACL", Extension.ACL),
            Map.entry("DELETEACL", Extension.ACL), Map.entry("GETACL", Extension.ACL),
            Map.entry("LISTRIGHTS", Extension.ACL), Map.entry("MYRIGHTS", Extension.ACL),
            Map.entry("IDLE", Extension.IDLE), Map.entry("ENABLE", Extension.ENABLE),
            Map.entry("COMPRESS", Extension.COMPRESS_DEFLATE), Map.entry("NOTIFY", Extension.NOTIFY),
            Map.entry("GETMETADATA", Extension.METADATA_SERVER), Map.entry("SETMETADATA", Extension.METADATA),
            Map.entry("RESETKEY", Extension.URLAUTH), Map.entry("GENURLAUTH", Extension.URLAUTH),
            Map.entry("URLFETCH", Extension.URLAUTH), Map.entry("UNSELECT", Extension.UNSELECT),
            Map.entry("SORT", Extension.SORT), Map.entry("UID SORT", Extension.SORT),
            Map.entry("CANCELUPDATE", Extension.CONTEXT_SEARCH), Map.entry("MOVE", Extension.MOVE),
            Map.entry("UID MOVE", Extension.MOVE), Map.entry("UID EXPUNGE", Extension.UIDPLUS),
            Map.entry("THREAD", Extension.THREAD_REFS), Map.entry("UID THREAD", Extension.THREAD_ORDEREDSUBJECT));

    /** The commands more than one extension defines (tested below): METADATA's, THREAD's. */
    private static final Set<String> SEVERAL = Set.of("GETMETADATA", "SETMETADATA", "THREAD", "UID THREAD");

    @Test
    void everyBaseCommandIsKnownWithoutExtensionsInItsStates() {
        BASE.forEach((name, states) -> {
            Commands.Entry entry = Commands.lookup(name, NONE);
            assertThat(entry).as(name).isNotNull();
            assertThat(entry.states()).as(name).isEqualTo(states);
            assertThat(entry.extensions()).as(name).isEmpty();
        });
    }

    @Test
    void anExtensionsCommandIsKnownOnlyWhenTheServerOffersIt() {
        EXTENDED.forEach((name, extension) -> {
            assertThat(Commands.lookup(name, NONE)).as(name + " without " + extension).isNull();
            if (!SEVERAL.contains(name)) {
                assertThat(Commands.lookup(name, EnumSet.complementOf(EnumSet.of(extension))))
                        .as(name + " without only " + extension).isNull();
            }
            Commands.Entry entry = Commands.lookup(name, EnumSet.of(extension));
            assertThat(entry).as(name + " with " + extension).isNotNull();
            assertThat(entry.extensions()).as(name).contains(extension);
        });
    }

    @Test
    void metadataAndThreadCommandsAreDefinedByEachOfTheirExtensions() {
        for (Extension e : Set.of(Extension.METADATA, Extension.METADATA_SERVER)) {
            assertThat(Commands.lookup("GETMETADATA", EnumSet.of(e))).as("GETMETADATA with " + e).isNotNull();
            assertThat(Commands.lookup("SETMETADATA", EnumSet.of(e))).as("SETMETADATA with " + e).isNotNull();
        }
        for (Extension e : Set.of(Extension.THREAD_REFERENCES, Extension.THREAD_REFS, Extension.THREAD_ORDEREDSUBJECT)) {
            assertThat(Commands.lookup("THREAD", EnumSet.of(e))).as("THREAD with " + e).isNotNull();
            assertThat(Commands.lookup("UID THREAD", EnumSet.of(e))).as("UID THREAD with " + e).isNotNull();
        }
    }

    @Test
    void onlyFetchStoreSearchSortAndThreadWithoutUidForbidExpunges() {
        Set<String> unsafe = Set.of("FETCH", "STORE", "SEARCH", "SORT", "THREAD");
        for (String name : union()) {
            assertThat(Commands.lookup(name, ALL).expungeSafe()).as(name).isEqualTo(!unsafe.contains(name));
        }
    }

    @Test
    void namesAreMatchedExactlyAndUnknownNamesAreNull() {
        assertThat(Commands.lookup("login", ALL)).isNull();
        assertThat(Commands.lookup("LOGIN ", ALL)).isNull();
        assertThat(Commands.lookup("UID", ALL)).isNull();
        assertThat(Commands.lookup("UID LOGIN", ALL)).isNull();
        assertThat(Commands.lookup("XYZZY", ALL)).isNull();
        assertThat(Commands.lookup("", ALL)).isNull();
    }

    @Test
    void imap4rev2DropsCheckAndLsub() {
        assertThat(Commands.lookup("CHECK", ALL, true)).isNull();
        assertThat(Commands.lookup("LSUB", ALL, true)).isNull();
        assertThat(Commands.lookup("CHECK", ALL, false)).isNotNull();
        assertThat(Commands.lookup("LIST", ALL, true)).isNotNull();
    }

    @Test
    void theTableHasNoCommandBeyondThoseListedHere() {
        // Each name the switch knows resolves with every extension on; a name this test does not
        // list would go untested above. A sample of near-misses checks the switch has no stray case.
        assertThat(union()).hasSize(BASE.size() + EXTENDED.size());
        for (String name : union()) {
            assertThat(Commands.lookup(name, ALL)).as(name).isNotNull();
        }
        for (String name : new String[] {"UID APPEND", "UID SELECT", "UID CLOSE", "UID IDLE", "XLIST ", "GETANNOTATION"}) {
            assertThat(Commands.lookup(name, ALL)).as(name).isNull();
        }
    }

    private static Set<String> union() {
        Set<String> names = new java.util.HashSet<>(BASE.keySet());
        names.addAll(EXTENDED.keySet());
        return names;
    }
}
