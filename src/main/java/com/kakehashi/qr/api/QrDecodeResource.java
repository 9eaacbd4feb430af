package com.kakehashi.qr.api;

import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.qr.emv.DataObject;
import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/qr/decode")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "QR")
public class QrDecodeResource {
    public record DecodeRequest(@NotNull @Size(max = 512) String payload) {}

    public record DataObjectDto(String tag, String value) {}

    public record MerchantAccountDto(String tag, String value, String globallyUniqueId, List<DataObjectDto> fields) {}

    public record LanguageTemplateDto(List<DataObjectDto> fields) {}

    public record DecodedQrDto(
            String payloadFormat,
            String pointOfInitiation,
            List<MerchantAccountDto> merchantAccounts,
            String mcc,
            String currency,
            String amount,
            String country,
            String merchantName,
            String merchantCity,
            String postalCode,
            List<DataObjectDto> additionalData,
            List<DataObjectDto> merchantInformationLanguage,
            List<DataObjectDto> otherTags,
            String crc,
            @Schema(description = "EMV_MPM or URL") String format,

            @Schema(description = "ALIPAY, WECHAT, UNIONPAY, ALIPAY_PLUS, KAKEHASHI, PROMPTPAY, ... or null")
            String network,

            @Schema(description = "Each way the code departs from the EMVCo specification")
            List<String> warnings,

            @Schema(description = "The code itself when it is a URL")
            String url) {}

    @Inject
    MerchantQrCodes codes;

    @POST
    @Authenticated
    @Operation(
            summary = "Decode a scanned code: EMVCo merchant-presented (leniently, with warnings) or a URL code an"
                    + " acquirer recognises; qr_not_payable when it cannot be paid safely")
    public DecodedQrDto decode(@NotNull @Valid DecodeRequest request) {
        MerchantQrCodes.Explained explained = codes.explain(request.payload());
        if (explained.emv() == null) {
            return new DecodedQrDto(
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    explained.format().name(),
                    explained.network(),
                    explained.warnings(),
                    explained.url());
        }
        return toDto(explained.emv(), explained);
    }

    static DecodedQrDto toDto(MerchantPresentedQr qr, MerchantQrCodes.Explained explained) {
        return new DecodedQrDto(
                qr.payloadFormatIndicator(),
                qr.pointOfInitiation() == null ? null : qr.pointOfInitiation().name(),
                qr.merchantAccounts().stream().map(QrDecodeResource::toDto).toList(),
                qr.merchantCategoryCode(),
                qr.transactionCurrency(),
                qr.transactionAmount(),
                qr.countryCode(),
                qr.merchantName(),
                qr.merchantCity(),
                qr.postalCode(),
                objects(qr.additionalData()),
                objects(qr.merchantInformationLanguage()),
                objects(qr.otherTags()),
                qr.crc(),
                explained.format().name(),
                explained.network(),
                explained.warnings(),
                null);
    }

    private static MerchantAccountDto toDto(MerchantAccountInfo account) {
        return new MerchantAccountDto(
                account.tag(), account.primitiveValue(), account.globallyUniqueId(), objects(account.subObjects()));
    }

    private static List<DataObjectDto> objects(List<DataObject> objects) {
        return objects == null
                ? null
                : objects.stream()
                        .map(o -> new DataObjectDto(o.tag(), o.value()))
                        .toList();
    }
}
