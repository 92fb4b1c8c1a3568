package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.SecretStore;
import dev.recruitdesk.store.SecretsKey;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.telegram.CallbackCodec;
import dev.recruitdesk.ui.delivery.ServiceStatus;
import dev.recruitdesk.ui.settings.SettingsStore.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Team mode: the bot token and the callback key live encrypted in the shared database. */
class TeamSecretsTest {

    private static final String OLD_TOKEN = "1000001:an-old-token-that-telegram-no-longer-knows";

    @TempDir
    Path dir;

    @Test
    void consolesWithTheSameKeyShareTheTokenAndTheButtonsKeyWhichTheFirstMovedIntoTheDatabase() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start();
             Backend first = open(home("first", shared, telegram, telegram.validToken(), TeamFixture.SECRETS_KEY));
             Backend second = open(home("second", shared, telegram, null, TeamFixture.SECRETS_KEY))) {
            assertThat(first.secrets().canLead()).isTrue();
            assertThat(second.secrets().token()).contains(telegram.validToken());
            String signedByFirst = first.secrets().codec().encode(CallbackCodec.Action.CONFIRM, 42, 1);
            assertThat(second.secrets().codec().decode(signedByFirst)).isInstanceOf(CallbackCodec.Valid.class);
            // the admin's file is left as it was: the log says the line may go
            assertThat(Files.readString(first.context().config().file())).contains("telegram.token=" + telegram.validToken());
            try (var c = first.database().dataSource().getConnection();
                 var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM app_secret ORDER BY name")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                assertThat(names).containsExactly("telegram.callbackKey", "telegram.token");
            }

            second.startServices();
            first.startServices();
            await().atMost(Duration.ofSeconds(10)).until(() -> first.isDispatching() ^ second.isDispatching());

            // the Settings screen of a console with the key writes the team's token, not its file
            ConfigSettingsStore settings = new ConfigSettingsStore(second.context().config(), second.secrets());
            assertThat(settings.get(Setting.TELEGRAM_TOKEN)).contains(telegram.validToken());
            settings.saveAll(Map.of(Setting.TELEGRAM_TOKEN, "1000001:rotated-in-settings", Setting.UI_THEME, "dark"));
            assertThat(first.secrets().token()).contains("1000001:rotated-in-settings");
            assertThat(Files.readString(second.context().config().file())).doesNotContain("rotated-in-settings").contains("ui.theme=dark");
            settings.saveAll(Map.of(Setting.TELEGRAM_TOKEN, " "));
            assertThat(first.secrets().token()).contains("1000001:rotated-in-settings");
        }
    }

    @Test
    void theAdminCommandPrintsAFreshKeyThatConfigAccepts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream again = new ByteArrayOutputStream();

        assertThat(Main.run(new String[] {"--generate-secrets-key"}, new PrintStream(out, true), System.err)).isZero();
        assertThat(Main.run(new String[] {"--generate-secrets-key"}, new PrintStream(again, true), System.err)).isZero();

        String line = out.toString().strip();
        assertThat(line).startsWith("secrets.key=").isNotEqualTo(again.toString().strip());
        Config parsed = Config.parse(dir.resolve(Config.FILE_NAME), List.of(line));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.get(Config.Key.SECRETS_KEY)).hasValueSatisfying(k -> assertThat(SecretsKey.fromBase64(k).fingerprint()).hasSize(16));
        assertThat(Config.parse(dir.resolve(Config.FILE_NAME), List.of("secrets.key=c2hvcnQ=")).problems())
                .singleElement().satisfies(p -> assertThat(p.toString()).contains("32 bytes").doesNotContain("c2hvcnQ="));
    }

    @Test
    void aConsoleWithoutTheKeyWorksButNeitherRunsTheBotNorSendsUnsignedButtons() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start();
             Backend admin = open(home("admin", shared, telegram, telegram.validToken(), TeamFixture.SECRETS_KEY));
             Backend keyless = open(home("keyless", shared, telegram, null, null))) {
            assertThat(keyless.secrets().canLead()).isFalse();
            assertThat(keyless.secrets().problem()).hasValueSatisfying(p -> assertThat(p).contains("no secrets.key"));
            assertThat(keyless.secrets().token()).isEmpty();
            keyless.startServices();
            admin.startServices();
            assertThat(keyless.bot()).as("no bot, not even the sandbox").isNull();
            assertThat(new BackendServiceStatus(keyless).botState()).isEqualTo(ServiceStatus.BotState.NO_SECRETS_KEY);
            await().atMost(Duration.ofSeconds(10)).until(admin::isDispatching);
            admin.leaderLease().stepDown("test: the admin's console goes away");
            // the keyless console never takes over, however long the lease stays free
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !keyless.isDispatching());

            SlotRow slot = keyless.slots().create(keyless.currentRecruiterId(), Instant.now().plus(1, ChronoUnit.DAYS),
                    Duration.ofMinutes(30), "Room 2");
            Candidate candidate = keyless.candidates().create("Kira Keyless", "Europe/Berlin");
            keyless.database().run(s -> s.find(Candidate.class, candidate.getId()).bindTelegram(9001, 9001, "kira"));
            Booking booking = keyless.bookings().request(slot.id(), candidate.getId(), Actor.CANDIDATE);
            long outboxBefore = outboxRows(keyless);

            assertThatThrownBy(() -> keyless.bookings().approve(booking.getId()))
                    .isInstanceOf(RuleViolation.class)
                    .satisfies(e -> assertThat(((RuleViolation) e).messageKey()).isEqualTo("secrets.error.cannotSign"));

            assertThat(outboxRows(keyless)).isEqualTo(outboxBefore);
            assertThat(admin.bookings().approve(booking.getId()).getStatus()).isEqualTo(BookingStatus.APPROVED);
        }
    }

    @Test
    void aHeadlessServiceWithoutTheKeyRefusesToStartWithOneClearLine() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (FakeBotApi telegram = FakeBotApi.start()) {
            Path home = home("server", shared, telegram, telegram.validToken(), null);
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = Main.run(new String[] {"--headless", "--home", home.toString()}, System.out, new PrintStream(err, true));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("cannot run headless").contains("no secrets.key").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aConsoleWithAnotherKeyIsToldWhichFingerprintsDiffer() throws Exception {
        DatabaseSettings shared = TestDatabases.freshPostgres();
        String otherKey = SecretsKey.generate();
        try (FakeBotApi telegram = FakeBotApi.start();
             Backend admin = open(home("admin", shared, telegram, telegram.validToken(), TeamFixture.SECRETS_KEY));
             Backend wrong = open(home("wrong", shared, telegram, null, otherKey))) {
            assertThat(admin.secrets().canLead()).isTrue();
            assertThat(wrong.secrets().canLead()).isFalse();
            assertThat(wrong.secrets().problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains(SecretsKey.fromBase64(TeamFixture.SECRETS_KEY).fingerprint())
                    .contains(SecretsKey.fromBase64(otherKey).fingerprint()));
            assertThat(wrong.secrets().token()).isEmpty();
            assertThat(wrong.secrets().codec().canSign()).isFalse();
        }
    }

    /**
     * The leader started with a token Telegram refuses; an admin in another console saves the right one; the
     * leader reconnects with it at once (NOTIFY) and delivers. Nothing logged on the way holds the token or a key.
     */
    @Test
    void aTokenRotatedInAnotherConsoleReachesTheLeaderAndNoSecretIsEverLogged() throws Exception {
        Logger app = (Logger) LoggerFactory.getLogger("dev.recruitdesk");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level appLevel = app.getLevel();
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        app.setLevel(Level.DEBUG);
        root.setLevel(Level.INFO);
        DatabaseSettings shared = TestDatabases.freshPostgres();
        String callbackKey;
        String validToken;
        try (FakeBotApi telegram = FakeBotApi.start();
             Backend leader = open(home("leader", shared, telegram, OLD_TOKEN, TeamFixture.SECRETS_KEY));
             Backend adminConsole = open(home("admin", shared, telegram, null, TeamFixture.SECRETS_KEY))) {
            validToken = telegram.validToken();
            leader.startServices();
            await().atMost(Duration.ofSeconds(10)).until(leader::isDispatching);
            adminConsole.startServices();
            await().atMost(Duration.ofSeconds(10)).until(() -> leader.isLive() && adminConsole.isLive());

            adminConsole.secrets().saveToken(validToken, "admin@test");

            await().atMost(Duration.ofSeconds(5)).until(() -> leader.bot().usesToken(Optional.of(validToken)) && leader.isDispatching());
            adminConsole.database().run(s -> adminConsole.outbox().enqueue(s, "rotated:chat-77", "welcome", Regarding.none(),
                    new OutgoingMessage(77, "sent with the new token", null, null), Instant.now(), null));
            await().atMost(Duration.ofSeconds(5)).until(() -> telegram.messagesTo(77).size() == 1);
            callbackKey = new SecretStore(leader.database(), SecretsKey.fromBase64(TeamFixture.SECRETS_KEY), Clock.systemUTC(), null)
                    .get(SecretStore.CALLBACK_KEY).orElseThrow();
        } finally {
            root.detachAppender(captured);
            app.setLevel(appLevel);
            root.setLevel(rootLevel);
        }
        String everything = captured.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(everything).contains("secrets.imported").contains("secrets.token-rotated").contains("services.bot-reconnected");
        assertThat(everything)
                .doesNotContain(validToken)
                .doesNotContain(OLD_TOKEN)
                .doesNotContain(validToken.substring(validToken.indexOf(':') + 1))
                .doesNotContain(TeamFixture.SECRETS_KEY)
                .doesNotContain(callbackKey);
    }

    private static long outboxRows(Backend backend) {
        return backend.database().inTransaction(s -> s.createSelectionQuery("select count(*) from OutboxMessage", Long.class)
                .getSingleResult());
    }

    private static Backend open(Path home) {
        return AppContext.forHome(home, Clock.systemUTC()).openBackend();
    }

    /** A console home as an admin provisions it; a null token or key leaves the line out. */
    private Path home(String name, DatabaseSettings db, FakeBotApi telegram, String token, String secretsKey) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        List<String> lines = new ArrayList<>(List.of("db.url=" + db.url(), "db.user=" + db.user(), "db.password=" + db.password(),
                "telegram.apiUrl=" + telegram.apiUrl(), "delivery.ratePerSecond=200"));
        if (token != null) {
            lines.add("telegram.token=" + token);
        }
        if (secretsKey != null) {
            lines.add("secrets.key=" + secretsKey);
        }
        Files.write(home.resolve(Config.FILE_NAME), lines);
        return home;
    }
}
