package dev.recruitdesk.ui.templates;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A message drawn like a Telegram chat bubble: the HTML subset as styled text runs, a time stamp in the corner, and
 * the inline keyboard as rounded buttons under the bubble. Style classes only (see Templates.css).
 */
final class ChatBubble {

    private ChatBubble() {
    }

    /** A bubble for a message ({@code html}) or a plain text, with its button rows. */
    static Node of(String text, boolean html, List<List<String>> buttons, String time) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("bubble-text");
        List<HtmlRuns.Run> runs = html ? HtmlRuns.parse(text) : List.of(new HtmlRuns.Run(text, false, false, false, false, false, false, false, null));
        for (HtmlRuns.Run run : runs) {
            Text t = new Text(run.text());
            t.getStyleClass().add("run");
            if (run.bold()) {
                t.getStyleClass().add("run-bold");
            }
            if (run.italic()) {
                t.getStyleClass().add("run-italic");
            }
            if (run.bold() && run.italic()) {
                t.getStyleClass().add("run-bold-italic");
            }
            if (run.code()) {
                t.getStyleClass().add("run-code");
            }
            if (run.spoiler()) {
                t.getStyleClass().add("run-spoiler");
            }
            if (run.link() != null) {
                t.getStyleClass().add("run-link");
            }
            t.setUnderline(run.underline() || run.link() != null);
            t.setStrikethrough(run.strike());
            flow.getChildren().add(t);
        }
        Label stamp = new Label(time);
        stamp.getStyleClass().add("bubble-time");
        HBox timeRow = new HBox(stamp);
        timeRow.setAlignment(Pos.CENTER_RIGHT);
        VBox bubble = new VBox(flow, timeRow);
        bubble.getStyleClass().add("chat-bubble");
        bubble.setMaxWidth(Region.USE_PREF_SIZE);

        VBox message = new VBox(bubble);
        message.getStyleClass().add("chat-message");
        for (List<String> row : buttons) {
            HBox keys = new HBox();
            keys.getStyleClass().add("inline-keyboard-row");
            for (String label : row) {
                Label key = new Label(label);
                key.getStyleClass().add("inline-button");
                key.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(key, Priority.ALWAYS);
                keys.getChildren().add(key);
            }
            message.getChildren().add(keys);
        }
        return message;
    }
}
