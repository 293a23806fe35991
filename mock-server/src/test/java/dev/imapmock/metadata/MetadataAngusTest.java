package dev.imapmock.metadata;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * METADATA (RFC 5464) driven by Angus Mail, which has no API for it: an application sends
 * SETMETADATA and GETMETADATA through {@link IMAPFolder#doCommand} and reads the untagged
 * {@code METADATA} responses Angus Mail parsed; literal values travel both ways, and the folder
 * stays usable afterwards.
 */
@Timeout(20)
class MetadataAngusTest {

    /** Runs {@code command} with {@code args}; returns the untagged responses, throwing when the command fails. */
    private static List<Response> run(IMAPFolder folder, String command, Argument args) throws Exception {
        List<Response> untagged = new ArrayList<>();
        folder.doCommand(protocol -> {
            Response[] responses = ((IMAPProtocol) protocol).command(command, args);
            Response last = responses[responses.length - 1];
            for (int i = 0; i < responses.length - 1; i++) {
                untagged.add(responses[i]);
            }
            protocol.handleResult(last);
            return null;
        });
        return untagged;
    }

    /** The {@code (entry value ...)} list of a METADATA response, read as a client reads it: values as nstrings. */
    private static List<String> entryValues(Response metadata) {
        List<String> items = new ArrayList<>();
        metadata.skipSpaces();
        assertThat(metadata.readByte()).isEqualTo((byte) '(');
        while (metadata.peekByte() != ')') {
            items.add(metadata.readAtomString());
            items.add(metadata.readString());
            metadata.skipSpaces();
        }
        return items;
    }

    @Test
    void anApplicationSetsAndReadsAnnotationsThroughDoCommand() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("METADATA")).isTrue();
                assertThat(((IMAPStore) store).hasCapability("METADATA-SERVER")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);

                Argument set = new Argument();
                set.writeAtom("INBOX");
                Argument pairs = new Argument();
                pairs.writeAtom("/private/comment");
                pairs.writeString("My inbox");
                pairs.writeAtom("/shared/notes");
                pairs.writeBytes("line one\r\nline two".getBytes(StandardCharsets.US_ASCII));
                set.writeArgument(pairs);
                assertThat(run(inbox, "SETMETADATA", set)).isEmpty();

                List<Response> got = run(inbox, "GETMETADATA INBOX (/private/comment /shared/notes /shared/none)", null);
                assertThat(got).hasSize(1);
                Response metadata = got.get(0);
                assertThat(((IMAPResponse) metadata).getKey()).isEqualTo("METADATA");
                assertThat(metadata.readAtomString()).isEqualTo("INBOX");
                assertThat(entryValues(metadata)).containsExactly("/private/comment", "My inbox",
                        "/shared/notes", "line one\r\nline two", "/shared/none", null);

                List<Response> server2 = run(inbox, "GETMETADATA \"\" /shared/comment", null);
                assertThat(server2).extracting(Response::toString)
                        .containsExactly("* METADATA \"\" (/shared/comment NIL)");

                assertThat(inbox.getMessageCount()).isZero();
                assertThat(inbox.isOpen()).isTrue();
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aRefusedSetmetadataReachesTheApplicationAsAnException() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxMetadataValueSize(4)
                .build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                                run(inbox, "SETMETADATA INBOX (/shared/comment \"too long\")", null))
                        .hasMessageContaining("[METADATA MAXSIZE 4]");
                List<Response> got = run(inbox, "GETMETADATA INBOX /shared/comment", null);
                assertThat(got).extracting(Response::toString)
                        .containsExactly("* METADATA INBOX (/shared/comment NIL)");
            } finally {
                store.close();
            }
        }
    }
}
