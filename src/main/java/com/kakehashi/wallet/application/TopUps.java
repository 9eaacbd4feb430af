package com.kakehashi.wallet.application;

import com.kakehashi.bank.application.FundingBank;
import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.DebitInstruction;
import com.kakehashi.bank.domain.DebitOutcome;
import com.kakehashi.bank.domain.ReversalOutcome;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.idempotency.application.Claim;
import com.kakehashi.idempotency.application.Idempotency;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.JournalType;
import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.ledger.domain.Posting;
import com.kakehashi.wallet.domain.SpendingPolicy;
import com.kakehashi.wallet.domain.TopUpRequested;
import com.kakehashi.wallet.domain.TopUpReversalStarted;
import com.kakehashi.wallet.domain.TopUpStatus;
import com.kakehashi.wallet.domain.Wallet;
import com.kakehashi.wallet.infra.BankLinkEntity;
import com.kakehashi.wallet.infra.BankLinkRepository;
import com.kakehashi.wallet.infra.TopUpEntity;
import com.kakehashi.wallet.infra.TopUpRepository;
import com.kakehashi.wallet.infra.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.javamoney.moneta.Money;
import org.jboss.logging.Logger;

/**
 * Top-ups from the linked bank account. The PENDING top-up is committed before the bank is
 * called, so a crash or timeout never loses a debit the bank may have made; only the bank's
 * explicit approval credits the wallet, and the PENDING -> COMPLETED step happens exactly once
 * (a conditional update) in the same transaction as the ledger journal.
 */
@ApplicationScoped
public class TopUps {
    static final String OPERATION = "top-up";
    private static final int RESOLVE_BATCH = 100;

    @Inject
    Wallets wallets;

    private static final Logger LOG = Logger.getLogger(TopUps.class);

    @Inject
    TopUpRepository topUps;

    @Inject
    WalletRepository walletRows;

    @Inject
    BankLinkRepository bankLinks;

    @Inject
    FundingBank fundingBank;

    @Inject
    Idempotency idempotency;

    @Inject
    Ledger ledger;

    @Inject
    WalletCharges charges;

    @Inject
    java.time.Clock clock;

    @Inject
    jakarta.enterprise.event.Event<TopUpRequested> topUpRequested;

    @Inject
    jakarta.enterprise.event.Event<TopUpReversalStarted> reversalStarted;
    /** Failed credits of an approved top-up before its debit is reversed at the bank (a wallet that cannot take it). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "kakehashi.top-up.credit-attempts",
            defaultValue = "3")
    int creditAttempts;

    private sealed interface Start {}

    private record Known(UUID topUpId) implements Start {}

    private record Started(UUID topUpId, DebitInstruction instruction) implements Start {}

    /** Requests a top-up; the same key and amount again return the same top-up in its current state. */
    public TopUp request(Caller caller, UUID walletId, String key, Money amount) {
        Idempotency.requireValidKey(key);
        Start start = QuarkusTransaction.requiringNew().call(() -> begin(caller, walletId, key, amount));
        if (start instanceof Started started) {
            applyOrLeavePending(started.topUpId(), fundingBank.debit(started.instruction()));
            reverseIfDue(started.topUpId());
        }
        UUID id = start instanceof Started s ? s.topUpId() : ((Known) start).topUpId();
        return QuarkusTransaction.requiringNew().call(() -> TopUp.of(topUps.findById(id)));
    }

