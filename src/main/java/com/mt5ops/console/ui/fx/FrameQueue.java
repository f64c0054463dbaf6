package com.mt5ops.console.ui.fx;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Runs work handed over from other threads on the FX thread, at most one task per frame (pulse), so a burst
 * of updates can never starve rendering. Its {@link #submit} is the hop given to producers.
 */
public final class FrameQueue implements Consumer<Runnable> {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable task = tasks.poll();
            if (task != null) {
                task.run();
            }
        }
    };

    /** Starts draining; call on the FX thread. */
    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    @Override
    public void accept(Runnable task) {
        tasks.add(task);
    }
}
