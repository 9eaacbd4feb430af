package com.kakehashi.bank.application;

import com.kakehashi.bank.domain.DebitInstruction;
import com.kakehashi.bank.domain.DebitOutcome;
import com.kakehashi.bank.domain.ReversalOutcome;
import com.kakehashi.bank.infra.FundingBankCalls;
import com.kakehashi.bank.infra.FundingBankClient;
import com.kakehashi.bank.infra.FundingBankClient.DebitRequest;
import com.kakehashi.bank.infra.FundingBankClient.DebitResponse;
import com.kakehashi.common.money.Amounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

/**
 * Talks to the funding bank and turns every answer, or the lack of one, into a
 * {@link DebitOutcome}. Only an explicit APPROVED credits a wallet; anything unclear is Unknown
 * and left for the pending-top-up check.
 */
@ApplicationScoped
public class FundingBank {
    private static final Logger LOG = Logger.getLogger(FundingBank.class);

    @Inject
    FundingBankCalls calls;

    public DebitOutcome debit(DebitInstruction instruction) {
        DebitRequest request = new DebitRequest(
                instruction.requestId().toString(),
                instruction.bankCode(),
                instruction.branchCode(),
                instruction.accountType(),
                instruction.accountNumber(),
                instruction.holderName(),
                Amounts.format(instruction.amount()),
                instruction.amount().getCurrency().getCurrencyCode());
        try {
            return interpret(calls.debit(request));
        } catch (RuntimeException e) {
            LOG.warnf("Debit %s has no definite answer: %s", instruction.requestId(), e.toString());
            return new DebitOutcome.Unknown(e.getClass().getSimpleName());
        }
    }

    /** Asks the bank what became of an earlier debit; 404 means the bank never received it. */
    public DebitOutcome status(String requestId) {
        try {
            return interpret(calls.status(requestId));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return new DebitOutcome.Declined("not received by the bank");
            }
            return new DebitOutcome.Unknown(
                    "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().getStatus()));
        } catch (RuntimeException e) {
            return new DebitOutcome.Unknown(e.getClass().getSimpleName());
        }
    }

    /** Asks the bank to return an approved debit the wallet could not take; anything unclear is Unknown. */
    public ReversalOutcome reverse(String requestId) {
        try {
            FundingBankClient.ReversalResponse response = calls.reverse(requestId);
            if (response != null && "REVERSED".equals(response.status())) {
                return new ReversalOutcome.Reversed(response.bankReference());
            }
            return new ReversalOutcome.Unknown("status " + (response == null ? "none" : response.status()));
        } catch (RuntimeException e) {
            LOG.warnf("Reversal of debit %s has no definite answer: %s", requestId, e.toString());
            return new ReversalOutcome.Unknown(e.getClass().getSimpleName());
        }
    }

    private static DebitOutcome interpret(DebitResponse response) {
        if (response == null || response.status() == null) {
            return new DebitOutcome.Unknown("empty answer");
        }
        return switch (response.status()) {
            case "APPROVED" -> new DebitOutcome.Approved(response.bankReference());
            case "DECLINED" -> new DebitOutcome.Declined(response.reason() == null ? "declined" : response.reason());
            default -> new DebitOutcome.Unknown("status " + response.status());
        };
    }
}
