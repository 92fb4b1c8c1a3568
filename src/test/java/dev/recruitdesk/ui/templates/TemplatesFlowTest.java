package dev.recruitdesk.ui.templates;

import static dev.recruitdesk.ui.ConsoleHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.booking.TemplateVersion;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.ui.ConsoleFlowTest;
import dev.recruitdesk.ui.templates.TemplatesViewModel.VersionRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Templates screen on the whole console: a draft with an unknown placeholder is refused inline and saves
 * nothing; a valid draft updates the chat-bubble preview, is saved, and the next approval sent through the sandbox
 * Telegram uses it; restoring the built-in version from the history brings the old text back to the next message.
 */
class TemplatesFlowTest extends ConsoleFlowTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
    private static final String KEY = "approved";

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    @Test
    void anEditedTemplateIsCheckedPreviewedUsedByTheNextMessageAndTheOldVersionCanBeRestored(FxRobot robot) throws Exception {
        String builtIn = console.backend.templates().activeText(KEY, Language.RU);
        robot.clickOn("#navTemplates");
        await(() -> robot.lookup("#keyList").tryQuery().isPresent());
        robot.interact(() -> keyList(robot).scrollTo(KEY));
        robot.clickOn(cell(robot, "#keyList", KEY));
        await(() -> KEY.equals(robot.lookup("#keyTitle").queryAs(Label.class).getText()) && editor(robot).getText().equals(builtIn));

        replaceText(robot, "{candidate_name}: {passport_number}");
        await(() -> !problems(robot).isEmpty());
        assertThat(problems(robot)).anySatisfy(p -> assertThat(p).contains("Unknown placeholder").contains("passport_number"));
        robot.clickOn("#saveButton");
        await(() -> robot.lookup("#saveMessage").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#saveMessage").queryAs(Label.class).getText()).isEqualTo("Not saved: fix the problems below.");
        assertThat(console.backend.templates().versions(KEY, Language.RU)).hasSize(1);
        assertThat(console.backend.templates().activeText(KEY, Language.RU)).isEqualTo(builtIn);

        String edited = "{candidate_name}, welcome! <b>{slot_time}</b>: {join_link}";
        replaceText(robot, edited);
        await(() -> problems(robot).isEmpty() && bubbleText(robot).contains(", welcome! "));
        assertThat(bubbleText(robot)).doesNotContain("{").contains("https://");
        robot.clickOn("#saveButton");
        await(() -> robot.lookup("#saveMessage").queryAs(Label.class).getText().startsWith("Saved as version"));
        assertThat(console.backend.templates().activeText(KEY, Language.RU)).isEqualTo(edited);

        FakeMessage first = approveFor("Мария Иванова", 7_400_001L, Duration.ofDays(2));
        assertThat(first.text()).startsWith("Мария Иванова, welcome! <b>").contains("</b>: https://meet.example/rd");

        await(() -> versionList(robot).getItems().size() == 2);
        VersionRow builtInRow = versionList(robot).getItems().stream().filter(r -> r.version().isBuiltIn()).findFirst().orElseThrow();
        robot.clickOn(cell(robot, "#versionList", builtInRow));
        waitForToastsToHide(robot);
        robot.clickOn("#revertButton");
        await(() -> robot.lookup("#saveMessage").queryAs(Label.class).getText().endsWith("restored.")
                && editor(robot).getText().equals(builtIn));
        assertThat(console.backend.templates().activeText(KEY, Language.RU)).isEqualTo(builtIn);
        List<TemplateVersion> versions = console.backend.templates().versions(KEY, Language.RU);
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).author()).isEqualTo(console.admin.consoleUser());

        FakeMessage second = approveFor("Павел Волков", 7_400_002L, Duration.ofDays(3));
        assertThat(second.text()).doesNotContain("welcome!").startsWith("Павел Волков, ");
        List<String> lines = builtIn.lines().toList();
        assertThat(second.text()).startsWith(lines.get(0).replace("{candidate_name}", "Павел Волков")).endsWith(lines.get(lines.size() - 1));
    }

    /** Selects the editor's text and types {@code text} over it, as a recruiter would. */
    private static void replaceText(FxRobot robot, String text) {
        robot.clickOn("#editor");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    /** A candidate books a slot and the recruiter approves: the approval Telegram received. */
    private FakeMessage approveFor(String name, long chat, Duration ahead) throws Exception {
        long candidate = console.services.candidates().create(console.services.caller(), name, "Europe/Moscow", null, null).getId();
        console.backend.database().run(s -> s.find(Candidate.class, candidate).bindTelegram(chat, chat, null));
        long slot = console.services.slots().create(console.services.caller(), console.services.recruiterId(), NOW.plus(ahead), Duration.ofMinutes(30),
                "https://meet.example/rd").id();
        long booking = console.services.bookings().request(slot, candidate, Actor.CANDIDATE).getId();
        TestBookings.approve(console.services.bookings(), booking);
        await(() -> console.telegram.messagesTo(chat).size() == 1);
        return console.telegram.messagesTo(chat).get(0);
    }

    /** The toast of a new booking covers the bottom-right corner (and the Restore button) for a few seconds. */
    private static void waitForToastsToHide(FxRobot robot) throws Exception {
        await(() -> robot.lookup(".toast").tryQuery().isEmpty());
    }

    private static List<String> problems(FxRobot robot) {
        return robot.lookup("#problemList .field-error").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String bubbleText(FxRobot robot) {
        return robot.lookup(".chat-bubble .run").queryAllAs(Text.class).stream().map(Text::getText).collect(Collectors.joining());
    }

    private static TextArea editor(FxRobot robot) {
        return robot.lookup("#editor").queryAs(TextArea.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<String> keyList(FxRobot robot) {
        return robot.lookup("#keyList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<VersionRow> versionList(FxRobot robot) {
        return robot.lookup("#versionList").queryAs(ListView.class);
    }

    private static Node cell(FxRobot robot, String list, Object item) {
        return robot.lookup(list + " .list-cell").queryAll().stream()
                .filter(n -> item.equals(((ListCell<?>) n).getItem())).findFirst().orElseThrow();
    }
}
