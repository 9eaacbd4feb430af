package com.kakehashi.support;

import com.kakehashi.settlement.domain.PayoutReturned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands where settlement will observe returned payouts: records what reconciliation announced. */
@ApplicationScoped
public class ReturnedPayouts {
    private final List<PayoutReturned> seen = new CopyOnWriteArrayList<>();

    void on(@Observes PayoutReturned event) {
        seen.add(event);
    }

    public List<PayoutReturned> of(String bankId) {
        return seen.stream().filter(e -> e.bankId().equals(bankId)).toList();
    }
}
