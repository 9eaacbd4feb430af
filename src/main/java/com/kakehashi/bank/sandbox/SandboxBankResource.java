package com.kakehashi.bank.sandbox;

import com.kakehashi.bank.infra.FundingBankClient.DebitRequest;
import com.kakehashi.bank.infra.FundingBankClient.DebitResponse;
import com.kakehashi.bank.infra.FundingBankClient.ReversalResponse;
import com.kakehashi.common.runtime.RuntimeProfiles;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A sandbox funding bank served by the demo profile over real HTTP, so the REST client, its
 * timeout, retry and breaker run for real. Rules: account number 0000000 is closed; a debit over
 * 500,000 yen is refused for insufficient funds; everything else is approved. Same requestId,
 * same answer. What it approves and reverses it books on the house's account and states
 * ({@link SandboxFundingBank}).
 */
@IfBuildProfile("demo")
@Path("/sandbox/bank/debits")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Sandbox bank (demo only)")
public class SandboxBankResource {
    private static final BigDecimal SANDBOX_DEBIT_CEILING = new BigDecimal("500000");
    private final Map<String, DebitResponse> debits = new ConcurrentHashMap<>();
    private final Map<String, ReversalResponse> reversals = new ConcurrentHashMap<>();
    private final Map<String, DebitRequest> requests = new ConcurrentHashMap<>();

    @Inject
    SandboxFundingBank book;

    @POST
    @Operation(summary = "Debit a linked account (sandbox rules)")
    public DebitResponse debit(DebitRequest request) {
        RuntimeProfiles.requireActive("demo");
        DebitResponse answer = debits.computeIfAbsent(request.requestId(), id -> decide(request));
        if ("APPROVED".equals(answer.status())) {
            requests.putIfAbsent(request.requestId(), request);
            book.approved(requests.get(request.requestId())); // idempotent by request id
        }
        return answer;
    }

    @GET
    @Path("/{requestId}")
    public DebitResponse status(@PathParam("requestId") String requestId) {
        RuntimeProfiles.requireActive("demo");
        DebitResponse known = debits.get(requestId);
        if (known == null) {
            throw new NotFoundException();
        }
        return known;
    }

    /** Returns an approved debit's money; the same requestId again, the same answer. */
    @POST
    @Path("/{requestId}/reversal")
    public ReversalResponse reverse(@PathParam("requestId") String requestId) {
        RuntimeProfiles.requireActive("demo");
        DebitResponse known = debits.get(requestId);
        if (known == null || !"APPROVED".equals(known.status())) {
            throw new NotFoundException();
        }
        ReversalResponse answer = reversals.computeIfAbsent(
                requestId, id -> new ReversalResponse(id, "REVERSED", "SBX-R-" + UUID.randomUUID()));
        book.reversed(requests.get(requestId)); // idempotent by request id
        return answer;
    }

    private static DebitResponse decide(DebitRequest request) {
        if ("0000000".equals(request.accountNumber())) {
            return new DebitResponse(request.requestId(), "DECLINED", null, "account closed");
        }
        if (new BigDecimal(request.amount()).compareTo(SANDBOX_DEBIT_CEILING) > 0) {
            return new DebitResponse(request.requestId(), "DECLINED", null, "insufficient funds at bank");
        }
        return new DebitResponse(request.requestId(), "APPROVED", "SBX-" + UUID.randomUUID(), null);
    }
}
