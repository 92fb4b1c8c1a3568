package dev.recruitdesk.ui.shell;

import dev.recruitdesk.ui.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * What the window shows in its first frame, while the shell ({@code Shell.fxml}) is built: the shell's frame drawn
 * without controls or stylesheets (sidebar with the brand, "Opening the database…", the status bar), in the theme's
 * colours. The shell replaces it in the same window a moment later (ConsoleApp). Controls cost their first CSS
 * pass against the theme's stylesheet, about 0.15 s on the 2-core machine, before any window could show; plain
 * regions and text cost next to nothing (installer/bench-startup.sh).
 */
public final class StartupFrame {

    /** The AtlantaFX Primer colours the shell uses (app.css's looked-up colours), light and dark. */
    private record Palette(Color background, Color sidebar, Color border, Color accent, Color muted, Color text) {
    }

    private static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#d0d7de"),
            Color.web("#0969da"), Color.web("#57606a"), Color.web("#24292f"));
    private static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"),
            Color.web("#1f6feb"), Color.web("#8b949e"), Color.web("#c9d1d9"));

    /** The shell's sidebar width and paddings (app.css {@code .sidebar}, {@code .status-bar}). */
    private static final double SIDEBAR_WIDTH = 200;
    /** The height of the shell's loading progress indicator (AtlantaFX's default size). */
    private static final double INDICATOR_HEIGHT = 54;

    private StartupFrame() {
    }

    public static Parent build(I18n i18n, boolean dark) {
        Palette p = dark ? DARK : LIGHT;

        Text brand = text("RecruitDesk", FontWeight.BOLD, 20, p.accent());
        Text tagline = text(i18n.tr("app.tagline"), FontWeight.NORMAL, 13, p.muted());
        tagline.setWrappingWidth(SIDEBAR_WIDTH - 24);
        VBox sidebar = new VBox(6, brand, tagline);
        sidebar.setPadding(new Insets(18, 12, 12, 12));
        sidebar.setPrefWidth(SIDEBAR_WIDTH);
        sidebar.setMinWidth(SIDEBAR_WIDTH);
        sidebar.setBackground(fill(p.sidebar()));
        sidebar.setBorder(side(p.border(), new BorderWidths(0, 1, 0, 0)));

        // the shell's loading pane has its progress indicator above this line: the same room here, so the line
        // stays where it is when the shell takes over
        Region indicatorRoom = new Region();
        indicatorRoom.setMinHeight(INDICATOR_HEIGHT);
        indicatorRoom.setPrefHeight(INDICATOR_HEIGHT);
        VBox opening = new VBox(12, indicatorRoom, text(i18n.tr("startup.opening"), FontWeight.NORMAL, 15, p.text()));
        opening.setAlignment(Pos.CENTER);
        StackPane content = new StackPane(opening);
        content.setAlignment(Pos.CENTER);
        content.setBackground(fill(p.background()));

        HBox status = new HBox(text(i18n.tr("status.starting"), FontWeight.BOLD, 12, p.muted()));
        status.setPadding(new Insets(4, 12, 4, 12));
        status.setMinHeight(24);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setBackground(fill(p.sidebar()));
        status.setBorder(side(p.border(), new BorderWidths(1, 0, 0, 0)));

        BorderPane frame = new BorderPane(content, null, null, status, sidebar);
        frame.setId("startupFrame");
        frame.setBackground(fill(p.background()));
        return frame;
    }

    private static Text text(String value, FontWeight weight, double size, Color color) {
        Text t = new Text(value);
        t.setFont(Font.font(Font.getDefault().getFamily(), weight, size));
        t.setFill(color);
        return t;
    }

    private static Background fill(Color color) {
        return new Background(new BackgroundFill(color, null, null));
    }

    private static Border side(Color color, BorderWidths widths) {
        return new Border(new BorderStroke(color, BorderStrokeStyle.SOLID, null, widths));
    }
}
