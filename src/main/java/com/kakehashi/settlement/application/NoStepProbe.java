package com.kakehashi.settlement.application;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@DefaultBean
@ApplicationScoped
public class NoStepProbe implements SettlementStepProbe {
    @Override
    public void reached(String step, UUID batchId) {
        // production: nothing to do between steps
    }
}
