package com.kakehashi.acquiring.domain;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A validated request to register or update an acquirer. */
public record AcquirerRegistration(
        String id,
        String name,
        String country,
        String currency,
        String bankId,
        String payoutAccount,
        List<CodePattern> codePatterns,
        Optional<String> resolveUrl) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern NAME = Pattern.compile("[\\x20-\\x7E]{1,100}");

    public AcquirerRegistration {
        require(id != null && ID.matcher(id).matches(), "id must be 2-40 lower-case letters, digits or hyphens");
        require(
                name != null && NAME.matcher(name).matches() && !name.isBlank(),
                "name must be 1-100 printable ASCII characters");
        require(country != null && country.matches("[A-Z]{2}"), "country must be an ISO 3166 alpha-2 code");
        require(currency != null && currency.matches("[A-Z]{3}"), "currency must be an ISO 4217 code");
        require(bankId != null && !bankId.isBlank(), "bankId is required");
        require(
                payoutAccount != null && payoutAccount.matches("[A-Za-z0-9-]{1,34}"),
                "payoutAccount must be 1-34 letters, digits or hyphens");
        codePatterns = codePatterns == null ? List.of() : List.copyOf(codePatterns);
        resolveUrl = resolveUrl == null ? Optional.empty() : resolveUrl;
        resolveUrl.ifPresent(AcquirerRegistration::requireHttpUrl);
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            require(
                    ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null,
                    "resolveUrl must be an absolute http(s) URL");
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "resolveUrl is not a URL: " + e.getMessage());
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, message);
        }
    }
}
