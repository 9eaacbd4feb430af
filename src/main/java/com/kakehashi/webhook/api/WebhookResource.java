package com.kakehashi.webhook.api;

import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.webhook.application.Webhooks;
import com.kakehashi.webhook.domain.Delivery;
import com.kakehashi.webhook.domain.EventType;
import com.kakehashi.webhook.domain.Subscription;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed({Roles.MERCHANT, Roles.ACQUIRER, Roles.OPERATOR})
public class WebhookResource {
    public record SubscriptionRequest(
            @NotNull @Size(max = 500) String url,
            @NotNull @Size(min = 1, max = 10) List<String> events) {}

    public record SubscriptionDto(
            UUID id,
            String url,
            List<String> events,
            Instant createdAt,

            @Schema(description = "The signing secret: in the answer to POST only, never again")
            String secret) {}

    public record DeliveryDto(
            UUID id,
            UUID eventId,
            String eventType,
            String resourceId,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {}

    @Inject
    Caller caller;

    @Inject
    Webhooks webhooks;

    @POST
    @Operation(summary = "Subscribe a URL to events; the answer shows the signing secret this once")
    public Response subscribe(@NotNull @Valid SubscriptionRequest request) {
        Webhooks.Created created = webhooks.subscribe(caller, request.url(), request.events());
        return Response.status(201)
                .entity(toDto(created.subscription(), created.secret()))
                .build();
    }

    @GET
    public List<SubscriptionDto> list() {
        return webhooks.mine(caller).stream().map(s -> toDto(s, null)).toList();
    }

    @GET
    @Path("/{id}")
    public SubscriptionDto get(@PathParam("id") UUID id) {
        return toDto(webhooks.owned(caller, id), null);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries of this subscription, newest first")
    public List<DeliveryDto> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return webhooks.deliveries(caller, id, page, size).stream()
                .map(WebhookResource::toDto)
                .toList();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a delivery again (for example a DEAD one after fixing the receiver)")
    public DeliveryDto replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return toDto(webhooks.replay(caller, id, deliveryId));
    }

    static SubscriptionDto toDto(Subscription s, String secret) {
        return new SubscriptionDto(
                s.id(), s.url(), s.events().stream().map(EventType::wireName).toList(), s.createdAt(), secret);
    }

    static DeliveryDto toDto(Delivery d) {
        return new DeliveryDto(
                d.id(),
                d.eventId(),
                d.eventType(),
                d.resourceId(),
                d.status().name(),
                d.attempts(),
                d.nextAttemptAt(),
                d.lastStatus(),
                d.lastError(),
                d.createdAt(),
                d.deliveredAt());
    }
}
