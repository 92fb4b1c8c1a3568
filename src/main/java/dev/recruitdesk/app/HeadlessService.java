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

    /** The service cannot do its one job (run the bot) on this box; the message says why and what to do. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Opens the backend and starts its services.
     *
     * @throws RefusedException in team mode without the team's {@code secrets.key}: such a service could never lead
     */
    public static HeadlessService start(AppContext context) {
        Backend backend = context.openBackend();
        if (backend.secrets().problem().isPresent()) {
            backend.close();
            throw new RefusedException(backend.secrets().problem().get());
        }
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
