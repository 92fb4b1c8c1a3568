package dev.recruitdesk.ui.dashboard;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.booking.BookingFact;
import dev.recruitdesk.booking.DashboardCalculator.Dashboard;
import dev.recruitdesk.booking.DashboardCalculator.DeliveryDay;
import dev.recruitdesk.booking.DashboardCalculator.Figure;
import dev.recruitdesk.booking.DashboardCalculator.Rate;
import dev.recruitdesk.booking.DashboardCalculator.WeekRates;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.SaveFileDialog;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Dashboard's controller: draws the figures as lists and charts; every figure opens the bookings behind it. */
public class DashboardView {

    private final DashboardViewModel model;
    private final I18n i18n;
    private final SaveFileDialog saveDialog;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button refreshButton;
    @FXML private Label loadError;
    @FXML private VBox todayList;
    @FXML private VBox tomorrowList;
    @FXML private VBox actionList;
    @FXML private Button medianButton;
    @FXML private BarChart<String, Number> funnelChart;
    @FXML private LineChart<String, Number> showUpChart;
    @FXML private BarChart<String, Number> confirmationChart;
    @FXML private BarChart<Number, String> reminderChart;
    @FXML private StackedBarChart<String, Number> deliveryChart;
    @FXML private DatePicker exportFromField;
    @FXML private DatePicker exportToField;
    @FXML private Button exportButton;
    @FXML private Label exportMessage;

    public DashboardView(DashboardViewModel model, I18n i18n, SaveFileDialog saveDialog) {
        this.model = model;
        this.i18n = i18n;
        this.saveDialog = saveDialog;
    }

    @FXML
    private void initialize() {
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        FieldErrors.show(loadError, model.errorProperty());
        model.dashboardProperty().addListener((o, a, d) -> show(d));
        exportFromField.valueProperty().bindBidirectional(model.exportFromProperty());
        exportToField.valueProperty().bindBidirectional(model.exportToProperty());
        exportButton.disableProperty().bind(model.exportingProperty());
        exportMessage.textProperty().bind(model.exportMessageProperty());
        exportMessage.visibleProperty().bind(model.exportMessageProperty().isNotEmpty());
        exportMessage.managedProperty().bind(exportMessage.visibleProperty());
        for (var chart : List.of(funnelChart, showUpChart, confirmationChart, reminderChart, deliveryChart)) {
            chart.setAnimated(false);
        }
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
        model.refresh();
    }

    private void show(Dashboard d) {
        if (d == null) {
            return;
        }
        fill(todayList, d.today(), "dashboard.today.none");
        fill(tomorrowList, d.tomorrow(), "dashboard.tomorrow.none");
        actionList.getChildren().clear();
        for (Figure f : d.actions()) {
            Button b = figureButton("action-" + f.key(), i18n.tr("dashboard.action." + f.key(), f.value()), f.bookingIds(),
                    i18n.tr("dashboard.action." + f.key(), f.value()));
            b.getStyleClass().add(f.value() == 0 ? "action-clear" : "action-open");
            actionList.getChildren().add(b);
        }
        medianButton.setText(model.duration(d.medianApproval()));
        medianButton.setOnAction(e -> drill(i18n.tr("dashboard.median"), d.approvals().bookingIds()));

        XYChart.Series<String, Number> funnel = new XYChart.Series<>();
        funnel.setName(i18n.tr("dashboard.funnel"));
        for (Figure f : d.funnel()) {
            add(funnel, i18n.tr("dashboard.funnel." + f.key()), f.value(), f.bookingIds(), i18n.tr("dashboard.funnel." + f.key()));
        }
        funnelChart.getData().setAll(List.of(funnel));

        XYChart.Series<String, Number> showUp = new XYChart.Series<>();
        showUp.setName(i18n.tr("dashboard.rate.show_up"));
        XYChart.Series<String, Number> noShow = new XYChart.Series<>();
        noShow.setName(i18n.tr("dashboard.rate.no_show"));
        DateTimeFormatter week = DateTimeFormatter.ofPattern("d MMM", i18n.locale());
        for (WeekRates w : d.weeks()) {
            if (w.showUp().whole().isEmpty()) {
                continue;
            }
            String label = week.format(w.monday());
            add(showUp, label, percent(w.showUp()), w.showUp().whole(), i18n.tr("dashboard.rate.week", label));
            add(noShow, label, percent(w.noShow()), w.noShow().part(), i18n.tr("dashboard.rate.no_show") + " · " + label);
        }
        showUpChart.getData().setAll(List.of(showUp, noShow));

        confirmationChart.getData().setAll(List.of(rates(d.byConfirmation(), "dashboard.confirmation.")));
        reminderChart.getData().setAll(List.of(ratesSideways(d.byReminders(), "dashboard.reminders.")));

        XYChart.Series<String, Number> sent = new XYChart.Series<>();
        sent.setName(i18n.tr("dashboard.delivery.sent"));
        XYChart.Series<String, Number> failed = new XYChart.Series<>();
        failed.setName(i18n.tr("dashboard.delivery.failed"));
        XYChart.Series<String, Number> ambiguous = new XYChart.Series<>();
        ambiguous.setName(i18n.tr("dashboard.delivery.ambiguous"));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d", i18n.locale());
        for (DeliveryDay dd : d.delivery()) {
            String label = day.format(dd.day());
            sent.getData().add(new XYChart.Data<>(label, dd.sent()));
            failed.getData().add(new XYChart.Data<>(label, dd.failed()));
            ambiguous.getData().add(new XYChart.Data<>(label, dd.ambiguous()));
        }
        deliveryChart.getData().setAll(List.of(sent, failed, ambiguous));
    }

