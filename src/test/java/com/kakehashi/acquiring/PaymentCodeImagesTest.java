package com.kakehashi.acquiring;

import static com.kakehashi.support.AcquiringFixtures.aWalletHolding;
import static com.kakehashi.support.AcquiringFixtures.issueCode;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a till's scanner reads off the traveller's screen is exactly the code the service issued. */
@QuarkusTest
class PaymentCodeImagesTest {
    @Test
    void theQrImageDecodesToTheQrPayloadAndTheBarcodeToThe18Digits() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletHolding(traveller, 10_000);
        JsonPath issued =
                issueCode(traveller, walletId).then().statusCode(201).extract().jsonPath();
        String code = issued.getString("code");
        assertThat(code).matches("\\d{18}");

        Result qr = decode(image(traveller, walletId, code, "qr"), BarcodeFormat.QR_CODE);
        Result barcode = decode(image(traveller, walletId, code, "code128"), BarcodeFormat.CODE_128);

        assertThat(qr.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
        assertThat(qr.getText()).isEqualTo(issued.getString("qrPayload"));
        assertThat(barcode.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
        assertThat(barcode.getText()).isEqualTo(code);
    }

    @Test
    void theDefaultImageIsTheQrCode() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletHolding(traveller, 10_000);
        String code =
                issueCode(traveller, walletId).then().statusCode(201).extract().path("code");

        byte[] png = given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{id}/payment-codes/{code}", walletId, code)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();

        assertThat(decode(png, BarcodeFormat.QR_CODE).getText()).isEqualTo(code);
    }

    private static byte[] image(String traveller, String walletId, String code, String format) {
        return given().header("Authorization", travellerToken(traveller))
                .queryParam("format", format)
                .get("/v1/wallets/{id}/payment-codes/{code}", walletId, code)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", "no-store")
                .extract()
                .asByteArray();
    }

    /** Decodes as a scanner restricted to one symbology would (so a QR cannot pass for a barcode). */
    private static Result decode(byte[] png, BarcodeFormat format) throws IOException, NotFoundException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader()
                .decode(
                        bitmap,
                        Map.of(
                                DecodeHintType.POSSIBLE_FORMATS,
                                List.of(format),
                                DecodeHintType.TRY_HARDER,
                                Boolean.TRUE));
    }
}
