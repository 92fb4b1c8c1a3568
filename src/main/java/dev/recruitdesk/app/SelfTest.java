package dev.recruitdesk.app;

import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --self-test}: boots the configuration and the database on the given home, prints one line, exits. */
final class SelfTest {

    private static final Logger log = LoggerFactory.getLogger(SelfTest.class);

    private SelfTest() {
    }

    static int run(AppContext context, PrintStream out, PrintStream err) {
        if (!context.config().problems().isEmpty()) {
            context.config().problems().forEach(p -> err.println("self-test failed: " + p));
            return Main.EXIT_FAILURE;
        }
        long started = System.nanoTime();
        try (Backend backend = context.openBackend()) {
            String line = "self-test ok version=" + Version.get()
                    + " java=" + Runtime.version()
                    + " db=\"" + backend.database().productVersion() + "\""
                    + " location=" + backend.database().settings().location()
                    + " ms=" + (System.nanoTime() - started) / 1_000_000;
            out.println(line);
            log.info(line);
            return 0;
        }
    }
}
