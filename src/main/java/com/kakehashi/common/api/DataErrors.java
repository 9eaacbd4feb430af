package com.kakehashi.common.api;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's "data exception" class (SQLSTATE 22xxx: NUL in text, numeric or date out of
 * range, negative OFFSET, ...) anywhere in a cause chain. Such an error is caused by a value the caller
 * sent, so it is a 400, not a 500; its presence still means a validation is missing, hence the warning.
 */
final class DataErrors {
    private static final int MAX_DEPTH = 20;

    private DataErrors() {}

    static boolean isDataException(Throwable e) {
        String state = sqlState(e);
        return state != null && state.startsWith("22");
    }

    static String sqlState(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
