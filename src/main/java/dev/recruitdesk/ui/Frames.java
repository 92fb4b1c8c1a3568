package dev.recruitdesk.ui;

import javafx.animation.AnimationTimer;

/** Waiting for the screen to catch up, on the FX thread. */
public final class Frames {

    private Frames() {
    }

    /**
     * Runs {@code then} on the FX thread once the next frame was drawn: at the pulse after the next one (a pulse
     * lays out and renders what changed before it; an animation timer runs at a pulse's start).
     */
    public static void afterNextFrame(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
