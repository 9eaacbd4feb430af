package com.kakehashi.qr.application;

import java.util.Optional;

/**
 * Merchant codes this service cannot read itself (Alipay and WeChat Pay URLs, UnionPay EMV codes, ...), which a
 * partner resolves. Implemented by the acquiring feature; the qr feature knows only this interface.
 */
public interface ExternalMerchantCodes {
    /** The network the code belongs to, if a partner recognises it. */
    Optional<String> network(String payload);

    /** Asks the partner who recognises the code what it pays; throws a business problem when nobody can. */
    PaymentTarget resolve(String payload);
}
