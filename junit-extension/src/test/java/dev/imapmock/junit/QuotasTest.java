package dev.imapmock.junit;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Quota;
import org.eclipse.angus.mail.imap.IMAPStore;
import jakarta.mail.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ImapServer(quotas = "alice:64:30")}: a user's quota root, seen by Angus Mail's getQuota. */
@Timeout(60)
class QuotasTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @Kit.Fixture
    @ImapServer(users = {"alice:secret", "bob:secret"}, quotas = "alice:64:30", with = Extension.QUOTASET)
    static class WithAQuota {
        @Test
        void angusMailSeesTheQuotaRoot(ImapMockServer server) throws Exception {
            Properties props = new Properties();
            props.setProperty("mail.imap.host", server.host());
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            IMAPStore store = (IMAPStore) Session.getInstance(props).getStore("imap");
            store.connect("alice", "secret");
            jakarta.mail.Quota[] quotas = store.getQuota("INBOX");
            SEEN.put("root", quotas[0].quotaRoot);
            SEEN.put("storage", quotas[0].resources[0].name + " " + quotas[0].resources[0].limit);
            SEEN.put("message", quotas[0].resources[1].name + " " + quotas[0].resources[1].limit);
            store.close();
            SEEN.put("bob", server.store().account("bob").orElseThrow().quota().usage().limited());
        }

        @Test
        @ImapServer(quotas = "bob:1")
        void aMethodAnnotationReplacesTheClasssQuotas(ImapMockServer server) {
            SEEN.put("method-alice", server.store().account("alice").orElseThrow().quota().usage().limited());
            SEEN.put("method-bob", server.store().account("bob").orElseThrow().quota().usage());
        }
    }

    @Test
    void quotasComeFromTheAnnotation() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(WithAQuota.class), 2);
        assertThat(SEEN.get("root")).isEqualTo("User quota");
        assertThat(SEEN.get("storage")).isEqualTo("STORAGE 64");
        assertThat(SEEN.get("message")).isEqualTo("MESSAGE 30");
        assertThat(SEEN.get("bob")).isEqualTo(false);
        assertThat(SEEN.get("method-alice")).isEqualTo(false);
        assertThat(SEEN.get("method-bob")).isEqualTo(new Quota.Usage(0, 0, 1024, Quota.NONE));
    }

    @Kit.Fixture
    @ImapServer(quotas = "alice:lots")
    static class Malformed {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", quotas = "bob:64")
    static class UnknownUser {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Test
    void aMalformedQuotaOrOneForAnUnknownUserFailsTheTestWithTheReason() {
        SEEN.clear();
        assertThat(Kit.onlyFailure(Kit.run(Malformed.class))).hasMessage("@ImapServer on QuotasTest.Malformed:"
                + " cannot parse quota \"alice:lots\"; expected \"user:KiB\" or \"user:KiB:messages\", for example \"alice:64:30\"");
        assertThat(Kit.onlyFailure(Kit.run(UnknownUser.class)))
                .hasMessage("@ImapServer on QuotasTest.UnknownUser: quota names a user that is not configured: bob");
        assertThat(SEEN).doesNotContainKey("unreachable");
    }
}
