package com.kakehashi.fx;

import static com.kakehashi.support.FxFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.fx.infra.StoreRateProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import javax.money.convert.ConversionQueryBuilder;
import javax.money.convert.ExchangeRate;
import javax.money.convert.ExchangeRateProvider;
import org.junit.jupiter.api.Test;

/** The rate store answers JSR-354 queries as a CDI bean (the SPI lookup is proven in SpiStoreRateProviderTest). */
@QuarkusTest
class StoreRateProviderTest {
    private static final Instant T0 = Instant.parse("2026-02-02T00:00:00Z");

    @Inject
    ExchangeRateProvider provider;

    @Test
    void aConversionQueryForAPointInTimeGetsTheRateThenInForce() {
        publish("MXN", "BRL", "0.2900", "desk-m", T0).then().statusCode(201);
        // +6.9 %: outside the ±5 % band, so a second operator approves it (in force from the approval)
        com.kakehashi.support.FxFixtures.approveAsAnotherOperator(
                publish("MXN", "BRL", "0.3100", "desk-m", T0.plusSeconds(86_400))
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id"));

        ExchangeRate then = provider.getExchangeRate(ConversionQueryBuilder.of()
                .setBaseCurrency("MXN")
                .setTermCurrency("BRL")
                .set(Instant.class, T0.plusSeconds(60))
                .build());
        assertThat(then.getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("0.29");
        assertThat(then.getContext().getProviderName()).isEqualTo(StoreRateProvider.NAME);
        assertThat(then.getContext().get("path", String.class)).isEqualTo("DIRECT");
        assertThat(then.getContext().get("source", String.class)).isEqualTo("desk-m");

        ExchangeRate inverse = provider.getExchangeRate("BRL", "MXN");
        assertThat(inverse.getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("3.2258064516129032258");
        assertThat(inverse.getContext().get("path", String.class)).isEqualTo("INVERSE");
    }
}
