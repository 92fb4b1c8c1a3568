package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.telegram.BotGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A child JVM of {@link TwoDispatcherProcessesTest}: a dispatcher on a shared database (a JDBC URL), sending through
 * a BotGateway to the parent's FakeBotApi, until the parent ends it. It prints {@code ready} once it runs.
 * Arguments: JDBC URL, user, password, API URL, token, lease owner.
 */
public final class DispatcherProcess {

    private DispatcherProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database db = Database.open(DatabaseSettings.external(args[0], args[1], args[2]));
        BotGateway gateway = new BotGateway(args[4], args[3], Duration.ofSeconds(2), Duration.ofSeconds(30));
        DispatcherSettings fast = DeliveryFixture.fastSettings();
        // the parent's enqueue cannot wake another process, so look at the outbox every 100 ms when idle
        DispatcherSettings settings = new DispatcherSettings(args[5], 50, fast.leaseDuration(), 0, Duration.ZERO,
                Duration.ofMillis(100), fast.badTokenPause(), fast.stopGrace(), fast.retry());
        new Dispatcher(db, gateway, Clock.systemUTC(), settings, new OutboxSignal()).start();
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await(); // until the parent destroys this process
    }
}
