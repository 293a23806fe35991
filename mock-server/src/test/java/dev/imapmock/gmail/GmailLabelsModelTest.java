package dev.imapmock.gmail;

import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.store.Account;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gmail's labels as a model: one session runs COPY, MOVE, STORE X-GM-LABELS, STORE FLAGS and
 * EXPUNGE across INBOX, a label's folder, All Mail, Starred and Trash, and after every step each
 * folder holds exactly the messages Gmail would show in it (by subject, in UID order), with
 * \Flagged where Starred says so.
 */
@Timeout(30)
class GmailLabelsModelTest {
    private static final Pattern SUBJECT = Pattern.compile("Subject: (\\S+)");
    private static final List<String> FOLDERS = List.of("INBOX", "Work", "[Gmail]/All Mail", "[Gmail]/Starred",
            "[Gmail]/Trash", "[Gmail]/Spam");

    /** One step: the commands (tagged by the test), then each folder's subjects; "*" marks \Flagged. */
    private record Step(String what, List<String> commands, String inbox, String work, String all, String starred,
                        String trash, String spam) {
    }

    private static Step step(String what, String commands, String inbox, String work, String all, String starred,
                             String trash, String spam) {
        return new Step(what, List.of(commands.split(";\\s*")), inbox, work, all, starred, trash, spam);
    }

    @Test
    void everyFolderShowsWhatGmailWouldAfterEachStep() {
        List<Step> steps = List.of(
                step("delivered mail is in INBOX and All Mail", "SELECT INBOX",
                        "a b", "", "a b", "", "", ""),
                step("COPY to a label's folder adds the label", "COPY 1 Work",
                        "a b", "a", "a b", "", "", ""),
                step("a second COPY adds nothing", "COPY 1 Work",
                        "a b", "a", "a b", "", "", ""),
                step("STORE +X-GM-LABELS adds a label", "STORE 2 +X-GM-LABELS (Work)",
                        "a b", "a b", "a b", "", "", ""),
                step("\\Flagged stars the message everywhere", "STORE 1 +FLAGS (\\Flagged)",
                        "a* b", "a* b", "a* b", "a*", "", ""),
                step("EXPUNGE in a label's folder removes that label only",
                        "SELECT Work; STORE 1 +FLAGS (\\Deleted); EXPUNGE",
                        "a* b", "b", "a* b", "a*", "", ""),
                step("MOVE to Trash removes every other label", "SELECT INBOX; MOVE 2 [Gmail]/Trash",
                        "a*", "", "a*", "a*", "b", ""),
                step("COPY out of Trash restores the message", "SELECT [Gmail]/Trash; COPY 1 INBOX",
                        "a* b", "", "a* b", "a*", "", ""),
                step("STORE X-GM-LABELS in All Mail replaces the labels",
                        "SELECT \"[Gmail]/All Mail\"; STORE 1 X-GM-LABELS (Work)",
                        "b", "a", "a b", "", "", ""),
                step("COPY to Spam removes the other labels", "COPY 2 [Gmail]/Spam",
                        "", "a", "a", "", "", "b"),
                step("EXPUNGE in All Mail sends the message to Trash",
                        "STORE 1 +FLAGS (\\Deleted); EXPUNGE",
                        "", "", "", "", "a", "b"),
                step("EXPUNGE in Trash deletes it for good",
                        "SELECT [Gmail]/Trash; STORE 1 +FLAGS (\\Deleted); EXPUNGE",
                        "", "", "", "", "", "b"),
                step("EXPUNGE in Spam deletes it for good",
                        "SELECT [Gmail]/Spam; STORE 1 +FLAGS (\\Deleted); EXPUNGE",
                        "", "", "", "", "", ""));
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).user("alice", "secret")
                .build().start()) {
            Account alice = server.store().account("alice").orElseThrow();
            alice.create("Work");
            server.deliver("alice", "INBOX", mail("a"));
            server.deliver("alice", "INBOX", mail("b"));
            try (RawClient client = new RawClient(server.host(), server.port())) {
                assertThat(client.readLine()).startsWith("* OK Gimap ready");
                assertThat(client.command("l", "LOGIN alice secret")).last().asString().startsWith("l OK");
                int n = 0;
                for (Step step : steps) {
                    for (String command : step.commands()) {
                        String tag = "t" + (++n);
                        List<String> lines = client.command(tag, command);
                        assertThat(lines.get(lines.size() - 1)).as(step.what() + ": " + command).startsWith(tag + " OK");
                    }
                    Map<String, String> expected = new LinkedHashMap<>();
                    expected.put("INBOX", step.inbox());
                    expected.put("Work", step.work());
                    expected.put("[Gmail]/All Mail", step.all());
                    expected.put("[Gmail]/Starred", step.starred());
                    expected.put("[Gmail]/Trash", step.trash());
                    expected.put("[Gmail]/Spam", step.spam());
                    assertThat(contents(alice)).as(step.what()).isEqualTo(expected);
                }
            }
        }
    }

    private static Map<String, String> contents(Account account) {
        Map<String, String> contents = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            List<String> subjects = new ArrayList<>();
            for (Message m : account.mailbox(folder).messages()) {
                Matcher subject = SUBJECT.matcher(new String(m.bytes(), StandardCharsets.US_ASCII));
                subject.find();
                subjects.add(subject.group(1) + (m.flags().has(dev.imapmock.store.Flags.FLAGGED) ? "*" : ""));
            }
            contents.put(folder, String.join(" ", subjects));
        }
        return contents;
    }

    private static byte[] mail(String subject) {
        return ("Subject: " + subject + "\r\nMessage-ID: <" + subject + "@example.com>\r\n\r\n" + subject + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
