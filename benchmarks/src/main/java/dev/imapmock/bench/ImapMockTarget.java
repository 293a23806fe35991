package dev.imapmock.bench;

import dev.imapmock.ImapMockServer;

import java.util.List;

final class ImapMockTarget implements Target {
    private ImapMockServer server;

    @Override
    public Target start() {
        server = ImapMockServer.builder().user(USER, PASSWORD).build().start();
        return this;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void seed(List<byte[]> messages) {
        for (byte[] m : messages) {
            server.deliver(USER, "INBOX", m);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