    private XYChart.Series<String, Number> rates(List<Rate> rates, String prefix) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(i18n.tr("dashboard.rate.show_up"));
        for (Rate r : rates) {
            String label = groupLabel(prefix, r.key()) + " (" + r.whole().size() + ")";
            add(series, label, percent(r), r.whole(), label);
        }
        return series;
    }

    /**
     * Show-up rates as bars lying down: the reminder groups' names ("Day before + 2-h prompt (4)") are too long to
     * stand under a third of the window, where JavaFX would turn them upright and squeeze the plot.
     */
    private XYChart.Series<Number, String> ratesSideways(List<Rate> rates, String prefix) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName(i18n.tr("dashboard.rate.show_up"));
        for (Rate r : rates) {
            String label = groupLabel(prefix, r.key()) + " (" + r.whole().size() + ")";
            XYChart.Data<Number, String> data = new XYChart.Data<>(percent(r), label);
            data.nodeProperty().addListener((o, a, node) -> clickable(node, label, r.whole()));
            series.getData().add(data);
        }
        return series;
    }

    private String groupLabel(String prefix, String key) {
        if (!prefix.equals("dashboard.reminders.") || key.equals("none")) {
            return i18n.tr(prefix + key);
        }
        List<String> parts = new ArrayList<>();
        for (String kind : key.split("\\+")) {
            parts.add(i18n.tr(prefix + kind));
        }
        return String.join(" + ", parts);
    }

    private static double percent(Rate r) {
        return Math.round(r.value() * 1000) / 10.0;
    }

    private void add(XYChart.Series<String, Number> series, String x, Number y, List<Long> ids, String title) {
        XYChart.Data<String, Number> data = new XYChart.Data<>(x, y);
        data.nodeProperty().addListener((o, a, node) -> clickable(node, title, ids));
        series.getData().add(data);
    }

    private void clickable(Node node, String title, List<Long> ids) {
        if (node != null) {
            node.getStyleClass().add("drill-down");
            node.setOnMouseClicked(e -> drill(title, ids));
        }
    }

    private void fill(VBox list, List<BookingFact> bookings, String emptyKey) {
        list.getChildren().clear();
        if (bookings.isEmpty()) {
            Label none = new Label(i18n.tr(emptyKey));
            none.getStyleClass().add("empty-hint");
            list.getChildren().add(none);
        }
        for (BookingFact f : bookings) {
            Button b = new Button(model.describe(f));
            b.setId("interview-" + f.bookingId());
            b.getStyleClass().addAll("interview-item", "flat", "state-" + stateClass(f.status()));
            b.setMaxWidth(Double.MAX_VALUE);
            // a card is a third of the window: the line wraps rather than hiding the booking's state
            b.setWrapText(true);
            b.setOnAction(e -> drill(model.describe(f), List.of(f.bookingId())));
            list.getChildren().add(b);
        }
    }

    private static String stateClass(BookingStatus s) {
        return switch (s) {
            case REQUESTED -> "requested";
            case APPROVED -> "approved";
            case CONFIRMED, ATTENDED, PASSED, FAILED -> "confirmed";
            default -> "closed";
        };
    }

    private Button figureButton(String id, String text, List<Long> ids, String title) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("figure-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> drill(title, ids));
        return b;
    }

    /** The bookings behind a figure, in a dialog. */
    private void drill(String title, List<Long> ids) {
        ListView<String> list = new ListView<>();
        list.setId("drillDownList");
        list.getItems().setAll(model.bookings(ids).stream().map(model::describe).toList());
        list.setPlaceholder(new Label(i18n.tr("dashboard.drill.none")));
        list.setPrefSize(460, 300);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(i18n.tr("dashboard.drill.header", title, ids.size()));
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.initOwner(root.getScene().getWindow());
        dialog.show();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void export() {
        saveDialog.ask(root.getScene().getWindow(), i18n.tr("dashboard.export"),
                "bookings-" + model.exportFromProperty().get() + "-" + model.exportToProperty().get() + ".csv", "csv")
                .ifPresent(model::exportCsv);
    }
}
