package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.FxQuote;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * Prices a merchant amount in the wallet's currency. Same-currency payments convert at exactly
 * 1 with no spread. Cross-currency pricing needs the FX engine's rate store; until a rate is
 * available such a quote is refused with {@code fx_rate_unavailable}, never guessed.
 */
@ApplicationScoped
public class Pricing {
    public static final String IDENTITY_SOURCE = "IDENTITY";

    public FxQuote price(Money price, CurrencyUnit chargeCurrency) {
        if (price.getCurrency().equals(chargeCurrency)) {
            return new FxQuote(price, price, BigDecimal.ONE, BigDecimal.ZERO, IDENTITY_SOURCE);
        }
        throw new BusinessException(ErrorCode.FX_RATE_UNAVAILABLE, "No " + price.getCurrency() + "/"
                + chargeCurrency + " rate is available to price this payment");
    }
}
