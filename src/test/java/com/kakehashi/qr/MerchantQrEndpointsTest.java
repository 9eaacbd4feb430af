package com.kakehashi.qr;

import static com.kakehashi.support.Fixtures.aMerchantInOsaka;
import static com.kakehashi.support.Fixtures.aMerchantInShanghai;
import static com.kakehashi.support.Fixtures.merchantToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class MerchantQrEndpointsTest {

    @Test
    void aMerchantsStaticQrDecodesToItsOwnDetails() {
        String merchant = aMerchantInOsaka();
        String payload = given().header("Authorization", merchantToken(merchant))
                .get("/v1/merchants/{id}/qr", merchant)
                .then()
                .statusCode(200)
                .body("dynamic", equalTo(false))
                .extract()
                .path("payload");

        given().header("Authorization", merchantToken(merchant))
                .contentType(ContentType.JSON)
                .body("{\"payload\":\"" + payload + "\"}")
                .post("/v1/qr/decode")
                .then()
                .statusCode(200)
                .body("payloadFormat", equalTo("01"))
                .body("pointOfInitiation", equalTo("STATIC"))
                .body("merchantAccounts[0].tag", equalTo("26"))
                .body("merchantAccounts[0].globallyUniqueId", equalTo("jp.kakehashi"))
                .body("merchantAccounts[0].fields[0].value", equalTo(merchant))
                .body("mcc", equalTo("5311"))
                .body("currency", equalTo("392"))
                .body("country", equalTo("JP"))
                .body("merchantName", equalTo("Namba Depato"))
                .body("merchantCity", equalTo("Osaka"));
    }

    @Test
    void anAmountMakesTheQrDynamicInTheMerchantsCurrency() {
        String merchant = aMerchantInShanghai();
        String payload = given().header("Authorization", merchantToken(merchant))
                .queryParam("amount", "128.5")
                .get("/v1/merchants/{id}/qr", merchant)
                .then()
                .statusCode(200)
                .body("dynamic", equalTo(true))
                .body("amount.amount", equalTo("128.50"))
                .body("amount.currency", equalTo("CNY"))
                .extract()
                .path("payload");

        assertThat(payload).contains("010212").contains("5303156").contains("5406128.50");
    }

    @Test
    void thePngImageScansBackToThePayload() throws Exception {
        String merchant = aMerchantInOsaka();
        String payload = given().header("Authorization", merchantToken(merchant))
                .queryParam("amount", "2500")
                .get("/v1/merchants/{id}/qr", merchant)
                .then()
                .statusCode(200)
                .extract()
                .path("payload");
        byte[] png = given().header("Authorization", merchantToken(merchant))
                .accept("image/png")
                .queryParam("amount", "2500")
                .get("/v1/merchants/{id}/qr", merchant)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();

        var image = ImageIO.read(new ByteArrayInputStream(png));
        String scanned = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(scanned).isEqualTo(payload);
    }

    @Test
    void anAmountWithTooManyDecimalsForTheCurrencyIsRefused() {
        String merchant = aMerchantInOsaka();
        given().header("Authorization", merchantToken(merchant))
                .queryParam("amount", "10.5")
                .get("/v1/merchants/{id}/qr", merchant)
                .then()
                .statusCode(400)
                .body("code", equalTo("amount_precision"));
    }
}
