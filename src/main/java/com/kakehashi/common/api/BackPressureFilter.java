package com.kakehashi.common.api;

import com.kakehashi.common.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bounded queue in front of the hot path: at most {@code kakehashi.hot-path.max-in-flight} requests
 * of {@link BackPressured} endpoints are admitted at once (running on a worker or waiting for one); the
 * next is refused at once with 503, {@code Retry-After} and the problem code {@code overloaded}, so an
 * overload turns into fast refusals instead of minute-long queues. Non-blocking: it runs on the event loop.
 */
@Provider
@BackPressured
@Priority(Priorities.USER)
public class BackPressureFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ADMITTED = BackPressureFilter.class.getName() + ".admitted";

    private final AtomicInteger inFlight = new AtomicInteger();

    @ConfigProperty(name = "kakehashi.hot-path.max-in-flight", defaultValue = "200")
    int maxInFlight;

    @ConfigProperty(name = "kakehashi.hot-path.retry-after-seconds", defaultValue = "1")
    int retryAfterSeconds;

    @Inject
    MeterRegistry meters;

    @Override
    public void filter(ContainerRequestContext request) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            meters.counter("kakehashi.problems", "code", ErrorCode.OVERLOADED.code())
                    .increment();
            Problem problem = Problem.of(
                    ErrorCode.OVERLOADED,
                    "More than " + maxInFlight + " payment requests are in progress; retry in " + retryAfterSeconds
                            + " s",
                    CorrelationIdFilter.of(request));
            request.abortWith(Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .entity(problem)
                    .header("Retry-After", retryAfterSeconds)
                    .build());
            return;
        }
        request.setProperty(ADMITTED, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ADMITTED) != null) {
            request.removeProperty(ADMITTED);
            inFlight.decrementAndGet();
        }
    }

    /** Requests admitted and not yet answered (for tests and metrics). */
    public int inFlight() {
        return inFlight.get();
    }
}
