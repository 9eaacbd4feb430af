package com.kakehashi.acquiring.infra;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Draws a payment code as a CODE 128 barcode PNG, the one-dimensional form tills' laser scanners read. */
@ApplicationScoped
public class BarcodeRenderer {
    private static final int WIDTH_PX = 600;
    private static final int HEIGHT_PX = 160;

    public byte[] code128(String digits) {
        BitMatrix matrix = new Code128Writer()
                .encode(digits, BarcodeFormat.CODE_128, WIDTH_PX, HEIGHT_PX, Map.of(EncodeHintType.MARGIN, 10));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
