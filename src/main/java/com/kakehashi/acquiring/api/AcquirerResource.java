package com.kakehashi.acquiring.api;

import com.kakehashi.acquiring.api.AcquiringDtos.AcquirerDto;
import com.kakehashi.acquiring.api.AcquiringDtos.AcquirerRequest;
import com.kakehashi.acquiring.application.Acquirers;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/acquirers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Acquirers")
public class AcquirerResource {
    @Inject
    Caller caller;

    @Inject
    Acquirers acquirers;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register an acquirer (and the payee settlement pays it through)")
    public Response register(@NotNull @Valid AcquirerRequest request) {
        AcquirerDto created =
                AcquiringDtos.toDto(acquirers.register(AcquiringDtos.toRegistration(request, request.id())));
        return Response.status(201).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    public List<AcquirerDto> list() {
        return acquirers.all().stream().map(AcquiringDtos::toDto).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ACQUIRER})
    public AcquirerDto get(@PathParam("id") String id) {
        return AcquiringDtos.toDto(acquirers.visibleTo(caller, id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Change name, code patterns or resolve URL; `version` must be the one last read")
    public AcquirerDto update(@PathParam("id") String id, @NotNull @Valid AcquirerRequest request) {
        if (request.version() == null) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "version is required: send the version you read");
        }
        return AcquiringDtos.toDto(acquirers.update(AcquiringDtos.toRegistration(request, id), request.version()));
    }
}
