package com.kakehashi.console.web;

import com.kakehashi.common.security.Caller;
import com.kakehashi.console.session.ConsoleSession;
import com.kakehashi.console.view.Formats;
import com.kakehashi.console.view.Messages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** What every console page carries: the words in the viewer's language, formats, the session and its CSRF token. */
@RequestScoped
public class Pages {
    /** The console pages a list at a time; the next page exists when one more row came back. */
    public static final int PAGE_SIZE = 25;

    @Inject
    ConsoleSession session;

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest request;

    /** The layout's view of the session. */
    @TemplateData
    public record Viewer(
            boolean signedIn,
            String subject,
            boolean operator,
            String csrf,
            String language,
            String zone,
            String section) {}

    public TemplateInstance page(Template template, String section) {
        Viewer viewer = viewer(section);
        Map<String, String> words = Messages.of(viewer.language());
        return template.data("m", words)
                .data("f", new Formats(session.zone()))
                .data("s", viewer)
                .data("notice", notice(words))
                .setLocale(Locale.forLanguageTag(viewer.language()));
    }

    /** The outcome of the write that redirected here ({@code ?notice=run_created}), in the viewer's words. */
    private String notice(Map<String, String> words) {
        String key = request.getCurrent().queryParams().get("notice");
        return key == null ? "" : words.getOrDefault("notice_" + key, "");
    }

    /** A page for someone not signed in (sign-in, errors before a session exists). */
    public TemplateInstance anonymousPage(Template template) {
        String language = session.language();
        return template.data("m", Messages.of(language))
                .data("f", new Formats(session.zone()))
                .data(
                        "s",
                        new Viewer(
                                false, "", false, "", language, session.zone().getId(), ""));
    }

    /** A page that never refuses (error pages): signed-in look when the session is a console role, else anonymous. */
    public TemplateInstance pageOrAnonymous(Template template) {
        try {
            return page(template, "");
        } catch (com.kakehashi.console.session.ConsoleAccessException e) {
            return anonymousPage(template);
        }
    }

    private Viewer viewer(String section) {
        Caller caller = session.caller();
        return new Viewer(
                true,
                caller.subject(),
                caller.isOperator(),
                session.csrfToken(),
                session.language(),
                session.zone().getId(),
                section);
    }

    /** After a write: back to the page that shows its result (Post/Redirect/Get), with a notice key. */
    public static Response seeOther(String path, String notice) {
        String separator = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(notice == null ? path : path + separator + "notice=" + notice))
                .build();
    }
}
