package dev.recruitdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.ui.I18n;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window's first frame: the shell's outline in the user's language and theme, with no control in it. */
@ExtendWith(ApplicationExtension.class)
class StartupFrameTest {

    @Test
    void showsTheBrandAndWhatIsHappeningInTheUsersLanguage() {
        Parent frame = StartupFrame.build(new I18n(Locale.forLanguageTag("ru")), false);
        assertThat(texts(frame)).containsExactlyInAnyOrder("RecruitDesk", "Запись на собеседования",
                "Открываем базу данных…", "Запуск…");
        assertThat(frame.getId()).isEqualTo("startupFrame");
    }

    @Test
    void hasNoControlsSoItsFrameCostsNoStylesheetPass() {
        Parent frame = StartupFrame.build(new I18n(Locale.ENGLISH), false);
        assertThat(all(frame)).noneMatch(Control.class::isInstance);
    }

    @Test
    void followsTheThemeAndTheShellsSidebarWidth() {
        BorderPane light = (BorderPane) StartupFrame.build(new I18n(Locale.ENGLISH), false);
        BorderPane dark = (BorderPane) StartupFrame.build(new I18n(Locale.ENGLISH), true);
        assertThat(fill(light)).isEqualTo(Color.web("#ffffff"));
        assertThat(fill(dark)).isEqualTo(Color.web("#0d1117"));
        assertThat(((Region) light.getLeft()).getPrefWidth()).isEqualTo(200); // app.css .sidebar -fx-pref-width
    }

    private static Color fill(Region region) {
        return (Color) region.getBackground().getFills().get(0).getFill();
    }

    private static List<String> texts(Parent root) {
        return all(root).stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText()).toList();
    }

    private static List<Node> all(Node node) {
        List<Node> out = new java.util.ArrayList<>();
        out.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> out.addAll(all(child)));
        }
        return out;
    }
}
