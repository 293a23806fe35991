package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapServer.Lifecycle;
import dev.imapmock.store.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class LifecycleTest {
    /** Servers seen by the kit's tests, by test name; cleared before each run. */
    static final Map<String, ImapMockServer> SEEN = new ConcurrentHashMap<>();
    static final List<ImapMockServer> ALL = new CopyOnWriteArrayList<>();

    static final byte[] MAIL = "Subject: hi\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void forget() {
        SEEN.clear();
        ALL.clear();
    }

    static Mailbox inbox(ImapMockServer server, String user) {
        return server.store().account(user).orElseThrow().mailbox("INBOX");
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", fixtures = "mail/alice")
    static class PerMethod {
        @Test
        void first(ImapMockServer server) {
            SEEN.put("first", server);
            assertThat(inbox(server, "alice").size()).isEqualTo(3);
            server.deliver("alice", "INBOX", MAIL);
        }

        @Test
        void second(ImapMockServer server) {
            SEEN.put("second", server);
            assertThat(inbox(server, "alice").size()).isEqualTo(3);
            server.deliver("alice", "INBOX", MAIL);
        }
    }

    @Test
    void perMethodGivesEveryTestAFreshlySeededServer() {
        Kit.assertAllPassed(Kit.run(PerMethod.class), 2);
        assertThat(SEEN.get("first")).isNotSameAs(SEEN.get("second"));
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", fixtures = "mail/alice", lifecycle = Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @BeforeAll
        static void seenBeforeAll(ImapMockServer server) {
            SEEN.put("beforeAll", server);
        }

        @Test
        @Order(1)
        void first(ImapMockServer server) {
            SEEN.put("first", server);
            try (TinyClient client = TinyClient.connect(server.port())) {
                client.send("LOGIN alice secret");
            }
            server.deliver("alice", "INBOX", MAIL);
        }

        @Test
        @Order(2)
        void second(ImapMockServer server) {
            SEEN.put("second", server);
            assertThat(server.journal().commands()).isEmpty();
            assertThat(inbox(server, "alice").size()).isEqualTo(4);
        }
    }

    @Test
    void perClassSharesOneServerAndClearsTheJournalBeforeEachTest() {
        Kit.assertAllPassed(Kit.run(PerClass.class), 2);
        assertThat(SEEN.get("first")).isSameAs(SEEN.get("second")).isSameAs(SEEN.get("beforeAll"));
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", fixtures = "mail/alice", lifecycle = Lifecycle.PER_CLASS)
    static class MethodOverrides {
        @Test
        void classSettings(ImapMockServer server) {
            SEEN.put("class", server);
            assertThat(server.store().users()).containsExactly("alice");
        }

        @Test
        @ImapServer(users = "bob:pw")
        void otherUsers(ImapMockServer server) {
            SEEN.put("users", server);
            assertThat(server.store().users()).containsExactly("bob");
            assertThat(inbox(server, "bob").size()).as("fixtures are inherited").isEqualTo(3);
        }

        @Test
        @ImapServer(fixtures = "")
        void noFixtures(ImapMockServer server) {
            SEEN.put("fixtures", server);
            assertThat(server.store().users()).containsExactly("alice");
            assertThat(inbox(server, "alice").size()).isZero();
        }
    }

    @Test
    void methodLevelSettingsOverrideTheClassAndGetAServerOfTheirOwn() {
        Kit.assertAllPassed(Kit.run(MethodOverrides.class), 3);
        assertThat(SEEN.get("users")).isNotSameAs(SEEN.get("class"));
        assertThat(SEEN.get("fixtures")).isNotSameAs(SEEN.get("class"));
    }

    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @ImapServer(users = {"alice:secret", "bob:pw"}, fixtures = "mail/team")
    @interface TeamMailServer {
    }

    @Kit.Fixture
    @TeamMailServer
    static class MetaAnnotated {
        @Test
        void teamMail(ImapMockServer server) {
            assertThat(server.store().users()).containsExactlyInAnyOrder("alice", "bob");
            assertThat(inbox(server, "alice").size()).isEqualTo(1);
            assertThat(inbox(server, "bob").size()).isEqualTo(2);
            assertThat(server.store().account("bob").orElseThrow().mailbox("Sent").size()).isEqualTo(1);
        }
    }

    @Test
    void aMetaAnnotationActsAsImapServer() {
        Kit.assertAllPassed(Kit.run(MetaAnnotated.class), 1);
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", fixtures = "mail/alice")
    static class Outer {
        @Test
        void outer(ImapMockServer server) {
            assertThat(server.store().users()).containsExactly("alice");
        }

        @Nested
        class Inherits {
            @Test
            void inner(ImapMockServer server) {
                assertThat(server.store().users()).containsExactly("alice");
                assertThat(inbox(server, "alice").size()).isEqualTo(3);
            }
        }

        @Nested
        @ImapServer(users = "carol:pw")
        class Overrides {
            @Test
            void inner(ImapMockServer server) {
                assertThat(server.store().users()).containsExactly("carol");
                assertThat(inbox(server, "carol").size()).isEqualTo(3);
            }

            @Nested
            class Deeper {
                @Test
                @ImapServer(fixtures = "")
                void deepest(ImapMockServer server) {
                    assertThat(server.store().users()).containsExactly("carol");
                    assertThat(inbox(server, "carol").size()).isZero();
                }
            }
        }
    }

    @Test
    void nestedClassesInheritAndOverrideTheOuterSettings() {
        Kit.assertAllPassed(Kit.run(Outer.class), 4);
    }

    @Kit.Fixture
    @ImapServer(lifecycle = Lifecycle.PER_CLASS)
    static class SharedWithNested {
        @Test
        void outer(ImapMockServer server) {
            SEEN.put("outer", server);
        }

        @Nested
        class Inner {
            @Test
            void inner(ImapMockServer server) {
                SEEN.put("inner", server);
            }
        }
    }

    @Test
    void nestedClassesWithoutTheirOwnAnnotationShareThePerClassServer() {
        Kit.assertAllPassed(Kit.run(SharedWithNested.class), 2);
        assertThat(SEEN.get("outer")).isSameAs(SEEN.get("inner"));
        assertThat(SEEN.get("outer").store().users()).containsExactly("user");
    }

    @Kit.Fixture
    @ImapServer
    static class Templates {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void parameterized(int count, ImapMockServer server) {
            ALL.add(server);
            for (int i = 0; i < count; i++) {
                server.deliver("user", "INBOX", MAIL);
            }
            assertThat(inbox(server, "user").size()).isEqualTo(count);
        }

        @RepeatedTest(3)
        void repeated(ImapMockServer server) {
            ALL.add(server);
            assertThat(inbox(server, "user").size()).isZero();
            server.deliver("user", "INBOX", MAIL);
        }
    }

    @Test
    void everyInvocationOfParameterizedAndRepeatedTestsHasItsOwnServer() {
        Kit.assertAllPassed(Kit.run(Templates.class), 6);
        assertThat(ALL).hasSize(6).doesNotHaveDuplicates();
    }
}
