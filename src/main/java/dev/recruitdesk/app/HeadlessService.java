package dev.recruitdesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service without a window ({@code --headless}): the backend and its long-lived threads, for a server box. */
public final class HeadlessService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeadlessService.class);

    private final Backend backend;

    private HeadlessService(Backend backend) {
        this.backend = backend;
    }

    public static HeadlessService start(AppContext context) {
        Backend backend = context.openBackend();
        backend.startServices();
        log.info("headless.started home={} db={}", context.home(), backend.database().settings().location());
        return new HeadlessService(backend);
    }

    @Override
    public void close() {
        backend.close();
        log.info("headless.stopped");
    }
}