    private Start begin(Caller caller, UUID walletId, String key, Money amount) {
        walletRows.lockForTopUp(walletId); // before the wallet is read: concurrent requests see each other's
        Wallet wallet = wallets.ownedBy(caller, walletId);
        Claim claim = idempotency.claim(
                caller.subject(),
                OPERATION,
                key,
                walletId + "|" + Amounts.format(amount) + "|"
                        + amount.getCurrency().getCurrencyCode());
        if (claim instanceof Claim.Mismatch mismatch) {
            throw Idempotency.reused(mismatch);
        }
        if (!(claim instanceof Claim.Fresh)) {
            String resource =
                    claim instanceof Claim.InFlight inFlight ? inFlight.resourceId() : ((Claim.Replay) claim).body();
            return new Known(UUID.fromString(resource));
        }
        Money pending = Amounts.fromMinor(topUps.pendingTotalMinor(walletId), wallet.currency());
        SpendingPolicy.topUpRefusal(wallet, pending, amount).ifPresent(code -> {
            throw new BusinessException(
                    code,
                    "Top-up of " + Amounts.format(amount) + " " + amount.getCurrency() + " refused: "
                            + code.title().toLowerCase(java.util.Locale.ROOT));
        });
        BankLinkEntity link = bankLinks
                .forWallet(walletId)
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.NO_LINKED_BANK_ACCOUNT, "Link a bank account to wallet " + walletId + " first"));
        TopUpEntity topUp = new TopUpEntity();
        topUp.id = UUID.randomUUID();
        topUp.walletId = walletId;
        topUp.bankLinkId = link.id;
        topUp.amountMinor = Amounts.toMinor(amount);
        topUp.currency = amount.getCurrency().getCurrencyCode();
        topUp.status = TopUpStatus.PENDING.name();
        topUp.createdAt = clock.instant();
        topUp.updatedAt = topUp.createdAt;
        topUps.persist(topUp);
        topUpRequested.fire(new TopUpRequested(
                topUp.id, link.fundingBankId, topUp.amountMinor, topUp.currency, link.holderName, topUp.createdAt));
        idempotency.attachResource(caller.subject(), OPERATION, key, topUp.id.toString());
        // The answer to a replay is the top-up itself, read fresh: its status moves on after the bank answers.
        idempotency.complete(caller.subject(), OPERATION, key, 201, topUp.id.toString());
        return new Started(
                topUp.id,
                new DebitInstruction(
                        topUp.id,
                        link.bankCode,
                        link.branchCode,
                        link.accountType,
                        link.accountNumber,
                        link.holderName,
                        amount));
    }

    /**
     * Applies the bank's answer in its own transaction. If that fails, the top-up stays PENDING (the
     * bank's answer is not lost: the status check asks again and the statement confirms it), so the
     * customer never sees a 500 for money that moved. A credit that keeps failing is not retried for ever:
     * after {@code kakehashi.top-up.credit-attempts} failures the debit is reversed at the bank.
     */
    private boolean applyOrLeavePending(UUID topUpId, DebitOutcome outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(topUpId, outcome));
            return true;
        } catch (RuntimeException e) {
            int failures = QuarkusTransaction.requiringNew()
                    .call(() -> topUps.recordCreditFailure(topUpId, "credit failed: " + e, clock.instant()));
            // WARN: an attempt is retried, and the last one reverses the debit; neither loses money
            LOG.warnf(
                    e,
                    "Top-up %s: applying the bank's answer %s failed (attempt %d of %d)",
                    topUpId,
                    outcome.getClass().getSimpleName(),
                    failures,
                    creditAttempts);
            if (failures >= creditAttempts && outcome instanceof DebitOutcome.Approved approved) {
                QuarkusTransaction.requiringNew()
                        .run(() -> startReversal(
                                topUps.findById(topUpId),
                                approved.bankReference(),
                                "the wallet could not be credited after " + failures + " attempts"));
            }
            return false;
        }
    }

    /** Applies a definite bank answer; Unknown leaves the top-up PENDING for {@link #resolvePending}. */
    void apply(UUID topUpId, DebitOutcome outcome) {
        Instant now = clock.instant();
        switch (outcome) {
            case DebitOutcome.Approved approved -> creditOrReverse(topUpId, approved.bankReference(), now);
            case DebitOutcome.Declined declined ->
                topUps.resolve(topUpId, TopUpStatus.DECLINED.name(), null, declined.reason(), now);
            case DebitOutcome.Unknown unknown -> {
                // stays PENDING: the bank may have debited; only a definite answer may settle it
            }
        }
    }

    /** The bank took the money: the wallet is credited once, or, when it is closed, the debit goes back. */
    private boolean creditOrReverse(UUID topUpId, String bankReference, Instant now) {
        TopUpEntity topUp = topUps.findById(topUpId);
        if (walletRows.isClosed(topUp.walletId)) {
            startReversal(topUp, bankReference, "wallet closed");
            return false;
        }
        if (topUps.resolve(topUpId, TopUpStatus.COMPLETED.name(), bankReference, null, now)) {
            credit(topUps.findById(topUpId), now);
            return true;
        }
        return false;
    }

    private void startReversal(TopUpEntity topUp, String bankReference, String reason) {
        Instant now = clock.instant();
        if (topUps.startReversal(topUp.id, bankReference, reason, now)) {
            BankLinkEntity link = bankLinks.findById(topUp.bankLinkId);
            reversalStarted.fire(new TopUpReversalStarted(
                    topUp.id, link.fundingBankId, topUp.amountMinor, topUp.currency, link.holderName, now));
        }
    }

    /** A REVERSING top-up asks the bank to return the money; an unclear answer leaves it for the next check. */
    private boolean reverseIfDue(UUID topUpId) {
        TopUpEntity topUp = QuarkusTransaction.requiringNew().call(() -> topUps.findById(topUpId));
        if (topUp == null || !TopUpStatus.REVERSING.name().equals(topUp.status)) {
            return false;
        }
        if (fundingBank.reverse(topUpId.toString()) instanceof ReversalOutcome.Reversed reversed) {
            return QuarkusTransaction.requiringNew()
                    .call(() -> topUps.reversed(topUpId, reversed.bankReference(), clock.instant()));
        }
        return false;
    }

    private void credit(TopUpEntity topUp, Instant now) {
        Money amount = Amounts.fromMinor(topUp.amountMinor, topUp.currency);
        charges.credit(topUp.walletId, amount);
        ledger.post(new JournalEntry(
                UUID.randomUUID(),
                JournalType.TOP_UP,
                topUp.id.toString(),
                now,
                List.of(
                        Posting.credit(topUp.walletId, amount),
                        Posting.debit(
                                LedgerAccounts.bankClearing(PartnerBanks.FUNDING_BANK_ID, topUp.currency), amount))));
    }

    /** The funding bank's statement shows the debit: a PENDING top-up completes once, or goes back if its wallet closed. */
    public boolean confirmFromStatement(UUID topUpId, String bankReference) {
        boolean credited =
                QuarkusTransaction.requiringNew().call(() -> creditOrReverse(topUpId, bankReference, clock.instant()));
        reverseIfDue(topUpId);
        return credited;
    }

    /** The statements show no debit long after it was due: a still PENDING top-up is declined. */
    public boolean failFromStatement(UUID topUpId, String reason) {
        return QuarkusTransaction.requiringNew()
                .call(() -> topUps.resolve(topUpId, TopUpStatus.DECLINED.name(), null, reason, clock.instant()));
    }

    /**
     * Asks the bank about top-ups still PENDING after {@code minAge} and finishes reversals under way;
     * returns how many it settled (completed, declined or reversed).
     */
    public int resolvePending(Duration minAge) {
        List<UUID> pending = QuarkusTransaction.requiringNew()
                .call(() -> topUps.pendingBefore(clock.instant().minus(minAge), RESOLVE_BATCH));
        int settled = 0;
        for (UUID id : pending) {
            settled += resolve(id) ? 1 : 0;
        }
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> topUps.reversing(RESOLVE_BATCH))) {
            settled += reverseIfDue(id) ? 1 : 0;
        }
        return settled;
    }

    /** Asks the bank about one PENDING top-up, applies a definite answer, and reverses it where due. */
    public boolean resolve(UUID topUpId) {
        DebitOutcome outcome = fundingBank.status(topUpId.toString());
        boolean applied = !(outcome instanceof DebitOutcome.Unknown) && applyOrLeavePending(topUpId, outcome);
        return reverseIfDue(topUpId) || applied;
    }

    public TopUp visibleTo(Caller caller, UUID walletId, UUID topUpId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            wallets.visibleTo(caller, walletId);
            TopUpEntity e = topUps.findById(topUpId);
            if (e == null || !e.walletId.equals(walletId)) {
                throw new BusinessException(ErrorCode.TOP_UP_NOT_FOUND, "No top-up " + topUpId);
            }
            return TopUp.of(e);
        });
    }
}
