package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.Journal;
import dev.imapmock.junit.ImapServer.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class InjectionTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret")
    static class ConstructorPerMethod {
        private final ImapMockServer fromConstructor;
        private ImapMockServer fromBeforeEach;

        ConstructorPerMethod(ImapMockServer server) {
            this.fromConstructor = server;
        }

        @BeforeEach
        void before(ImapMockServer server, Journal journal) {
            fromBeforeEach = server;
            assertThat(journal).isSameAs(server.journal());
        }

        @Test
        void first(ImapMockServer server) {
            assertThat(fromConstructor).isSameAs(server).isSameAs(fromBeforeEach);
            SEEN.put("first", server);
        }

        @Test
        void second(ImapMockServer server) {
            assertThat(fromConstructor).isSameAs(server).isSameAs(fromBeforeEach);
            SEEN.put("second", server);
        }
    }

    @Test
    void constructorsOfPerMethodInstancesGetTheTestsOwnServer() {
        Kit.assertAllPassed(Kit.run(ConstructorPerMethod.class), 2);
        assertThat(SEEN.get("first")).isNotSameAs(SEEN.get("second"));
    }

    @Kit.Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ImapServer(lifecycle = Lifecycle.PER_CLASS)
    static class ConstructorPerClass {
        private final ImapMockServer fromConstructor;

        ConstructorPerClass(ImapMockServer server) {
            this.fromConstructor = server;
        }

        @Test
        void usesTheClassServer(ImapMockServer server) {
            assertThat(fromConstructor).isSameAs(server);
        }
    }

    @Test
    void constructorsOfPerClassInstancesGetTheClassServer() {
        Kit.assertAllPassed(Kit.run(ConstructorPerClass.class), 1);
    }

    @Kit.Fixture
    static class Registered {
        @RegisterExtension
        static ImapServerExtension imap = ImapServerExtension.builder()
                .user("alice", "secret")
                .fixtures("mail/alice")
                .configure(server -> server.maxLineLength(2048))
                .build();

        @Test
        void injectedAndLookedUpAreTheSame(ImapMockServer server) {
            assertThat(imap.server()).isSameAs(server);
            assertThat(server.store().users()).containsExactly("alice");
            assertThat(LifecycleTest.inbox(server, "alice").size()).isEqualTo(3);
            SEEN.put("first", server);
        }

        @Test
        void eachTestHasItsOwn(ImapMockServer server) {
            SEEN.put("second", server);
        }

        @AfterEach
        void stillThere() {
            assertThat(imap.server().journal()).isNotNull();
        }
    }

    @Test
    void aRegisteredExtensionStartsAServerPerTest() {
        Kit.assertAllPassed(Kit.run(Registered.class), 2);
        assertThat(SEEN.get("first")).isNotSameAs(SEEN.get("second"));
    }

    @Kit.Fixture
    static class RegisteredPerClass {
        @RegisterExtension
        static ImapServerExtension imap = ImapServerExtension.builder()
                .users("alice:secret", "bob:pw")
                .lifecycle(Lifecycle.PER_CLASS)
                .build();

        @BeforeAll
        static void before() {
            SEEN.put("beforeAll", imap.server());
        }

        @Test
        void one() {
            SEEN.put("one", imap.server());
            assertThat(imap.server().store().users()).containsExactlyInAnyOrder("alice", "bob");
        }

        @Test
        void two(ImapMockServer server) {
            SEEN.put("two", server);
        }
    }

    @Test
    void aRegisteredPerClassExtensionSharesOneServer() {
        Kit.assertAllPassed(Kit.run(RegisteredPerClass.class), 2);
        assertThat(SEEN.get("one")).isSameAs(SEEN.get("two")).isSameAs(SEEN.get("beforeAll"));
    }

    @Kit.Fixture
    static class RegisteredOnInstance {
        @RegisterExtension
        ImapServerExtension imap = ImapServerExtension.builder().build();

        @Test
        void works(ImapMockServer server) {
            assertThat(imap.server()).isSameAs(server);
            assertThat(server.store().users()).containsExactly("user");
        }
    }

    @Test
    void anInstanceFieldWorksToo() {
        Kit.assertAllPassed(Kit.run(RegisteredOnInstance.class), 1);
    }

    @Test
    void serverOutsideATestSaysWhatToDo() {
        ImapServerExtension extension = ImapServerExtension.builder().build();
        assertThatThrownBy(extension::server)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No IMAP server is running for this thread: server() works on the thread of a test or "
                        + "lifecycle method of a class that registers this extension (with lifecycle PER_CLASS also in "
                        + "@BeforeAll/@AfterAll); elsewhere, inject ImapMockServer as a parameter");
    }

    @Test
    void builderRejectsAMalformedUser() {
        assertThatThrownBy(() -> ImapServerExtension.builder().users("alice"))
                .hasMessage("ImapServerExtension.builder(): cannot parse user \"alice\"; expected \"name:password\", "
                        + "for example \"alice:secret\"");
    }
}
