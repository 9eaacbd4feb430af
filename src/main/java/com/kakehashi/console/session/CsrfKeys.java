package com.kakehashi.console.session;

import jakarta.enterprise.context.ApplicationScoped;

/** Holds the CSRF key for the life of the application (a restart only asks open forms to be reloaded). */
@ApplicationScoped
public class CsrfKeys {
    private final Csrf csrf = new Csrf();

    Csrf csrf() {
        return csrf;
    }
}
