package com.kakehashi.bank.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The remote calls with their guards. Retrying a debit is safe because the bank deduplicates
 * by requestId; the breaker stops hammering a bank that is down. Values are overridable through
 * MicroProfile Fault Tolerance config (see application.properties, %test).
 */
@ApplicationScoped
public class FundingBankCalls {
    @Inject
    @RestClient
    FundingBankClient client;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public FundingBankClient.DebitResponse debit(FundingBankClient.DebitRequest request) {
        return client.debit(request);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public FundingBankClient.DebitResponse status(String requestId) {
        return client.status(requestId);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public FundingBankClient.ReversalResponse reverse(String requestId) {
        return client.reverse(requestId);
    }
}
