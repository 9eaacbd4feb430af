package com.kakehashi.bank.api;

import com.kakehashi.bank.application.BusinessCalendars;
import com.kakehashi.bank.domain.BusinessCalendar;
import com.kakehashi.bank.domain.BusinessCalendar.DayKind;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Business-day calendars (operators): the listed days, and whether a date is a business day. */
@Path("/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Business calendars")
@RolesAllowed(Roles.OPERATOR)
public class CalendarResource {
    public record DayDto(String calendar, LocalDate day, String kind, String name, String source) {}

    public record DayRequest(
            @NotBlank String kind,
            @NotBlank @Size(max = 100) String name) {}

    public record BusinessDayDto(String calendar, LocalDate day, boolean open, LocalDate nextBusinessDay) {}

    @Inject
    BusinessCalendars calendars;

    @GET
    @Operation(summary = "The calendars that list days")
    public List<String> list() {
        return calendars.calendars();
    }

    @GET
    @Path("/{calendar}/days")
    @Operation(
            summary =
                    "A calendar's listed days (closed weekdays, open weekend days); weekends are closed unless listed")
    public List<DayDto> days(@PathParam("calendar") String calendar) {
        return calendars.days(calendar).stream()
                .map(d -> new DayDto(d.calendar(), d.day(), d.kind().name(), d.name(), d.source()))
                .toList();
    }

    @GET
    @Path("/{calendar}/business-day")
    @Operation(summary = "Is this date a business day, and which is the next one on or after it")
    public BusinessDayDto businessDay(@PathParam("calendar") String calendar, @QueryParam("date") String date) {
        LocalDate day = date(date);
        BusinessCalendar business = calendars.of(calendar);
        return new BusinessDayDto(calendar, day, business.isOpen(day), business.nextOpenOnOrAfter(day));
    }

    @PUT
    @Path("/{calendar}/days/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a day as CLOSED (holiday, bank closure) or OPEN (make-up working weekend)")
    public Response setDay(
            @PathParam("calendar") String calendar, @PathParam("day") String day, @NotNull @Valid DayRequest request) {
        DayKind kind;
        try {
            kind = DayKind.valueOf(request.kind());
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "kind is CLOSED or OPEN");
        }
        calendars.setDay(calendar, date(day), kind, request.name());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{calendar}/days/{day}")
    @Operation(summary = "Remove a listed day (it follows the weekday rule again)")
    public Response removeDay(@PathParam("calendar") String calendar, @PathParam("day") String day) {
        calendars.removeDay(calendar, date(day));
        return Response.noContent().build();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "a date is yyyy-MM-dd");
        }
    }
}
