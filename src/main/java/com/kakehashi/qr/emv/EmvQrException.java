package com.kakehashi.qr.emv;

/** A payload the EMVCo MPM specification does not allow, with the precise reason and where it was found. */
public final class EmvQrException extends RuntimeException {
    public enum Reason {
        EMPTY_PAYLOAD,
        TRUNCATED,
        INVALID_LENGTH,
        INVALID_TAG,
        DUPLICATE_TAG,
        MISPLACED_TAG,
        MISSING_MANDATORY_TAG,
        INVALID_CHARACTER,
        INVALID_AMOUNT,
        INVALID_VALUE,
        INVALID_TEMPLATE,
        CRC_MISSING_OR_MISPLACED,
        CRC_MISMATCH,
        /** Lenient decoding: the payload reads, but lacks what a payment needs (currency, a merchant account). */
        NOT_PAYABLE
    }

    private final Reason reason;
    private final int position;

    EmvQrException(Reason reason, int position, String detail) {
        super(reason + (position >= 0 ? " at character " + position : "") + ": " + detail);
        this.reason = reason;
        this.position = position;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Zero-based index in the payload string (as {@link String#charAt} counts) where the problem starts, or -1 when it
     * concerns the whole payload.
     */
    public int position() {
        return position;
    }
}
