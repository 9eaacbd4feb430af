package com.kakehashi.acquiring.sandbox;

import com.kakehashi.acquiring.infra.AcquirerResolveClient.ResolveAnswer;
import com.kakehashi.acquiring.infra.AcquirerResolveClient.ResolveRequest;
import com.kakehashi.qr.emv.EmvQrCodec;
import com.kakehashi.qr.emv.EmvQrException;
import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A sandbox acquirer served by the demo (and test) profile over real HTTP, as the sandbox bank is, so the resolve
 * client's timeout, retry and breaker run for real. It resolves Alipay and Alipay+ URLs, WeChat Pay wxp:// codes and
 * UnionPay EMV codes into a merchant; a code containing "UNKNOWN" is answered 404. An {@code amount} query parameter
 * makes a URL code dynamic.
 */
@IfBuildProfile(anyOf = {"demo", "test"})
@Path("/sandbox/acquirer/resolve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Sandbox acquirer (demo only)")
public class SandboxAcquirerResource {

    @POST
    @Operation(summary = "Resolve a merchant code into its merchant (sandbox rules)")
    public ResolveAnswer resolve(ResolveRequest request) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (!profiles.contains("demo") && !profiles.contains("test")) {
            throw new NotFoundException(); // a demo build started in another profile serves no sandbox
        }
        String payload = request == null ? null : request.payload();
        if (payload == null || payload.toUpperCase(Locale.ROOT).contains("UNKNOWN")) {
            throw new NotFoundException();
        }
        if (payload.startsWith("000201")) {
            return fromUnionPayCode(payload);
        }
        URI uri;
        try {
            uri = new URI(payload);
        } catch (java.net.URISyntaxException notAUrl) {
            throw new NotFoundException(); // not a code this acquirer issued
        }
        String token = uri.getPath() == null || uri.getPath().length() <= 1
                ? uri.getSchemeSpecificPart().replaceAll("[^A-Za-z0-9]", "")
                : uri.getPath().replaceAll("[^A-Za-z0-9]", "");
        String reference =
                (payload.startsWith("wxp:") ? "WX-" : "ALI-") + token.substring(0, Math.min(token.length(), 20));
        String name = SandboxCodes.merchantNameFor(payload)
                .orElse("Sandbox Merchant " + token.substring(0, Math.min(token.length(), 6)));
        return new ResolveAnswer(reference, name, "5812", "Shanghai", "CNY", amountOf(uri));
    }

    private static ResolveAnswer fromUnionPayCode(String payload) {
        try {
            MerchantPresentedQr qr = EmvQrCodec.decodeLenient(payload).qr();
            String reference = qr.merchantAccounts().stream()
                    .map(MerchantAccountInfo::subObjects)
                    .flatMap(List::stream)
                    .filter(o -> o.tag().equals("01"))
                    .map(o -> "UP-" + o.value())
                    .findFirst()
                    .orElse("UP-" + qr.crc());
            return new ResolveAnswer(
                    reference,
                    qr.merchantName() == null ? "UnionPay Merchant" : qr.merchantName(),
                    qr.merchantCategoryCode(),
                    qr.merchantCity(),
                    "CNY",
                    qr.transactionAmount());
        } catch (EmvQrException e) {
            throw new NotFoundException();
        }
    }

    private static String amountOf(URI uri) {
        if (uri.getQuery() == null) {
            return null;
        }
        for (String pair : uri.getQuery().split("&")) {
            if (pair.startsWith("amount=") && pair.substring(7).matches("\\d{1,9}(\\.\\d{1,2})?")) {
                return pair.substring(7);
            }
        }
        return null;
    }
}
