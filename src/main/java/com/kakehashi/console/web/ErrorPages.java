package com.kakehashi.console.web;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.console.session.ConsoleAccessException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Console refusals as pages: no session sends the viewer to sign in; a role that does not open the page, a
 * refused form token or a business rejection shows the reason (the API's stable code) with the API's status.
 */
@RequestScoped
public class ErrorPages {
    @Inject
    @Location("console/error")
    Template error;

    @Inject
    Pages pages;

    @ServerExceptionMapper
    public Response access(ConsoleAccessException e) {
        if (e instanceof ConsoleAccessException.NotSignedIn notSignedIn) {
            String next = URLEncoder.encode(SignInPages.safeNext(notSignedIn.next()), StandardCharsets.UTF_8);
            return Response.seeOther(URI.create("/console/sign-in?next=" + next))
                    .build();
        }
        String code = e instanceof ConsoleAccessException.CsrfRefused ? "csrf_refused" : "forbidden";
        return Response.status(403)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.pageOrAnonymous(error)
                        .data("code", code)
                        .data("detail", "")
                        .render())
                .build();
    }

    /** A business rejection met while showing or doing something in the console. */
    public Response business(BusinessException e) {
        return problem(e.errorCode().status(), e.errorCode().code(), e.getMessage());
    }

    /** A refusal with the API's status, stable code and detail. */
    public Response problem(int status, String code, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.pageOrAnonymous(error)
                        .data("code", code)
                        .data("detail", detail == null ? "" : detail)
                        .render())
                .build();
    }
}
