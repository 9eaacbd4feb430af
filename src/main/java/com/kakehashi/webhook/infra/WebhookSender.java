package com.kakehashi.webhook.infra;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs one signed event; any answer but 2xx, and any I/O failure or timeout, is a failed attempt. */
@ApplicationScoped
public class WebhookSender {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public sealed interface Outcome {}

    public record Answered(int status) implements Outcome {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public record Unreachable(String reason) implements Outcome {}

    public Outcome send(String url, String body, String eventId, String eventType, String signature, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Kakehashi-Event-Id", eventId)
                .header("Kakehashi-Event-Type", eventType)
                .header("Kakehashi-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return new Answered(
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
    }
}
