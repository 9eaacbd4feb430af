package com.kakehashi.fx.infra;

/** A rate file that cannot be read; says where (line or element) so the sender can fix it. */
public class RateFileException extends RuntimeException {
    public RateFileException(String message) {
        super(message);
    }

    public RateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
