package com.kakehashi.reconciliation.infra;

/** A statement that cannot be read; the message names the line or element. */
public class StatementFileException extends RuntimeException {
    public StatementFileException(String message) {
        super(message);
    }
}
