package com.kakehashi.payment;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.quoteId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.payment.application.QuoteConfig;
import com.kakehashi.payment.application.QuoteTokens;
import com.kakehashi.payment.domain.Quote;
import com.kakehashi.payment.domain.QuoteSeal;
import com.kakehashi.support.Concurrently;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A quote is a sealed token (ADR 0015): it pays once, end to end on PostgreSQL, and a token that is changed, sealed
 * with a key the service does not hold, someone else's, or expired is refused before anything is charged.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SignedQuoteTest {
    @Inject
    QuoteTokens tokens;

    @Inject
    QuoteConfig config;

    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @AfterEach
    void everyJournalStillBalances() {
        ledger.everyJournalBalances();
    }

    @Test
    void aQuoteThenItsPaymentChargesTheQuotedYenAndNamesTheQuote() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        Response quoted = quote(traveller, walletId, dynamicQr(aMerchantInTokyo(), "1200"), null, null);
        quoted.then().statusCode(201).body("token", matchesPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));

        pay(traveller, quoted.path("token"), UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("quoteId", equalTo(quoted.path("id")))
                .body("charge.amount", equalTo("1200"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("3800");
        ledger.walletBalanceMatchesPostings(walletId);
    }

    @Test
    void aReplayedTokenPaysOnceWhileTheSameKeyStillGetsItsAnswer() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String token = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null);
        String key = UUID.randomUUID().toString();
        String first =
                pay(traveller, token, key).then().statusCode(201).extract().asString();

        refused(pay(traveller, token, UUID.randomUUID().toString()), 409, "quote_already_used");
        String replay = pay(traveller, token, key)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        clock.advance(Duration.ofMinutes(3));
        String replayAfterExpiry = pay(traveller, token, key)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();

        assertThat(replay).isEqualTo(first);
        assertThat(replayAfterExpiry).isEqualTo(first);
        assertThat(balanceOf(traveller, walletId)).isEqualTo("4300");
        ledger.walletBalanceMatchesPostings(walletId);
    }

    @Test
    void aTokenWithOneChangedCharacterIsRefused() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String token = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null);
        int inPayload = token.indexOf('.') + 20;

        refused(pay(traveller, changedAt(token, inPayload), UUID.randomUUID().toString()), 422, "quote_invalid");
        refused(
                pay(
                        traveller,
                        changedAt(token, token.length() - 1),
                        UUID.randomUUID().toString()),
                422,
                "quote_invalid");

        assertThat(balanceOf(traveller, walletId)).isEqualTo("5000");
    }

    @Test
    void aTokenWhoseAmountWasChangedUnderTheOriginalSignatureIsRefused() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String token = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null);
        Quote genuine = opened(token);
        Quote cheaper = withCharge(genuine, 1);
        String forgedPayload =
                new QuoteSeal("1", Map.of("1", aRandomKey())).seal(cheaper).split("\\.")[1];
        String[] parts = token.split("\\.");

        refused(
                pay(
                        traveller,
                        parts[0] + "." + forgedPayload + "." + parts[2],
                        UUID.randomUUID().toString()),
                422,
                "quote_invalid");
        refused(
                pay(
                        traveller,
                        new QuoteSeal(config.signingKeyId(), Map.of(config.signingKeyId(), aRandomKey())).seal(cheaper),
                        UUID.randomUUID().toString()),
                422,
                "quote_invalid");

        assertThat(balanceOf(traveller, walletId)).isEqualTo("5000");
    }

    @Test
    void anotherTravellersTokenIsNotFound() {
        String owner = aTravellerSubject();
        String token = quoteId(owner, aWalletWithYen(owner, 5_000), dynamicQr(aMerchantInTokyo(), "700"), null);
        String thief = aTravellerSubject();
        aWalletWithYen(thief, 5_000);

        refused(pay(thief, token, UUID.randomUUID().toString()), 404, "quote_not_found");
    }

    @Test
    void aGenuineButExpiredTokenIsRefused() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        Quote genuine = opened(quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null));
        Instant past = clock.instant().minus(Duration.ofMinutes(5));
        String expired = tokens.seal(new Quote(
                UUID.randomUUID(),
                genuine.walletId(),
                genuine.owner(),
                genuine.merchantId(),
                genuine.pricing(),
                past,
                past.plus(Duration.ofMinutes(1))));

        refused(pay(traveller, expired, UUID.randomUUID().toString()), 422, "quote_expired");
        assertThat(balanceOf(traveller, walletId)).isEqualTo("5000");
    }

    @Test
    void aQuoteSealedWithThePreviousKeyStillPaysDuringRotation() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        Quote genuine = opened(quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null));
        String previousId = config.previousSigningKeyId().orElseThrow();
        var previous = new QuoteSeal(
                previousId,
                Map.of(
                        previousId,
                        Base64.getDecoder().decode(config.previousSigningKey().orElseThrow())));

        pay(traveller, previous.seal(genuine), UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        assertThat(balanceOf(traveller, walletId)).isEqualTo("4300");
    }

    @Test
    void fiftyPaymentsOfOneTokenAtOnceMakeExactlyOnePayment() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 50_000);
        String merchant = aMerchantInTokyo();
        String token = quoteId(traveller, walletId, dynamicQr(merchant, "1000"), null);

        List<Response> answers = Concurrently.run(
                50, i -> pay(traveller, token, UUID.randomUUID().toString()));

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(byStatus).containsEntry(201, 1L).containsEntry(409, 49L);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409).map(r -> r.<String>path("code")))
                .containsOnly("quote_already_used");
        assertThat(balanceOf(traveller, walletId)).isEqualTo("49000");
        assertThat(ledger.postingSum(merchant)).isEqualTo(1_000);
        ledger.walletBalanceMatchesPostings(walletId);
    }

    private Quote opened(String token) {
        return ((QuoteSeal.Opened.Valid) tokens.open(token)).quote();
    }

    private static Quote withCharge(Quote q, long chargeMinor) {
        FxQuote p = q.pricing();
        var charge = Amounts.fromMinor(chargeMinor, p.charge().getCurrency());
        return new Quote(
                q.id(),
                q.walletId(),
                q.owner(),
                q.merchantId(),
                new FxQuote(
                        p.price(),
                        charge,
                        p.midRate(),
                        p.customerRate(),
                        p.spreadBps(),
                        p.fee(),
                        p.rateSource(),
                        p.rateTime(),
                        p.ratePath()),
                q.createdAt(),
                q.expiresAt());
    }

    private static String changedAt(String token, int index) {
        char c = token.charAt(index);
        return token.substring(0, index) + (c == 'A' ? 'B' : 'A') + token.substring(index + 1);
    }

    private static byte[] aRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static void refused(Response answer, int status, String code) {
        answer.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }
}
