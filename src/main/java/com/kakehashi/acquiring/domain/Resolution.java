package com.kakehashi.acquiring.domain;

import java.util.Optional;
import org.javamoney.moneta.Money;

/** What an acquirer says a merchant code pays: its merchant, and for a dynamic code the amount. */
public record Resolution(String network, AcquiredMerchant merchant, String currency, Optional<Money> amount) {}
