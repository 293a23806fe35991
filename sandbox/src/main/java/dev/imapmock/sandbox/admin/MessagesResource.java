package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.MimePart;
import dev.imapmock.store.Account;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxException;
import dev.imapmock.store.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code .../mailboxes/{mailbox}/messages}: pages of summaries (newest first), delivery of one
 * message or a batch (all or none), the parsed view, the raw source, the HTML part under a CSP that
 * lets nothing run or load, decoded parts as downloads, flag changes and expunging one message.
 */
final class MessagesResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    /**
     * For the HTML part: a sandbox without scripts, nothing fetched but inline styles and
     * {@code data:} images, so that hostile mail can neither run nor phone home.
     */
    static final String HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    /**
     * Put before a message's HTML: links that could only run script or open data do nothing anyway
     * (the CSP and the frame's sandbox see to that); this makes them look like the text they are.
     */
    static final String INERT_LINKS = "<style>a[href^=\"javascript:\" i],a[href^=\"data:\" i],"
            + "a[href^=\"vbscript:\" i]{pointer-events:none;cursor:default;color:inherit;text-decoration:none}</style>\n";
    private static final Set<String> SYSTEM_FLAGS = Set.of("\\seen", "\\answered", "\\flagged", "\\deleted", "\\draft");

    private final ImapMockServer server;

    MessagesResource(ImapMockServer server) {
        this.server = server;
    }

    void list(Call call) throws IOException {
        Mailbox mailbox = mailbox(call);
        int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.intQuery("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<Message> all = mailbox.messages();
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = all.size() - 1 - offset; i >= 0 && page.size() < limit; i--) {
            page.add(MessageViews.summary(all.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", all.size());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("messages", page);
        call.json(200, body);
    }

    /** One {@code message/rfc822} body (201 {@code {"uid"}}), or several files as form data (201 {@code {"uids"}}). */
    void deliver(Call call) throws IOException {
        Mailbox mailbox = mailbox(call);
        String type = call.requireType("message/rfc822", "multipart/form-data");
        byte[] body = call.body();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (type.equals("message/rfc822")) {
            String problem = problem(body);
            if (problem != null) {
                throw ApiException.badField("body", "the message " + problem);
            }
            Message m = append(mailbox, List.of(new Mailbox.NewMessage(body, Flags.NONE, now))).get(0);
            call.header("Location", call.exchange().getRequestURI().getRawPath() + "/" + m.uid());
            call.json(201, Map.of("uid", m.uid()));
            return;
        }
        List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(call.contentTypeHeader()));
        if (parts.isEmpty()) {
            throw ApiException.badField("body", "the form holds no file");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        List<Mailbox.NewMessage> batch = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Multipart.Part part = parts.get(i);
            String problem = problem(part.bytes());
            if (problem != null) {
                errors.add(new ApiException.FieldError(part.label(i), "the message " + problem));
            }
            batch.add(new Mailbox.NewMessage(part.bytes(), Flags.NONE, now));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badFields(errors);
        }
        List<Long> uids = new ArrayList<>();
        for (Message m : append(mailbox, batch)) {
            uids.add(m.uid());
        }
        call.json(201, Map.of("uids", uids));
    }

    void parsed(Call call) throws IOException {
        call.json(200, MessageViews.parsed(message(call)));
    }

    void raw(Call call) throws IOException {
        call.send(200, "message/rfc822", message(call).bytes());
    }

    void html(Call call) throws IOException {
        Message m = message(call);
        MimePart html = MessageViews.first(m.mime().root(), "html");
        if (html == null) {
            throw ApiException.notFound("Message " + m.uid() + " has no HTML part");
        }
        call.header("Content-Security-Policy", HTML_CSP);
        call.header("Referrer-Policy", "no-referrer");
        call.send(200, "text/html; charset=utf-8",
                (INERT_LINKS + m.mime().decodedText(html)).getBytes(StandardCharsets.UTF_8));
    }

    /** A leaf part, transfer encoding undone, always as a download. */
    void part(Call call) throws IOException {
        Message m = message(call);
        String number = call.path("part");
        if (!number.matches("[1-9][0-9]{0,4}(\\.[1-9][0-9]{0,4}){0,31}")) {
            throw ApiException.badField("part", "must be a part number such as 1 or 1.2, not " + number);
        }
        List<Integer> path = new ArrayList<>();
        for (String n : number.split("\\.")) {
            path.add(Integer.parseInt(n));
        }
        MimeIndex mime = m.mime();
        MimePart part = mime.resolve(path);
        if (part == null || part.isMultipart()) {
            throw ApiException.notFound("Message " + m.uid() + " has no leaf part " + number);
        }
        String filename = MessageViews.filename(part);
        String type = (part.type() + "/" + part.subtype()).toLowerCase(Locale.ROOT);
        String charset = part.parameter("charset");
        if (part.isText() && charset != null && charset.matches("[A-Za-z0-9._:-]{1,40}")) {
            type += "; charset=" + charset;
        }
        call.header("Content-Disposition", disposition(filename != null ? filename : "part-" + number));
        call.header("Content-Security-Policy", HTML_CSP);
        call.send(200, type, mime.decodedBody(part));
    }

    void flags(Call call) throws IOException {
        Mailbox mailbox = mailbox(call);
        Message m = message(mailbox, call);
        JsonNode body = call.jsonObject();
        JsonFields fields = new JsonFields(body, "add", "remove");
        List<String> add = fields.strings("add");
        List<String> remove = fields.strings("remove");
        checkFlags(fields, "add", add);
        checkFlags(fields, "remove", remove);
        fields.done();
        Flags plus = Flags.of(add);
        Flags minus = Flags.of(remove);
        mailbox.updateFlags(List.of(m), f -> f.minus(minus).plus(plus), null);
        Message now = mailbox.byUid(m.uid());
        if (now == null) {
            throw ApiException.notFound("Message " + m.uid() + " was expunged meanwhile");
        }
        call.json(200, Map.of("flags", now.flags().names()));
    }

    void delete(Call call) throws IOException {
        Mailbox mailbox = mailbox(call);
        Message m = message(mailbox, call);
        if (mailbox.expunge(Set.of(m.uid())).isEmpty()) {
            throw ApiException.notFound("No message with UID " + m.uid() + " in " + mailbox.name());
        }
        call.noContent();
    }

    private static void checkFlags(JsonFields fields, String field, List<String> flags) {
        for (String flag : flags) {
            if (flag.startsWith("\\")) {
                if (!SYSTEM_FLAGS.contains(flag.toLowerCase(Locale.ROOT))) {
                    fields.error(field, flag + " is not a flag a message can carry (\\Seen \\Answered \\Flagged"
                            + " \\Deleted \\Draft, or a keyword)");
                }
            } else if (!isAtom(flag)) {
                fields.error(field, "keyword " + flag + " must be an IMAP atom: ASCII without spaces or ( ) { % * \" \\ ]");
            }
        }
    }

    private static boolean isAtom(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** What makes {@code bytes} no message, or null: empty, or not starting with a header field. */
    static String problem(byte[] bytes) {
        if (bytes.length == 0) {
            return "is empty";
        }
        int i = 0;
        while (i < bytes.length && bytes[i] != ':' && bytes[i] != '\r' && bytes[i] != '\n') {
            int c = bytes[i] & 0xff;
            if (c <= 0x20 || c >= 0x7f) {
                return "does not start with a header field (Name: value)";
            }
            i++;
        }
        if (i == 0 || i >= bytes.length || bytes[i] != ':') {
            return "does not start with a header field (Name: value)";
        }
        return null;
    }

    private List<Message> append(Mailbox mailbox, List<Mailbox.NewMessage> batch) {
        try {
            return mailbox.append(batch);
        } catch (MailboxException e) {
            throw e.reason() == MailboxException.Reason.OVERQUOTA ? ApiException.conflict(e.getMessage())
                    : ApiException.notFound(e.getMessage());
        }
    }

    private Mailbox mailbox(Call call) {
        Account account = MailboxesResource.account(server, call.path("user"));
        return MailboxesResource.mailbox(account, call.path("mailbox"));
    }

    private Message message(Call call) {
        return message(mailbox(call), call);
    }

    private static Message message(Mailbox mailbox, Call call) {
        String text = call.path("uid");
        long uid;
        try {
            uid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badField("uid", "must be a UID (a whole number from 1), not " + text);
        }
        if (uid < 1) {
            throw ApiException.badField("uid", "must be a UID (a whole number from 1), not " + text);
        }
        Message m = mailbox.byUid(uid);
        if (m == null) {
            throw ApiException.notFound("No message with UID " + uid + " in " + mailbox.name());
        }
        return m;
    }

    /** RFC 6266: an ASCII fallback name and the UTF-8 one. */
    private static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + Paths.segment(filename);
    }
}
