package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.telegram.BotGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link CrashSafetyTest}: opens the H2 file, dispatches through a BotGateway to the parent's
 * FakeBotApi, and runs until the parent kills it. Arguments: data folder, API URL, token.
 */
public final class CrashedDispatcherProcess {

    private CrashedDispatcherProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database db = Database.open(DatabaseSettings.embedded(Path.of(args[0])));
        BotGateway gateway = new BotGateway(args[2], args[1], Duration.ofSeconds(2), Duration.ofSeconds(30));
        Dispatcher dispatcher = new Dispatcher(db, gateway, Clock.systemUTC(),
                DeliveryFixture.fastSettings().withPacing(200, Duration.ZERO).withOwnerId("child:" + ProcessHandle.current().pid()),
                new OutboxSignal());
        dispatcher.start();
        new CountDownLatch(1).await(); // until SIGKILL
    }
}
