package com.kakehashi.payment;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ConcurrentPaymentsTest {
    private static final int ATTEMPTS = 50;

    @Inject
    LedgerChecks ledger;

    @Test
    void fiftySimultaneousPaymentsAtAWalletThatAffordsTenChargeExactlyTen() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 10_000);
        String merchant = aMerchantInTokyo();
        String qr = dynamicQr(merchant, "1000");
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            quotes.add(quoteId(traveller, walletId, qr, null));
        }

        List<Response> responses = fireAtOnce(
                quotes, quoteId -> pay(traveller, quoteId, UUID.randomUUID().toString()));

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 422).containsEntry(201, 10L).containsEntry(422, 40L);
        assertThat(responses.stream().filter(r -> r.statusCode() == 422).map(r -> r.<String>path("code")))
                .containsOnly("insufficient_funds");
        assertThat(balanceOf(traveller, walletId)).isEqualTo("0");
        assertThat(ledger.postingSum(merchant)).isEqualTo(10_000);
        ledger.walletBalanceMatchesPostings(walletId);
        ledger.everyJournalBalances();
    }

    private static <T> List<Response> fireAtOnce(List<T> inputs, Function<T, Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (T input : inputs) {
                Callable<Response> task = () -> {
                    start.await();
                    return call.apply(input);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
