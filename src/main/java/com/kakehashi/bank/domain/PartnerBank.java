package com.kakehashi.bank.domain;

import java.time.ZoneId;

/** A partner bank: the Japanese funding bank or a Chinese settlement bank. */
public record PartnerBank(String id, String name, String country, String currency, String bic, ZoneId timeZone) {
}
