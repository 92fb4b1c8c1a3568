package dev.recruitdesk.app;

import dev.recruitdesk.telegram.BotGateway;
import java.io.PrintStream;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --self-test}: boots the configuration, the database, TLS and the bot client on the given home, prints one
 * line, exits. It is what an installed image is checked with, so it also covers what a trimmed runtime can lose.
 */
final class SelfTest {

    private static final Logger log = LoggerFactory.getLogger(SelfTest.class);
    /** A closed port: the bot client is only built, never asked to connect. */
    private static final String UNREACHABLE_API_URL = "http://127.0.0.1:9/bot";

    private SelfTest() {
    }

    static int run(AppContext context, PrintStream out, PrintStream err) {
        if (!context.config().problems().isEmpty()) {
            context.config().problems().forEach(p -> err.println("self-test failed: " + p));
            return Main.EXIT_FAILURE;
        }
        long started = System.nanoTime();
        long ecdhe;
        try {
            ecdhe = ecdheCipherSuites();
        } catch (NoSuchAlgorithmException e) {
            err.println("self-test failed: no default TLS context: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        if (ecdhe == 0) {
            // Telegram's servers offer only ECDHE suites; a runtime built without jdk.crypto.ec cannot reach them.
            err.println("self-test failed: TLS has no ECDHE cipher suites (is the jdk.crypto.ec module in the runtime?)");
            return Main.EXIT_FAILURE;
        }
        try {
            // Built and closed, never used: catches a bot client that cannot be created (classes or modules missing).
            new BotGateway("0:selftest", UNREACHABLE_API_URL, Duration.ofSeconds(1), Duration.ofSeconds(1)).close();
        } catch (RuntimeException | LinkageError e) {
            err.println("self-test failed: cannot build the Telegram bot client: " + e);
            return Main.EXIT_FAILURE;
        }
        try (Backend backend = context.openBackend()) {
            String line = "self-test ok version=" + Version.get()
                    + " java=" + Runtime.version()
                    + " db=\"" + backend.database().productVersion() + "\""
                    + " location=" + backend.database().settings().location()
                    + " tls=ECDHE(" + ecdhe + ")"
                    + " bot=ok"
                    + " ms=" + (System.nanoTime() - started) / 1_000_000;
            out.println(line);
            log.info(line);
            return 0;
        }
    }

    private static long ecdheCipherSuites() throws NoSuchAlgorithmException {
        String[] suites = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
        return Arrays.stream(suites).filter(s -> s.startsWith("TLS_ECDHE_")).count();
    }
}
