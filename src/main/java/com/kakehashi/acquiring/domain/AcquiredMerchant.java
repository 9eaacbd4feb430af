package com.kakehashi.acquiring.domain;

/** The merchant an acquirer presents a payment for: its own reference and how the traveller sees it. */
public record AcquiredMerchant(String reference, String name, String mcc, String city, String country) {}
