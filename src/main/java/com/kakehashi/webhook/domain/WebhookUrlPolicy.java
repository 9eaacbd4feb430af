package com.kakehashi.webhook.domain;

import java.net.URI;
import java.util.Optional;

/** Webhooks go to https URLs; plain http only to the loopback host, and only where the demo allows it. */
public final class WebhookUrlPolicy {
    private WebhookUrlPolicy() {}

    /** Why the URL is refused, if it is. */
    public static Optional<String> refusal(String url, boolean allowHttpLoopback) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null || !uri.isAbsolute()) {
            return Optional.of("the URL must be absolute with a host");
        }
        if ("https".equals(uri.getScheme())) {
            return Optional.empty();
        }
        boolean loopback = uri.getHost().equals("localhost")
                || uri.getHost().equals("127.0.0.1")
                || uri.getHost().equals("[::1]");
        if ("http".equals(uri.getScheme()) && loopback && allowHttpLoopback) {
            return Optional.empty();
        }
        return Optional.of(
                "webhooks are delivered over https only" + (allowHttpLoopback ? " (or http to localhost)" : ""));
    }
}
