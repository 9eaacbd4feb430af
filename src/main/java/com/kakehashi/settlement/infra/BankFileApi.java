package com.kakehashi.settlement.infra;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A partner bank's file intake over HTTPS: PUT is idempotent by name, and the Idempotency-Key lets the
 * bank recognise a redelivery of the same file after a timeout or a crash.
 */
@Path("/settlement-files")
public interface BankFileApi {
    @PUT
    @Path("/{name}")
    @Consumes("application/octet-stream")
    Response put(
            @PathParam("name") String name,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Content-SHA256") String sha256,
            byte[] content);
}
