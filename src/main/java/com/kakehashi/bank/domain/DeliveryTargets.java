package com.kakehashi.bank.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a bank's files may go, so that a careless or hostile operator edit cannot write outside the outbox
 * or send payouts to an unknown host: a DIRECTORY target is a relative path of plain names under the outbox
 * (no absolute path, no {@code ..}, no drive or backslash tricks); an HTTPS target is an {@code https} URL
 * whose host is registered in configuration. Returns the reason a target is refused, empty when it is fine.
 */
public final class DeliveryTargets {
    private static final java.util.regex.Pattern SEGMENT =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private DeliveryTargets() {}

    public static Optional<String> refusal(
            PartnerBank.DeliveryChannel channel, String target, Set<String> allowedHosts, boolean plainHttpAllowed) {
        if (target == null || target.isBlank() || target.length() > 300 || target.indexOf('\0') >= 0) {
            return Optional.of("a delivery target is required (at most 300 characters)");
        }
        return switch (channel) {
            case DIRECTORY -> directoryRefusal(target);
            case HTTPS -> httpsRefusal(target, allowedHosts, plainHttpAllowed);
        };
    }

    private static Optional<String> directoryRefusal(String target) {
        for (String segment : target.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()
                    || segment.equals("..")
                    || segment.chars().allMatch(c -> c == '.')) {
                return Optional.of("a DIRECTORY target is a relative path under the outbox: names of letters, digits,"
                        + " '.', '_' and '-' separated by '/', no absolute path and no '..'");
            }
        }
        try {
            Path path = Path.of(target);
            if (path.isAbsolute() || !path.normalize().equals(path)) {
                return Optional.of("a DIRECTORY target must stay under the outbox");
            }
        } catch (InvalidPathException e) {
            return Optional.of("a DIRECTORY target must be a plain relative path");
        }
        return Optional.empty();
    }

    private static Optional<String> httpsRefusal(String target, Set<String> allowedHosts, boolean plainHttpAllowed) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.of("an HTTPS target must be a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(plainHttpAllowed && scheme.equals("http"))) {
            return Optional.of("an HTTPS target must use https");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of("an HTTPS target is https://host[:port][/path], without credentials, query or fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.stream()
                .noneMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(host))) {
            return Optional.of("host '" + host + "' is not a registered bank host (kakehashi.bank.delivery-hosts)");
        }
        return Optional.empty();
    }
}
