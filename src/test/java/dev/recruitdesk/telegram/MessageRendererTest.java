package dev.recruitdesk.telegram;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TemplateProblem;
import dev.recruitdesk.booking.TemplateRejected;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.booking.TemplateVersion;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRendererTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final TemplateCatalog catalog = new TemplateCatalog();
    private Database db;
    private TemplateService templates;
    private MessageRenderer renderer;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(dir));
        templates = new TemplateService(db, clock, catalog);
        renderer = new MessageRenderer(templates, catalog);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void russianDefaultIsUsedUntilATemplateIsSaved() {
        String text = renderer.render(TemplateKey.REMINDER_CONFIRM_2H, Language.RU,
                Map.of("candidate_name", "Анна", "slot_time", "14:30 (Europe/Moscow)"));

        assertThat(text).startsWith("Привет, Анна! Сегодня всё в силе?").contains("<b>14:30 (Europe/Moscow)</b>");
        assertThat(renderer.plain(TemplateKey.BUTTON_CONFIRM, Language.RU, Map.of())).isEqualTo("✅ Подтверждаю");
        assertThat(renderer.plain(TemplateKey.BUTTON_DECLINE, Language.RU, Map.of())).isEqualTo("❌ Не смогу");
    }

    @Test
    void everyValueIsHtmlEscaped() {
        String text = renderer.render(TemplateKey.APPROVED, Language.EN, Map.of(
                "candidate_name", "<script>alert(1)</script>", "slot_time", "Tue 14:00", "place", "Room \"A\" & B",
                "join_link", "https://meet.example/x?a=1&b=2", "recruiter_name", "<b>Olga</b>", "slot_duration", "30 min"));

        assertThat(text).contains("&lt;script&gt;alert(1)&lt;/script&gt;, your interview")
                .contains("Room &quot;A&quot; &amp; B")
                .contains("https://meet.example/x?a=1&amp;b=2")
                .contains("&lt;b&gt;Olga&lt;/b&gt;")
                .doesNotContain("<script>");
        assertThat(TemplateCatalog.markupProblem(text)).isNull();
    }

    @Test
    void linesWhosePlaceholdersAreAllEmptyAreLeftOut() {
        String text = renderer.render(TemplateKey.APPROVED, Language.EN, Map.of(
                "candidate_name", "Anna", "slot_time", "Tue 14:00", "slot_duration", "30 min",
                "join_link", "https://meet.example/x", "recruiter_name", "Olga"));

        assertThat(text).doesNotContain("📍").contains("🔗 https://meet.example/x");
    }

    @Test
    void overlongValuesAreCutSoTheMessageStillFits() {
        String text = renderer.render(TemplateKey.RECRUITER_MESSAGE, Language.RU,
                Map.of("recruiter_name", "Ольга", "message", "ы".repeat(10_000)));

        assertThat(TemplateCatalog.visibleLength(text)).isLessThanOrEqualTo(TemplateCatalog.MAX_MESSAGE_LENGTH);
        assertThat(text).endsWith("…");
    }

    @Test
    void savedVersionBecomesActiveAndIsRenderedWithEscaping() {
        templates.save(TestCallers.admin("olga"), "confirmed_thanks", Language.RU, "Спасибо, {candidate_name}! До встречи в <b>{slot_time}</b>.");

        String text = renderer.render(TemplateKey.CONFIRMED_THANKS, Language.RU,
                Map.of("candidate_name", "Ann & Co", "slot_time", "14:30"));

        assertThat(text).isEqualTo("Спасибо, Ann &amp; Co! До встречи в <b>14:30</b>.");
        assertThat(renderer.render(TemplateKey.CONFIRMED_THANKS, Language.EN, Map.of("slot_time", "2 pm")))
                .isEqualTo("Thank you for confirming! See you at <b>2 pm</b>.");
    }

    @Test
    void unknownPlaceholderIsRefusedAtSaveTime() {
        assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "confirmed_thanks", Language.RU, "До встречи, {candidate_nmae}!"))
                .isInstanceOfSatisfying(TemplateRejected.class, e -> {
                    assertThat(e.problems()).extracting(TemplateProblem::kind).containsExactly(TemplateProblem.Kind.UNKNOWN_PLACEHOLDER);
                    assertThat(e.problems().get(0).detail()).contains("{candidate_nmae}").contains("candidate_name");
                    assertThat(e.messageKey()).isEqualTo("template.error.unknown_placeholder");
                });
        assertThat(templates.versions("confirmed_thanks", Language.RU)).extracting(TemplateVersion::version).containsExactly(0);
    }

    @Test
    void textOverTelegramsLimitWithTheLongestValuesIsRefusedAtSaveTime() {
        String filler = "х".repeat(3_000);

        assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "recruiter_message", Language.RU, filler + "\n{message}"))
                .isInstanceOfSatisfying(TemplateRejected.class, e ->
                        assertThat(e.problems()).extracting(TemplateProblem::kind).containsExactly(TemplateProblem.Kind.TOO_LONG));
        assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "help", Language.EN, "y".repeat(4_097)))
                .isInstanceOf(TemplateRejected.class);
        templates.save(TestCallers.admin("olga"), "help", Language.EN, "<b>" + "y".repeat(4_096) + "</b>");
    }

    @Test
    void markupTelegramWouldRefuseIsRefusedAtSaveTime() {
        for (String bad : List.of("<b>open", "a < b", "x & y", "<div>x</div>", "<b><i>x</b></i>", "<a>link</a>", "1 > 0")) {
            assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "help", Language.EN, bad))
                    .as(bad)
                    .isInstanceOfSatisfying(TemplateRejected.class, e ->
                            assertThat(e.problems()).extracting(TemplateProblem::kind).containsExactly(TemplateProblem.Kind.BAD_MARKUP));
        }
        templates.save(TestCallers.admin("olga"), "help", Language.EN, "<a href=\"https://x.example\">x</a> &lt;3 &amp; <i>ok</i>");
    }

    @Test
    void emptyTextAndUnknownKeysAreRefused() {
        assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "help", Language.EN, "  ")).isInstanceOf(TemplateRejected.class);
        assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "no_such_key", Language.EN, "hi")).isInstanceOf(TemplateRejected.class);
        assertThatThrownBy(() -> templates.save(TestCallers.admin("olga"), "button_confirm", Language.EN, "✅".repeat(65))).isInstanceOf(TemplateRejected.class);
    }

    @Test
    void versionsAreKeptAndRevertSavesTheOldTextAsANewVersion() {
        templates.save(TestCallers.admin("olga"), "help", Language.RU, "Первая версия");
        clock.advance(Duration.ofMinutes(5));
        templates.save(TestCallers.admin("ivan"), "help", Language.RU, "Вторая версия");
        templates.save(TestCallers.admin("ivan"), "help", Language.RU, "Вторая версия");

        TemplateVersion reverted = templates.revert(TestCallers.admin("olga"), "help", Language.RU, 1);

        assertThat(reverted.version()).isEqualTo(3);
        assertThat(reverted.revertedFrom()).isEqualTo(1);
        assertThat(renderer.render(TemplateKey.HELP, Language.RU, Map.of())).isEqualTo("Первая версия");
        List<TemplateVersion> versions = templates.versions("help", Language.RU);
        assertThat(versions).extracting(TemplateVersion::version).containsExactly(3, 2, 1, 0);
        assertThat(versions).extracting(TemplateVersion::author).containsExactly("olga", "ivan", "olga", null);
        assertThat(versions).extracting(TemplateVersion::active).containsExactly(true, false, false, false);
        assertThat(versions.get(1).savedAt()).isEqualTo(clock.instant());
        assertThat(versions.get(3).isBuiltIn()).isTrue();

        templates.revert(TestCallers.admin("olga"), "help", Language.RU, 0);
        assertThat(renderer.render(TemplateKey.HELP, Language.RU, Map.of())).isEqualTo(catalog.defaultText(TemplateKey.HELP, Language.RU));
        assertThat(templates.versions("help", Language.EN)).extracting(TemplateVersion::version).containsExactly(0);
    }

    @Test
    void renderedMessageIsAcceptedByTheBotApiAsHtml() {
        try (FakeBotApi fake = FakeBotApi.start();
             BotGateway gateway = new BotGateway(fake.validToken(), fake.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            OutgoingMessage message = renderer.message(501, TemplateKey.REJECTED, Language.RU,
                    Map.of("candidate_name", "<Анна>", "reason"," Слот отменён"), null);

            assertThat(gateway.send(message).outcome()).isEqualTo(dev.recruitdesk.delivery.SendResult.Outcome.SENT);
            assertThat(fake.messagesTo(501).get(0).parseMode()).isEqualTo("HTML");
            assertThat(fake.messagesTo(501).get(0).text()).contains("&lt;Анна&gt;");
        }
    }
}
