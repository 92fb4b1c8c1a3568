package dev.recruitdesk.ui.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.VLineTo;

/**
 * The week as a days × hours grid drawn with plain nodes: one {@link Path} for all lines; a block tall enough for
 * text gets a pooled block node (reused on every refresh), a smaller one becomes a rectangle in one {@link Path} per
 * state; only blocks inside the scroll viewport are drawn (virtualised). Hit testing is by geometry, not by node, so a
 * week of thousands of slots costs a handful of nodes and redraws in a frame. Dragging on empty space draws a new slot; dragging a movable block moves
 * it, its lower edge resizes it; everything snaps to 15 minutes. The grid only reports gestures; the view model
 * decides what they do.
 */
final class WeekGrid extends Region {

    static final double HOUR_HEIGHT = 44;
    static final double GUTTER = 58;
    static final int SNAP = 15;
    private static final double RESIZE_EDGE = 6;
    private static final double OVERSCAN = 200;
    private static final double MIN_LABEL_HEIGHT = 15;
    /** At most this many block nodes; beyond it blocks are drawn as rectangles only. */
    private static final int MAX_NODES = 400;
    private static final List<String> STATES = List.of("state-open", "state-requested", "state-approved", "state-confirmed",
            "state-declined", "state-closed", "state-past");

    /** Gestures the grid reports. */
    interface Listener {
        void selected(CalendarBlock block);

        void drew(int day, int startMinute, int minutes);

        void dragged(CalendarBlock block, int day, int startMinute, int minutes);

        void cleared();
    }

    /** A block on screen: reused for whatever block lands on it next. */
    private static final class BlockNode extends Region {
        private final Label title = new Label();
        private final Label time = new Label();
        private CalendarBlock block;
        private String stateStyle;
        private boolean selected;
        private boolean oneLine;
        private CalendarBlock textsFor;

        BlockNode() {
            // placed by the grid; the layer (a Pane) must not resize it to its preferred size
            setManaged(false);
            getStyleClass().add("cal-block");
            title.getStyleClass().add("cal-block-title");
            time.getStyleClass().add("cal-block-time");
            title.setManaged(false);
            time.setManaged(false);
            getChildren().addAll(time, title);
        }

