package com.kakehashi.console.session;

/** Why a console page was not shown: answered as a page (or a redirect to sign in), never as JSON. */
public abstract sealed class ConsoleAccessException extends RuntimeException {
    protected ConsoleAccessException(String message) {
        super(message, null, false, false);
    }

    /** No session (or an expired one): sign in, then come back here. */
    public static final class NotSignedIn extends ConsoleAccessException {
        private final String next;

        public NotSignedIn(String next) {
            super("not signed in");
            this.next = next;
        }

        public String next() {
            return next;
        }
    }

    /** Signed in, but the role does not open this page (a bank on an operator page). */
    public static final class NotAllowed extends ConsoleAccessException {
        public NotAllowed() {
            super("role not allowed");
        }
    }

    /** A form without this session's token: a cross-site request, or a page older than the application. */
    public static final class CsrfRefused extends ConsoleAccessException {
        public CsrfRefused() {
            super("csrf token refused");
        }
    }
}
