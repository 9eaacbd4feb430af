package com.kakehashi.bank.infra;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Japanese funding bank's debit API (documented in docs/bank-debit-api.md). A debit is
 * idempotent at the bank by its requestId, which is what makes our retries safe.
 */
@RegisterRestClient(configKey = "funding-bank")
@Path("/debits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FundingBankClient {

    record DebitRequest(
            String requestId,
            String bankCode,
            String branchCode,
            String accountType,
            String accountNumber,
            String holderName,
            String amount,
            String currency) {}

    /** status: APPROVED or DECLINED; reason set when declined. */
    record DebitResponse(String requestId, String status, String bankReference, String reason) {}

    @POST
    DebitResponse debit(DebitRequest request);

    @GET
    @Path("/{requestId}")
    DebitResponse status(@PathParam("requestId") String requestId);

    /** status: REVERSED once the bank has returned the debited money; the same call again, the same answer. */
    record ReversalResponse(String requestId, String status, String bankReference) {}

    /** Returns an approved debit's money to the customer's account (idempotent at the bank by requestId). */
    @POST
    @Path("/{requestId}/reversal")
    ReversalResponse reverse(@PathParam("requestId") String requestId);
}
