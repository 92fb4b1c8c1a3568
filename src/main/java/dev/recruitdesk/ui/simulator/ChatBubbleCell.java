package dev.recruitdesk.ui.simulator;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A chat bubble like Telegram's: the bot's on the left with its inline buttons below, the candidate's on the right. */
final class ChatBubbleCell extends ListCell<ChatEntry> {

    private final BiConsumer<ChatEntry, SandboxChat.Button> onPress;

    ChatBubbleCell(BiConsumer<ChatEntry, SandboxChat.Button> onPress) {
        this.onPress = onPress;
        getStyleClass().add("chat-cell");
    }

    @Override
    protected void updateItem(ChatEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        Label text = new Label(entry.text());
        text.setWrapText(true);
        text.setMaxWidth(396);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("bubble-text");
        VBox bubble = new VBox(6, text);
        bubble.getStyleClass().addAll("bubble", entry.fromBot() ? "bot-bubble" : "my-bubble");
        bubble.setMaxWidth(420);
        if (entry.fromBot()) {
            for (List<SandboxChat.Button> row : entry.buttons()) {
                HBox buttons = new HBox(4);
                for (SandboxChat.Button b : row) {
                    Button button = new Button(b.text());
                    button.getStyleClass().add("inline-button");
                    button.setMaxWidth(Double.MAX_VALUE);
                    HBox.setHgrow(button, Priority.ALWAYS);
                    button.setOnAction(e -> onPress.accept(entry, b));
                    buttons.getChildren().add(button);
                }
                bubble.getChildren().add(buttons);
            }
        }
        HBox line = new HBox(bubble);
        line.setAlignment(entry.fromBot() ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        line.setPrefWidth(0);
        line.setMinWidth(0);
        line.maxWidthProperty().bind(getListView().widthProperty().subtract(28));
        setGraphic(line);
    }
}
