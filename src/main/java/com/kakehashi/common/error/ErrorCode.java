package com.kakehashi.common.error;

/**
 * The closed catalogue of outcomes a caller can see. Each code maps one-to-one to an
 * RFC 9457 problem type ({@code https://kakehashi.example/problems/<code>}) and an HTTP status.
 * Codes are part of the public contract: add, never rename.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "The request is invalid"),
    MALFORMED_JSON(400, "The request body is not valid JSON for this call"),
    INVALID_AMOUNT(400, "The amount is not a valid positive decimal"),
    UNSUPPORTED_CURRENCY(400, "The currency is not supported"),
    AMOUNT_PRECISION(400, "The amount has more decimals than the currency allows"),
    IDEMPOTENCY_KEY_MISSING(400, "An Idempotency-Key header is required"),
    BANK_ACCOUNT_INVALID(400, "The bank account details are invalid"),
    INVALID_RATE(400, "The exchange rate is invalid"),
    ACKNOWLEDGEMENT_INVALID(400, "The acknowledgement cannot be read or does not match the batch"),
    STATEMENT_INVALID(400, "The statement cannot be read"),
    RATE_FILE_INVALID(400, "The rate file cannot be read"),
    UNAUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "This role may not perform this call"),
    NOT_FOUND(404, "No such resource"),
    WALLET_NOT_FOUND(404, "No such wallet"),
    MERCHANT_NOT_FOUND(404, "No such merchant"),
    BANK_NOT_FOUND(404, "No such partner bank"),
    QUOTE_NOT_FOUND(404, "No such quote"),
    PAYMENT_NOT_FOUND(404, "No such payment"),
    TOP_UP_NOT_FOUND(404, "No such top-up"),
    BATCH_NOT_FOUND(404, "No such settlement batch"),
    FILE_NOT_FOUND(404, "No such file"),
    BREAK_NOT_FOUND(404, "No such reconciliation break"),
    STATEMENT_NOT_FOUND(404, "No such statement"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "The requested media type is not available"),
    CONCURRENT_MODIFICATION(409, "The resource was changed concurrently; retry"),
    QUOTE_ALREADY_USED(409, "The quote has already been paid"),
    BANK_ALREADY_LINKED(409, "The wallet already has a linked bank account"),
    BANK_ALREADY_EXISTS(409, "A partner bank with this id exists"),
    BATCH_STATE_CONFLICT(409, "The settlement batch is not in a state that allows this"),
    BREAK_STATE_CONFLICT(409, "The break is not in a state that allows this"),
    RATE_CONFLICT(409, "This source already published a different rate for this pair and time"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used with a different request"),
    QR_CRC_MISMATCH(422, "The QR payload's CRC does not match its content"),
    QR_MALFORMED(422, "The QR payload is not a valid EMVCo merchant-presented QR"),
    QR_MERCHANT_UNKNOWN(422, "The QR does not name a Kakehashi merchant"),
    QR_AMOUNT_REQUIRED(422, "A static QR needs an amount"),
    QR_CURRENCY_MISMATCH(422, "The QR's currency is not the merchant's currency"),
    QUOTE_EXPIRED(422, "The quote has expired"),
    QUOTE_INVALID(422, "The quote was not issued by this service or has been changed"),
    INSUFFICIENT_FUNDS(422, "The wallet balance is too low"),
    PER_PAYMENT_LIMIT_EXCEEDED(422, "The payment exceeds the wallet's per-payment limit"),
    DAILY_LIMIT_EXCEEDED(422, "The payment exceeds the wallet's daily spend limit"),
    MAX_BALANCE_EXCEEDED(422, "The top-up would take the wallet over its maximum balance"),
    WALLET_NOT_ACTIVE(422, "The wallet is not active"),
    MERCHANT_NOT_ACTIVE(422, "The merchant is not active"),
    CURRENCY_MISMATCH(422, "The amount's currency does not fit this call"),
    REFUND_EXCEEDS_REMAINING(422, "The refund exceeds what is left to refund"),
    NO_LINKED_BANK_ACCOUNT(422, "The wallet has no linked bank account"),
    FX_RATE_UNAVAILABLE(422, "No exchange rate is available for this currency pair"),
    FX_CORRIDOR_NOT_OFFERED(422, "Payments between these currencies are not offered"),
    FX_BUDGET_TOO_SMALL(422, "The amount does not buy one minor unit of the merchant's currency after fees"),
    STATEMENT_CURRENCY_MISMATCH(422, "The statement's currency is not the bank's"),
    FX_RATE_STALE(503, "The exchange rate is too old to quote with; try again later"),
    INTERNAL(500, "Internal error"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request URI is too long"),
    QR_COUNTRY_MISMATCH(422, "The QR's country is not the merchant's country"),
    FX_SOURCE_NOT_ALLOWED(403, "This source may not publish rates for this currency pair"),
    FX_RATE_FUTURE_DATED(422, "The rate takes effect further in the future than a rate file may date it"),
    FX_RATE_OUT_OF_BAND(409, "The rate is outside the plausibility band and cannot be published or held as asked"),
    FX_SECOND_OPERATOR_REQUIRED(
            403, "A rate held for approval must be approved by an operator other than its submitter"),
    FX_PENDING_RATE_NOT_FOUND(404, "No such rate held for approval"),
    // settlement and partner banks
    DELIVERY_TARGET_NOT_ALLOWED(422, "The delivery target is outside the outbox or not a registered bank host"),
    CUTOFF_TOO_FREQUENT(422, "The cut-off schedule fires more often than the configured minimum"),
    // the payment hot path,
    OVERLOADED(503, "The service is at capacity; retry after the time in Retry-After"),
    // Acquiring, payment codes, China merchant codes, webhooks (docs/acquiring.md, docs/webhooks.md),
    ACQUIRER_NOT_FOUND(404, "No such acquirer"),
    ACQUIRER_ALREADY_EXISTS(409, "An acquirer with this id exists"),
    PAYMENT_CODE_UNKNOWN(422, "The payment code is not one this service issued"),
    PAYMENT_CODE_EXPIRED(422, "The payment code has expired"),
    PAYMENT_CODE_USED(409, "The payment code has already paid"),
    PAYMENT_ALREADY_SETTLED(409, "The payment is in a settlement batch; refund it instead"),
    PAYMENT_ALREADY_CANCELLED(409, "The payment was cancelled"),
    QR_NOT_PAYABLE(422, "The code cannot be paid safely"),
    QR_CODE_UNRESOLVED(422, "The acquirer does not know this merchant code"),
    ACQUIRER_UNAVAILABLE(503, "The acquirer did not answer; try again later"),
    WEBHOOK_NOT_FOUND(404, "No such webhook subscription"),
    WEBHOOK_DELIVERY_NOT_FOUND(404, "No such webhook delivery"),
    WEBHOOK_URL_INVALID(400, "The webhook URL is not allowed");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable snake_case code, e.g. {@code insufficient_funds}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
