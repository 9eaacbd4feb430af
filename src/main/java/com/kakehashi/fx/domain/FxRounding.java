package com.kakehashi.fx.domain;

import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Every rounding the FX engine performs, by name. Amounts round once, at the end, to the target
 * currency's minor unit (JPY 0 decimals, CNY 2); rates are never rounded except when inverted.
 */
public final class FxRounding {
    /** Yen charged for a foreign price: rounded up, in the house's favour, to the yen. */
    public static final RoundingMode CUSTOMER_CHARGE_ROUNDING = RoundingMode.UP;
    /** Foreign amount bought with a given yen budget: rounded down, so the charge never exceeds the budget. */
    public static final RoundingMode FOREIGN_AMOUNT_ROUNDING = RoundingMode.DOWN;
    /** Indicative conversions (no money moves): to nearest, ties to even. */
    public static final RoundingMode INDICATIVE_ROUNDING = RoundingMode.HALF_EVEN;
    /** An inverse rate 1/r has no finite expansion in general: 20 significant digits, ties to even. */
    public static final MathContext RATE_INVERSION = new MathContext(20, RoundingMode.HALF_EVEN);

    private FxRounding() {}
}
