package com.kakehashi.support;

import com.kakehashi.settlement.application.SettlementStepProbe;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** In tests: simulates the process dying at a named step, once, when armed. Unarmed it does nothing. */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingStepProbe implements SettlementStepProbe {
    private final AtomicReference<String> armedAt = new AtomicReference<>();

    public void crashOnceAt(String step) {
        armedAt.set(step);
    }

    public void disarm() {
        armedAt.set(null);
    }

    @Override
    public void reached(String step, UUID batchId) {
        String armed = armedAt.get();
        if (step.equals(armed) && armedAt.compareAndSet(armed, null)) {
            throw new SimulatedCrash(step);
        }
    }

    public static class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String step) {
            super("simulated crash at " + step);
        }
    }
}
