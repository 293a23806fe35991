package dev.imapmock.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic, reproducible mail: about 12 KiB on average, one message in ten a multipart with a
 * 50 KB attachment. Every subject holds a numbered word so searches have known answers.
 */
final class MailGenerator {
    static final String NEEDLE = "zeppelin";
    private static final String[] WORDS = ("meeting report budget quarter sync release plan review draft "
            + "invoice travel schedule customer feedback roadmap design server client mailbox archive "
            + "update weekly summary project deadline notes agenda minutes proposal contract").split(" ");

    private final SplittableRandom random;

    MailGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    List<byte[]> messages(int count) {
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(i));
        }
        return messages;
    }

    /** Message {@code i}; every 100th carries {@link #NEEDLE} in its subject and body. */
    byte[] message(int i) {
        boolean needle = i % 100 == 0;
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("Date: Mon, 1 Jul 2024 ").append(String.format("%02d:%02d:00 +0200", (i / 60) % 24, i % 60)).append("\r\n");
        sb.append("From: \"Sender ").append(i % 97).append("\" <sender").append(i % 97).append("@example.com>\r\n");
        sb.append("To: \"Alice\" <alice@example.org>\r\n");
        sb.append("Subject: ").append(words(5)).append(needle ? " " + NEEDLE : "").append(" #").append(i).append("\r\n");
        sb.append("Message-ID: <msg").append(i).append("@example.com>\r\n");
        sb.append("MIME-Version: 1.0\r\n");
        String text = paragraph(4_800 + random.nextInt(800)) + (needle ? " " + NEEDLE + "\r\n" : "");
        if (i % 10 != 7) {
            sb.append("Content-Type: text/plain; charset=utf-8\r\n\r\n").append(text);
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n");
        sb.append("--b").append(i).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(text).append("\r\n");
        sb.append("--b").append(i).append("\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n")
                .append("Content-Disposition: attachment; filename=\"report.pdf\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n");
        byte[] attachment = new byte[50_000];
        for (int k = 0; k < attachment.length; k++) {
            attachment[k] = (byte) random.nextInt(256);
        }
        sb.append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(attachment)).append("\r\n");
        sb.append("--b").append(i).append("--\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private String paragraph(int length) {
        StringBuilder sb = new StringBuilder(length + 100);
        int column = 0;
        while (sb.length() < length) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (column + w.length() > 72) {
                sb.append("\r\n");
                column = 0;
            }
            sb.append(w).append(' ');
            column += w.length() + 1;
        }
        return sb.append("\r\n").toString();
    }
}
