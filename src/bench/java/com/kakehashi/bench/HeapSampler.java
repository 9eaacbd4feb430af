package com.kakehashi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The most heap in use at any moment of a run, sampled every 5 ms (per-pool peaks would add up unrelated moments). */
public final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public static HeapSampler start() {
        return new HeapSampler();
    }

    /** @return the peak heap in use, in bytes */
    public long stop() throws InterruptedException {
        running = false;
        thread.join();
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }
}
