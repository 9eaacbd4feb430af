package com.kakehashi.fx.infra;

import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.RateFigures;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the ECB euro foreign exchange reference rates (eurofxref daily or historic XML): each
 * {@code <Cube time="YYYY-MM-DD">} holds {@code <Cube currency="USD" rate="1.0512"/>}, meaning
 * 1 EUR = 1.0512 USD. The ECB publishes at about 16:00 CET, so a day's rates are valid from then.
 * DTDs and external entities are refused.
 */
public final class EcbReferenceRatesParser {
    public static final String SOURCE = "ECB";
    static final ZoneId FRANKFURT = ZoneId.of("Europe/Berlin");
    static final LocalTime PUBLICATION_TIME = LocalTime.of(16, 0);
    private static final int MAX_RATES = 100_000;

    private EcbReferenceRatesParser() {}

    public static List<FxRate> parse(InputStream xml, Instant receivedAt) {
        List<FxRate> rates = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = com.kakehashi.common.xml.SafeXml.inputFactory().createXMLStreamReader(xml);
            Instant day = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.DTD || event == XMLStreamReader.ENTITY_REFERENCE) {
                    throw new RateFileException(where(reader) + "DTDs and entity references are not accepted");
                }
                if (event != XMLStreamReader.START_ELEMENT || !"Cube".equals(reader.getLocalName())) {
                    continue;
                }
                String time = reader.getAttributeValue(null, "time");
                String currency = reader.getAttributeValue(null, "currency");
                if (time != null) {
                    day = validFrom(time, reader);
                } else if (currency != null) {
                    if (day == null) {
                        throw new RateFileException(where(reader) + "a rate Cube outside a dated Cube");
                    }
                    rates.add(rate(currency, reader.getAttributeValue(null, "rate"), day, receivedAt, reader));
                    if (rates.size() > MAX_RATES) {
                        throw new RateFileException("more than " + MAX_RATES + " rates in one file");
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new RateFileException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
        if (rates.isEmpty()) {
            throw new RateFileException("no rates found: expected eurofxref Cube elements");
        }
        return rates;
    }

    private static Instant validFrom(String time, XMLStreamReader reader) {
        try {
            return LocalDate.parse(time)
                    .atTime(PUBLICATION_TIME)
                    .atZone(FRANKFURT)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new RateFileException(where(reader) + "time '" + time + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static FxRate rate(
            String currency, String rate, Instant validFrom, Instant receivedAt, XMLStreamReader reader) {
        try {
            return new FxRate(
                    new CurrencyPair("EUR", currency),
                    RateFigures.parse("rate", rate),
                    null,
                    null,
                    SOURCE,
                    validFrom,
                    receivedAt);
        } catch (RuntimeException e) {
            throw new RateFileException(where(reader) + "invalid rate '" + rate + "' for currency '" + currency + "'");
        }
    }

    private static String where(XMLStreamReader reader) {
        return "line " + reader.getLocation().getLineNumber() + ": ";
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }
}
