package com.kakehashi.console.view;

import com.kakehashi.common.money.MinorAmount;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * How the console writes numbers and times: amounts per currency (¥12,800 without decimals, CN¥1,234.50 with
 * two: the currency's own minor unit, never a rounding), times in the viewer's zone with the zone named.
 */
@TemplateData
public final class Formats {
    private static final Map<String, String> SYMBOLS =
            Map.of("JPY", "¥", "CNY", "CN¥", "USD", "US$", "EUR", "€", "GBP", "£", "HKD", "HK$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public Formats(ZoneId zone) {
        this.zone = zone;
    }

    /** An amount held in minor units of its currency: 12800 JPY -> "¥12,800", 123450 CNY -> "CN¥1,234.50". */
    public String money(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount(BigDecimal.valueOf(minor, digits), currency);
    }

    /** The same for a currency-checked amount; a missing amount shows as nothing. */
    public String money(MinorAmount amount) {
        return amount == null ? "" : money(amount.amount(), amount.currencyCode());
    }

    /** An exact amount: the scale shown is the currency's, the value is never rounded to fit it. */
    public String amount(BigDecimal value, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal shown = value.scale() <= digits ? value.setScale(digits) : value.stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(digits, Math.max(0, shown.scale())));
        format.setMaximumFractionDigits(Math.max(digits, Math.max(0, shown.scale())));
        String sign = shown.signum() < 0 ? "−" : "";
        return sign + SYMBOLS.getOrDefault(currency, currency + " ") + format.format(shown.abs());
    }

    public String rate(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    public String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at.atZone(zone));
    }

    /** A time in another zone (a bank's, beside its cut-offs). */
    public String timeIn(Instant at, String zoneId) {
        return at == null ? "" : TIME.format(at.atZone(ZoneId.of(zoneId))) + " " + zoneId;
    }

    public String zone() {
        return zone.getId();
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** "3 h 12 min", "2 d 4 h": rate ages and break ages. */
    public String age(Duration age) {
        if (age.isNegative()) {
            return "0 min";
        }
        if (age.toDays() > 0) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toMinutes() + " min";
    }
}
