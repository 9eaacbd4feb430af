package com.kakehashi.payment.domain;

import java.util.UUID;

/** Fired inside the quote's transaction (acquiring links a resolved merchant code to the quote). */
public record QuoteCreated(UUID quoteId, UUID merchantId) {}
