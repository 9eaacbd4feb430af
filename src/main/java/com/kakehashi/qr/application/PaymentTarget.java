package com.kakehashi.qr.application;

import java.util.Optional;
import java.util.UUID;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/** What a scanned Kakehashi QR asks for: which merchant, in which country and currency, and (dynamic QR) how much. */
public record PaymentTarget(UUID merchantId, String country, CurrencyUnit currency, Optional<Money> amount) {}
