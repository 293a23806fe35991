package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server as a value of the JUnit store, which closes it when its test or class ends, passed or
 * failed. Both interfaces, so JUnit versions before and after 5.13 close it.
 */
@SuppressWarnings("deprecation")
record ServerResource(ImapMockServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
        server.close();
    }
}
