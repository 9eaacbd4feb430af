package com.kakehashi.console.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kakehashi.console")
public interface ConsoleConfig {
    /** Mark the session cookie Secure (browsers keep Secure cookies on http://localhost too). */
    @WithDefault("true")
    boolean secureCookie();

    /** The subject the demo profile's /console/demo-login signs in as. */
    @WithDefault("demo-operator")
    String demoOperator();
}
