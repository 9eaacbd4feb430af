package com.kakehashi.console.web;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One page of a list. The services page by (page, size); a full page offers a next one (which may turn out empty).
 * {@code query} is the list's other parameters, kept in the prev/next links so every page has a stable URL.
 */
@TemplateData
public record Paging(int page, boolean hasPrevious, boolean hasNext, String query) {
    public static Paging of(int page, List<?> fetched, String query) {
        return new Paging(page, page > 0, fetched.size() >= Pages.PAGE_SIZE, query == null ? "" : query);
    }

    /** {@code query("bank", "jp", "state", "")} -> "bank=jp&state=", values URL-encoded. */
    public static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.append(i == 0 ? "" : "&")
                    .append(namesAndValues[i])
                    .append('=')
                    .append(java.net.URLEncoder.encode(
                            namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1],
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    public int previous() {
        return Math.max(0, page - 1);
    }

    public int next() {
        return page + 1;
    }

    public int number() {
        return page + 1;
    }
}
