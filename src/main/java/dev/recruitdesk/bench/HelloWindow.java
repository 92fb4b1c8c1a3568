package dev.recruitdesk.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of the start-up benchmark: a bare JavaFX window of the console's size with one label. */
public class HelloWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Hello");
        stage.setScene(new Scene(new StackPane(new Label("Hello")), 1180, 760));
        stage.show();
        StartupProbe.watchFromShow("window", null);
    }
}
