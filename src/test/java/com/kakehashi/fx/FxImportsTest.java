package com.kakehashi.fx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kakehashi.fx.application.FxImports;
import com.kakehashi.fx.application.FxImports.Format;
import com.kakehashi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled sources: an ECB URL and drop directories, each file all or nothing and moved when done. */
@QuarkusTest
class FxImportsTest {
    @Inject
    FxImports imports;

    private static final String ECB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <Cube><Cube time='2026-03-02'><Cube currency='PHP' rate='61.50'/><Cube currency='IDR' rate='17020.00'/></Cube></Cube>
            </gesmes:Envelope>
            """;

    @Test
    void ecbRatesAreFetchedFromTheConfiguredUrl() {
        WireMockServer ecb = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        ecb.start();
        try {
            ecb.stubFor(get(urlEqualTo("/stats/eurofxref/eurofxref-daily.xml"))
                    .willReturn(
                            aResponse().withHeader("Content-Type", "text/xml").withBody(ECB)));
            FxImports.Report report = imports.importFromUrl(ecb.baseUrl() + "/stats/eurofxref/eurofxref-daily.xml");
            assertThat(report.result().received()).isEqualTo(2);
        } finally {
            ecb.stop();
        }
        given().header("Authorization", Fixtures.travellerToken("t"))
                .queryParams("base", "PHP", "quote", "IDR")
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .body("path.kind", equalTo("CROSS"))
                .body("path.via", equalTo("EUR"))
                .body("source", equalTo("ECB"));
    }

    @Test
    void droppedFilesAreImportedThenMovedAsideAndBrokenOnesSetApart(@TempDir Path drop) throws Exception {
        Files.writeString(
                drop.resolve("cn-settlement-bank--2026-03-02.csv"),
                "base,quote,bid,mid,ask,valid_from\nMYR,SGD,,0.3010,,2026-03-02T00:00:00Z\n");
        Files.writeString(drop.resolve("cn-settlement-bank--broken.csv"), "not a rate file\n");
        Files.writeString(drop.resolve("nobody.csv"), "base,quote,bid,mid,ask,valid_from\n");
        Files.writeString(
                drop.resolve("ghost-bank--2026-03-02.csv"),
                "base,quote,bid,mid,ask,valid_from\nMYR,SGD,,0.0001,,2026-03-02T00:00:00Z\n");

        List<FxImports.Report> reports = imports.importDirectory(drop, Format.BANK_CSV);

        assertThat(reports).hasSize(4);
        assertThat(reports.get(0).source()).isEqualTo("bank:cn-settlement-bank");
        assertThat(reports.get(0).result().stored()).isEqualTo(1);
        assertThat(drop.resolve("failed/ghost-bank--2026-03-02.csv")).exists(); // not a registered bank
        assertThat(drop.resolve("done/cn-settlement-bank--2026-03-02.csv")).exists();
        assertThat(drop.resolve("failed/cn-settlement-bank--broken.csv")).exists();
        assertThat(drop.resolve("failed/nobody.csv")).exists();
        assertThat(imports.importDirectory(drop, Format.BANK_CSV)).isEmpty();
    }

    @Test
    void theFxHealthGroupReportsWhetherEveryCorridorCanBeQuoted() {
        given().get("/q/health/group/fx").then().body("checks[0].name", equalTo("fx-rates"));
    }
}
