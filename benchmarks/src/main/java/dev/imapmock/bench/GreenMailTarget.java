package dev.imapmock.bench;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** GreenMail 2.1.14 through its documented API: messages are parsed into MimeMessages to store them. */
final class GreenMailTarget implements Target {
    private GreenMail greenMail;
    private GreenMailUser user;

    @Override
    public Target start() {
        greenMail = new GreenMail(ServerSetup.IMAP.dynamicPort());
        greenMail.start();
        user = greenMail.setUser("alice@example.org", USER, PASSWORD);
        return this;
    }

    @Override
    public int port() {
        return greenMail.getImap().getPort();
    }

    @Override
    public void seed(List<byte[]> messages) throws Exception {
        Session session = Session.getInstance(new Properties());
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
        for (byte[] m : messages) {
            inbox.appendMessage(new MimeMessage(session, new ByteArrayInputStream(m)), new Flags(), new Date());
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
