package com.kakehashi.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A simulated funding bank. Its behaviour is chosen by the linked account number, so tests never
 * share state: see {@link Accounts}.
 */
public class WireMockBank implements QuarkusTestResourceLifecycleManager {
    /** Account numbers with a scripted bank behaviour. Any other number is approved. */
    public static final class Accounts {
        public static final String DECLINES = "0000009";
        public static final String SERVER_ERROR = "0000500";
        public static final String TIMES_OUT = "0000777";

        private Accounts() {}
    }

    private static final String APPROVED = """
            {"requestId":"{{jsonPath request.body '$.requestId'}}","status":"APPROVED","bankReference":"WM-{{randomValue length=12 type='ALPHANUMERIC'}}"}""";
    private static final String REVERSED = """
            {"requestId":"{{request.pathSegments.[2]}}","status":"REVERSED","bankReference":"WM-R-{{randomValue length=10 type='ALPHANUMERIC'}}"}""";
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().globalTemplating(true));
        server.start();
        server.stubFor(post(urlPathEqualTo("/bank/debits"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(APPROVED)));
        server.stubFor(post(urlPathEqualTo("/bank/debits"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.accountNumber", equalTo(Accounts.DECLINES)))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"requestId":"{{jsonPath request.body '$.requestId'}}","status":"DECLINED","reason":"insufficient funds at bank"}""")));
        server.stubFor(post(urlPathEqualTo("/bank/debits"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.accountNumber", equalTo(Accounts.SERVER_ERROR)))
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(post(urlPathEqualTo("/bank/debits"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.accountNumber", equalTo(Accounts.TIMES_OUT)))
                .willReturn(aResponse()
                        .withFixedDelay(6000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(APPROVED)));
        server.stubFor(get(urlPathMatching("/bank/debits/.*"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        server.stubFor(post(urlPathMatching("/bank/debits/[^/]+/reversal"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(REVERSED)));
        return Map.of("quarkus.rest-client.funding-bank.url", server.baseUrl() + "/bank");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