        void show(CalendarBlock b, boolean isSelected) {
            if (b != block) {
                block = b;
                if (!b.stateStyle().equals(stateStyle)) {
                    if (stateStyle != null) {
                        getStyleClass().remove(stateStyle);
                    }
                    getStyleClass().add(b.stateStyle());
                    stateStyle = b.stateStyle();
                }
                setId("block-" + b.id());
                title.setText(b.title());
            }
            if (isSelected != selected) {
                selected = isSelected;
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), isSelected);
            }
        }

        /** Out of use: invisible and nameless, so no lookup finds a stale block. */
        void hide() {
            setVisible(false);
            setId(null);
            block = null;
            textsFor = null;
        }

        void place(double x, double y, double w, double h) {
            resizeRelocate(x, y, w, h);
            boolean roomForTime = h >= MIN_LABEL_HEIGHT;
            boolean roomForTitle = h >= MIN_LABEL_HEIGHT * 2;
            if (roomForTitle == oneLine || textsFor != block) {
                // one line only: start time and who; the end is in the details
                oneLine = !roomForTitle;
                textsFor = block;
                time.setText(oneLine ? block.time() + "  " + block.title() : block.time());
            }
            time.setVisible(roomForTime);
            title.setVisible(roomForTitle);
            // hidden labels still count in the block's bounds: keep them inside it
            time.resizeRelocate(6, 1, Math.max(0, w - 8), roomForTime ? 14 : 0);
            title.resizeRelocate(6, roomForTitle ? 15 : 0, Math.max(0, w - 8), roomForTitle ? 16 : 0);
        }
    }

    private final Path lines = new Path();
    private final Path hourLines = new Path();
    private final Region todayColumn = new Region();
    private final Region nowLine = new Region();
    private final Pane hourLabels = new Pane();
    private final Pane blockLayer = new Pane();
    private final Pane ghost = new Pane();
    private final Label ghostLabel = new Label();
    private final List<BlockNode> pool = new ArrayList<>();
    private final java.util.Map<String, Path> fills = new java.util.HashMap<>();
    private final Region selection = new Region();
    private List<CalendarBlock> blocks = List.of();
    private CalendarBlock selectedBlock;
    private int todayIndex = -1;
    private int nowMinute = -1;
    private ScrollPane viewport;
    private double linesWidth = -1;
    private Listener listener;
    private boolean freshData;
    private long dataShownNanos;

    // the drawn-but-unpublished slot, or the block being dragged
    private int ghostDay = -1;
    private int ghostStart;
    private int ghostEnd;

    private enum Gesture { NONE, DRAW, MOVE, RESIZE }

    private Gesture gesture = Gesture.NONE;
    private CalendarBlock dragBlock;
    private double pressX;
    private double pressY;
    private int anchorDay;
    private int anchorMinute;
    private boolean dragging;

    WeekGrid() {
        getStyleClass().add("week-grid");
        setId("weekGrid");
        lines.getStyleClass().add("cal-lines");
        hourLines.getStyleClass().add("cal-hour-lines");
        todayColumn.getStyleClass().add("cal-today");
        nowLine.getStyleClass().add("cal-now");
        ghost.getStyleClass().add("cal-ghost");
        ghost.setId("calendarGhost");
        ghostLabel.getStyleClass().add("cal-ghost-label");
        ghostLabel.setManaged(false);
        ghost.getChildren().add(ghostLabel);
        for (Node n : new Node[] {lines, hourLines, todayColumn, nowLine, hourLabels, ghost}) {
            n.setManaged(false);
        }
        blockLayer.setManaged(false);
        blockLayer.setPickOnBounds(false);
        hourLabels.setMouseTransparent(true);
        lines.setMouseTransparent(true);
        hourLines.setMouseTransparent(true);
        todayColumn.setMouseTransparent(true);
        nowLine.setMouseTransparent(true);
        ghost.setMouseTransparent(true);
        ghost.setVisible(false);
        for (int h = 0; h < 24; h++) {
            Label l = new Label(String.format("%02d:00", h));
            l.getStyleClass().add("cal-hour");
            l.setManaged(false);
            hourLabels.getChildren().add(l);
        }
        Pane fillLayer = new Pane();
        fillLayer.setManaged(false);
        fillLayer.setMouseTransparent(true);
        for (String state : STATES) {
            Path p = new Path();
            p.getStyleClass().addAll("cal-fill", state);
            p.setManaged(false);
            fills.put(state, p);
            fillLayer.getChildren().add(p);
        }
        selection.getStyleClass().add("cal-selection");
        selection.setManaged(false);
        selection.setMouseTransparent(true);
        selection.setVisible(false);
        getChildren().addAll(todayColumn, hourLines, lines, hourLabels, nowLine, fillLayer, blockLayer, selection, ghost);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Only blocks inside this scroll pane's viewport get nodes; scrolling re-lays them out. */
    void attach(ScrollPane pane) {
        viewport = pane;
        pane.vvalueProperty().addListener((obs, old, now) -> requestLayout());
        pane.viewportBoundsProperty().addListener((obs, old, now) -> requestLayout());
    }

    /** New data: the blocks, today's column (−1 when not in this week) and now's minute on it. */
    void setBlocks(List<CalendarBlock> newBlocks, int today, int minuteNow) {
        blocks = newBlocks;
        freshData = true;
        todayIndex = today;
        nowMinute = minuteNow;
        if (gesture == Gesture.NONE && dragBlock == null) {
            ghostDay = -1;
        }
        dragBlock = null;
        requestLayout();
    }

    void setSelected(CalendarBlock block) {
        selectedBlock = block;
        requestLayout();
    }

    /** Shows a drawn slot waiting to be published, or hides it (day −1). */
    void showDrawn(int day, int startMinute, int minutes, String text) {
        if (gesture != Gesture.NONE) {
            return;
        }
        ghostDay = day;
        ghostStart = startMinute;
        ghostEnd = startMinute + minutes;
        ghostLabel.setText(text);
        requestLayout();
    }

    /** Scrolls so that {@code minute} of the day is at the top. */
    void scrollToMinute(int minute) {
        if (viewport == null) {
            return;
        }
        double contentHeight = prefHeight(-1);
        double viewHeight = viewport.getViewportBounds().getHeight();
        double range = contentHeight - viewHeight;
        viewport.setVvalue(range <= 0 ? 0 : Math.min(1, minute / 60.0 * HOUR_HEIGHT / range));
    }

    @Override
    protected double computePrefHeight(double width) {
        return 24 * HOUR_HEIGHT + 1;
    }

    @Override
    protected double computePrefWidth(double height) {
        return GUTTER + 7 * 120;
    }

    @Override
    protected double computeMinWidth(double height) {
        return GUTTER + 7 * 60;
    }

    private double columnWidth() {
        return Math.max(1, (getWidth() - GUTTER) / 7);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double colW = columnWidth();
        if (w != linesWidth) {
            drawLines(w, colW);
            linesWidth = w;
        }
        for (int h = 0; h < 24; h++) {
            Node l = hourLabels.getChildren().get(h);
            l.resizeRelocate(6, h * HOUR_HEIGHT - (h == 0 ? 0 : 8), GUTTER - 12, 16);
        }
        todayColumn.setVisible(todayIndex >= 0);
        nowLine.setVisible(todayIndex >= 0 && nowMinute >= 0);
        if (todayIndex >= 0) {
            todayColumn.resizeRelocate(GUTTER + todayIndex * colW, 0, colW, 24 * HOUR_HEIGHT);
            nowLine.resizeRelocate(GUTTER + todayIndex * colW - 4, y(nowMinute) - 1, colW + 4, 2);
        }
        layoutBlocks(colW);
        layoutGhost(colW);
        if (freshData) {
            freshData = false;
            dataShownNanos = System.nanoTime();
        }
    }

    /** {@link System#nanoTime()} when the latest data was laid out: for the benchmark. */
    long dataShownNanos() {
        return dataShownNanos;
    }

    private void drawLines(double w, double colW) {
        List<PathElement> hours = new ArrayList<>();
        List<PathElement> halves = new ArrayList<>();
        for (int h = 0; h <= 24; h++) {
            double y = Math.floor(h * HOUR_HEIGHT) + 0.5;
            hours.add(new MoveTo(GUTTER - 6, y));
            hours.add(new LineTo(w, y));
            if (h < 24) {
                double half = Math.floor(h * HOUR_HEIGHT + HOUR_HEIGHT / 2) + 0.5;
                halves.add(new MoveTo(GUTTER, half));
                halves.add(new LineTo(w, half));
            }
        }
        for (int d = 0; d <= 7; d++) {
            double x = Math.floor(GUTTER + d * colW) + 0.5;
            hours.add(new MoveTo(x, 0));
            hours.add(new LineTo(x, 24 * HOUR_HEIGHT));
        }
        lines.getElements().setAll(hours);
        hourLines.getElements().setAll(halves);
    }

    private void layoutBlocks(double colW) {
        double top = 0;
        double bottom = 24 * HOUR_HEIGHT;
        if (viewport != null && viewport.getViewportBounds().getHeight() > 0) {
            double viewHeight = viewport.getViewportBounds().getHeight();
            double range = Math.max(0, getHeight() - viewHeight);
            top = viewport.getVvalue() * range - OVERSCAN;
            bottom = top + viewHeight + 2 * OVERSCAN;
        }
        java.util.Map<String, List<PathElement>> rects = new java.util.HashMap<>();
        STATES.forEach(st -> rects.put(st, new ArrayList<>()));
        selection.setVisible(false);
        int used = 0;
        for (CalendarBlock b : blocks) {
            double[] r = rect(b, colW);
            if (r[1] + r[3] < top || r[1] > bottom) {
                continue;
            }
            boolean isSelected = selectedBlock != null && selectedBlock.id() == b.id();
            if (isSelected) {
                selection.setVisible(true);
                selection.resizeRelocate(r[0] - 1, r[1] - 1, r[2] + 2, r[3] + 2);
            }
            boolean dimmed = dragBlock != null && dragBlock.id() == b.id() && dragging;
            if (r[3] >= MIN_LABEL_HEIGHT && used < MAX_NODES && !dimmed) {
                BlockNode node;
                if (used < pool.size()) {
                    node = pool.get(used);
                } else {
                    node = new BlockNode();
                    pool.add(node);
                    blockLayer.getChildren().add(node);
                }
                used++;
                node.setVisible(true);
                node.show(b, isSelected);
                node.place(r[0], r[1], r[2], r[3]);
            } else if (!dimmed) {
                List<PathElement> e = rects.get(b.stateStyle());
                e.add(new MoveTo(r[0], r[1]));
                e.add(new HLineTo(r[0] + r[2]));
                e.add(new VLineTo(r[1] + r[3]));
                e.add(new HLineTo(r[0]));
                e.add(new ClosePath());
            }
        }
        for (int i = used; i < pool.size(); i++) {
            BlockNode n = pool.get(i);
            if (n.isVisible()) {
                n.hide();
            }
        }
        rects.forEach((state, elements) -> {
            Path p = fills.get(state);
            if (!(elements.isEmpty() && p.getElements().isEmpty())) {
                p.getElements().setAll(elements);
            }
        });
    }

    /** A block's rectangle in grid coordinates: x, y, width, height. */
    private static double[] rect(CalendarBlock b, double colW) {
        double y0 = y(b.startMinute());
        double y1 = y(b.endMinute());
        double laneW = (colW - 8) / b.lanes();
        double x = GUTTER + b.day() * colW + 2 + b.lane() * laneW;
        return new double[] {Math.floor(x), Math.floor(y0) + 1, Math.max(3, Math.floor(laneW) - 2), Math.max(3, Math.floor(y1 - y0) - 2)};
    }

    private void layoutGhost(double colW) {
        if (ghostDay < 0) {
            ghost.setVisible(false);
            return;
        }
        ghost.setVisible(true);
        double y0 = y(ghostStart);
        double y1 = y(ghostEnd);
        ghost.resizeRelocate(Math.floor(GUTTER + ghostDay * colW + 2), Math.floor(y0) + 1, Math.floor(colW - 6), Math.max(6, Math.floor(y1 - y0) - 2));
        ghostLabel.resizeRelocate(6, 2, Math.max(0, colW - 14), 16);
    }

    private static double y(int minute) {
        return minute / 60.0 * HOUR_HEIGHT;
    }

    /** Number of visible block nodes: for tests and the benchmark. */
    int visibleBlockNodes() {
        int n = 0;
        for (BlockNode b : pool) {
            if (b.isVisible()) {
                n++;
            }
        }
        return n;
    }

    List<CalendarBlock> blocks() {
        return blocks;
    }

    // ---- gestures ------------------------------------------------------------------------------------------

    private int dayAt(double x) {
        return (int) Math.max(0, Math.min(6, Math.floor((x - GUTTER) / columnWidth())));
    }

    private static int minuteAt(double y) {
        return (int) Math.max(0, Math.min(24 * 60, y / HOUR_HEIGHT * 60));
    }

    private static int snap(int minute) {
        return Math.round(minute / (float) SNAP) * SNAP;
    }

    private static int snapDown(int minute) {
        return minute / SNAP * SNAP;
    }

    /** The block under a point, by geometry (the topmost, i.e. the last drawn), and its rectangle. */
    private CalendarBlock blockAt(double x, double y) {
        double colW = columnWidth();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            double[] r = rect(blocks.get(i), colW);
            if (x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) {
                return blocks.get(i);
            }
        }
        return null;
    }

    private boolean onResizeEdge(CalendarBlock b, double y) {
        double[] r = rect(b, columnWidth());
        return b.movable() && r[3] >= 2 * RESIZE_EDGE && y >= r[1] + r[3] - RESIZE_EDGE;
    }

    private void hover(MouseEvent e) {
        CalendarBlock b = blockAt(e.getX(), e.getY());
        setCursor(b == null ? javafx.scene.Cursor.CROSSHAIR
                : onResizeEdge(b, e.getY()) ? javafx.scene.Cursor.S_RESIZE : b.movable() ? javafx.scene.Cursor.MOVE : javafx.scene.Cursor.HAND);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getX() < GUTTER) {
            return;
        }
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        dragging = false;
        CalendarBlock b = blockAt(e.getX(), e.getY());
        if (b != null) {
            dragBlock = b;
            gesture = !b.movable() ? Gesture.NONE : onResizeEdge(b, e.getY()) ? Gesture.RESIZE : Gesture.MOVE;
            anchorDay = b.day();
            anchorMinute = b.startMinute();
        } else {
            dragBlock = null;
            gesture = Gesture.DRAW;
            anchorDay = dayAt(e.getX());
            anchorMinute = snapDown(minuteAt(e.getY()));
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (gesture == Gesture.NONE) {
            return;
        }
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
            return;
        }
        dragging = true;
        switch (gesture) {
            case DRAW -> {
                int at = snap(minuteAt(e.getY()));
                int start = Math.min(anchorMinute, at);
                int end = Math.max(anchorMinute + SNAP, at);
                setGhost(anchorDay, start, Math.min(end, 24 * 60));
            }
            case MOVE -> {
                int length = dragBlock.row() == null ? 30 : (int) dragBlock.row().minutes();
                int delta = snap(minuteAt(e.getY()) - minuteAt(pressY));
                int start = Math.max(0, Math.min(24 * 60 - length, dragBlock.startMinute() + delta));
                int day = Math.max(0, Math.min(6, anchorDay + (int) Math.round((e.getX() - pressX) / columnWidth())));
                setGhost(day, start, start + length);
            }
            case RESIZE -> {
                int end = Math.max(dragBlock.startMinute() + SNAP, snap(minuteAt(e.getY())));
                setGhost(anchorDay, dragBlock.startMinute(), Math.min(end, 24 * 60));
            }
            default -> {
            }
        }
        e.consume();
    }

    private void setGhost(int day, int start, int end) {
        ghostDay = day;
        ghostStart = start;
        ghostEnd = end;
        ghostLabel.setText(hhmm(start) + " – " + hhmm(end));
        requestLayout();
    }

    private static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60 % 24, minute % 60);
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Gesture done = gesture;
        gesture = Gesture.NONE;
        CalendarBlock block = dragBlock;
        if (listener == null) {
            return;
        }
        if (!dragging) {
            dragBlock = null;
            ghostDay = -1;
            requestLayout();
            if (block != null) {
                listener.selected(block);
            } else if (done == Gesture.DRAW) {
                listener.cleared();
            }
            return;
        }
        dragging = false;
        int day = ghostDay;
        int start = ghostStart;
        int minutes = ghostEnd - ghostStart;
        if (done == Gesture.DRAW) {
            listener.drew(day, start, minutes);
        } else if (block != null) {
            // the ghost stays where it was dropped until the next data arrives
            listener.dragged(block, day, start, minutes);
        }
        e.consume();
    }

    /** Test seam: the screen position of a minute of a day column, in this grid's coordinates. */
    double[] pointOf(int day, int minute) {
        return new double[] {GUTTER + day * columnWidth() + columnWidth() / 2, y(minute)};
    }

    static int dayIndex(LocalDate monday, LocalDate day) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(monday, day);
    }
}
