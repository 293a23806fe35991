package dev.imapmock.delimiter;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail against a server whose hierarchy delimiter is {@code .}: it learns the delimiter from
 * LIST and uses it to build, create, list and rename nested folders, as against Dovecot with
 * {@code separator = .}.
 */
@Timeout(30)
class DotDelimiterAngusTest {

    @Test
    void angusUsesTheDotForNestedFolders() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").hierarchyDelimiter('.')
                .build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Folder root = store.getDefaultFolder();
                assertThat(root.getSeparator()).isEqualTo('.');
                assertThat(store.getFolder("INBOX").getSeparator()).isEqualTo('.');

                Folder projects = root.getFolder("Projects");
                assertThat(projects.create(Folder.HOLDS_FOLDERS | Folder.HOLDS_MESSAGES)).isTrue();
                Folder acme = projects.getFolder("ACME");
                assertThat(acme.getFullName()).isEqualTo("Projects.ACME");
                assertThat(acme.create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(store.getFolder("Projects.ACME.2024").create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(server.store().account("alice").orElseThrow().mailbox("Projects.ACME.2024")).isNotNull();
                server.deliver("alice", "Projects.ACME", "Subject: hi\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));

                assertThat(names(root.list("*"))).contains("INBOX", "Projects", "Projects.ACME", "Projects.ACME.2024");
                assertThat(names(projects.list())).containsExactly("Projects.ACME");
                assertThat(names(projects.list("%"))).containsExactly("Projects.ACME");

                Folder renamed = root.getFolder("Clients");
                assertThat(projects.renameTo(renamed)).isTrue();
                assertThat(names(root.list("*"))).contains("Clients", "Clients.ACME", "Clients.ACME.2024")
                        .doesNotContain("Projects", "Projects.ACME");
                Folder moved = store.getFolder("Clients.ACME");
                moved.open(Folder.READ_ONLY);
                assertThat(moved.getMessageCount()).isEqualTo(1);
                assertThat(moved.getMessage(1).getSubject()).isEqualTo("hi");
                moved.close(false);
                assertThat(moved.getParent().getFullName()).isEqualTo("Clients");
            } finally {
                store.close();
            }
        }
    }

    private static String[] names(Folder[] folders) {
        return Arrays.stream(folders).map(Folder::getFullName).toArray(String[]::new);
    }
}
