package dev.recruitdesk.ui.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.TelegramTemplatePreviewer;
import dev.recruitdesk.booking.TemplateVersion;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.ui.AdminFixture;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Templates view model on a real H2 file with the bot's real renderer and rules. */
class TemplatesViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final String KEY = "reminder_confirm_2h";

    @TempDir
    Path tmp;
    private AdminFixture fx;
    private TemplatesViewModel vm;

    @BeforeEach
    void setUp() {
        fx = new AdminFixture(tmp, new MutableClock(NOW));
        TelegramTemplatePreviewer previewer = new TelegramTemplatePreviewer(fx.renderer, fx.clock, () -> "Анна Смирнова");
        vm = new TemplatesViewModel(fx.admin(previewer), TaskRunner.direct(), new I18n(Locale.ENGLISH));
        vm.start();
        vm.selectedKeyProperty().set(KEY);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void refusesAnUnknownPlaceholderInlineThenSavesAValidTextThatTheNextMessageUsesAndRestoresTheOldOne() {
        String builtIn = fx.catalog.defaultText(KEY, Language.RU).orElseThrow();
        assertThat(vm.draftProperty().get()).isEqualTo(builtIn);
        assertThat(vm.placeholders()).containsExactly("candidate_name", "slot_time");
        assertThat(vm.previewProperty().get().buttons()).containsExactly(List.of("✅ Подтверждаю", "❌ Не смогу"));

        vm.draftProperty().set("Привет, {candidate_nmae}! Ждём вас {slot_time}.");
        assertThat(vm.problems()).singleElement().asString().startsWith("Unknown placeholder {candidate_nmae}");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: fix the problems below.");
        assertThat(vm.problems()).singleElement().asString().contains("{candidate_nmae}");
        assertThat(fx.templates.versions(KEY, Language.RU)).extracting(TemplateVersion::version).containsExactly(0);

        String text = "<b>Сегодня</b> в {slot_time}, " + TemplatesViewModel.token("candidate_name") + ". Подтвердите, пожалуйста.";
        vm.draftProperty().set(text);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.previewProperty().get().text()).startsWith("<b>Сегодня</b> в ").contains(", Иван Петров. Подтвердите");
        assertThat(vm.previewProperty().get().html()).isTrue();
        assertThat(HtmlRuns.parse(vm.previewProperty().get().text()).get(0))
                .satisfies(run -> assertThat(run.text()).isEqualTo("Сегодня"))
                .satisfies(run -> assertThat(run.bold()).isTrue());
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved as version 1; new messages use it.");
        assertThat(vm.versions()).extracting(v -> v.version().version()).containsExactly(1, 0);
        assertThat(vm.versions().get(0).version().author()).isEqualTo("tester");
        assertThat(vm.versions().get(0).label()).startsWith("v1 · tester · ").endsWith("in use");

        // the next message composed uses the new text: a booking approved 90 minutes before gets the prompt at once
        long candidate = fx.candidate("Мария Иванова", 6_000_001L);
        long slot = fx.slots.create(TestCallers.ADMIN, fx.recruiter, NOW.plus(Duration.ofMinutes(90)), Duration.ofMinutes(30), "Офис").id();
        TestBookings.approve(fx.bookings, fx.bookings.request(slot, candidate, Actor.CANDIDATE).getId());
        List<OutboxMessage> prompts = fx.ops.list(MessageQuery.all().withKind("reminder_confirm_2h"));
        assertThat(prompts).singleElement().satisfies(m -> assertThat(m.getText()).startsWith("<b>Сегодня</b> в ")
                .contains("Мария Иванова. Подтвердите, пожалуйста."));

        TemplateVersion original = vm.versions().get(1).version();
        vm.revert(original);
        assertThat(vm.draftProperty().get()).isEqualTo(builtIn);
        assertThat(vm.versions()).extracting(v -> v.version().version()).containsExactly(2, 1, 0);
        assertThat(vm.versions().get(0).version().revertedFrom()).isZero();
        assertThat(fx.templates.activeText(KEY, Language.RU)).isEqualTo(builtIn);
    }

    @Test
    void showsBrokenMarkupAndEnglishTextsAndDiscardsEdits() {
        vm.languageProperty().set(Language.EN);
        String english = fx.catalog.defaultText(KEY, Language.EN).orElseThrow();
        assertThat(vm.draftProperty().get()).isEqualTo(english);

        vm.draftProperty().set("<b>Today at {slot_time}");
        assertThat(vm.problems()).singleElement().asString().startsWith("HTML problem: <b> is never closed");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.discard();
        assertThat(vm.draftProperty().get()).isEqualTo(english);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }
}
