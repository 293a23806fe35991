package dev.imapmock.testing;

import dev.imapmock.ImapMockServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.util.Properties;

/** Angus Mail connected the way the tests' applications connect: plain IMAP, short timeouts. */
public final class Angus {
    private Angus() {
    }

    /** The session properties for {@code server}. */
    public static Properties properties(ImapMockServer server) {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", server.host());
        props.setProperty("mail.imap.port", Integer.toString(server.port()));
        props.setProperty("mail.imap.connectiontimeout", "5000");
        props.setProperty("mail.imap.timeout", "10000");
        return props;
    }

    /** A store connected to {@code server} as {@code user}. */
    public static Store connect(ImapMockServer server, String user, String password) throws MessagingException {
        Store store = Session.getInstance(properties(server)).getStore("imap");
        store.connect(user, password);
        return store;
    }

    /**
     * Angus's own Gmail provider ({@code gimap}) connected to {@code server} as {@code user}. It
     * speaks implicit TLS only, as Gmail does, so the server needs {@code tls().tlsPort(0)}.
     */
    public static Store gimap(ImapMockServer server, String user, String password) throws MessagingException {
        Properties props = properties(server);
        props.setProperty("mail.gimap.host", server.host());
        props.setProperty("mail.gimap.port", Integer.toString(server.tlsPort()));
        props.put("mail.gimap.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
        props.setProperty("mail.gimap.connectiontimeout", "5000");
        props.setProperty("mail.gimap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("gimap");
        store.connect(user, password);
        return store;
    }

    /**
     * A quota's resources as Angus Mail read them, for assertions: {@code "STORAGE 2/64 MESSAGE 1/30"}.
     *
     * @param quota one root's quota from {@code IMAPStore.getQuota}
     * @return each resource's name, usage and limit, in the server's order
     */
    public static String resources(Quota quota) {
        StringBuilder sb = new StringBuilder();
        for (Quota.Resource r : quota.resources) {
            sb.append(sb.length() == 0 ? "" : " ").append(r.name).append(' ').append(r.usage).append('/').append(r.limit);
        }
        return sb.toString();
    }
}
