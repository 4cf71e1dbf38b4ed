package com.magazine.content.common.error;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database refusals that the services did not turn into a domain problem themselves, typically two requests racing:
 * a 409 that says to retry, never a 500 with SQL in it.
 */
public class PersistenceProblems {

    @ServerExceptionMapper(priority = 1)
    Response constraint(ConstraintViolationException e, UriInfo uri) {
        return Problems.respond(Problems.conflict("conflict",
                "The change conflicts with other data that changed meanwhile; read it again and retry."), uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response concurrent(OptimisticLockException e, UriInfo uri) {
        return Problems.respond(Problems.conflict("concurrent-update",
                "Someone else changed this resource at the same moment; read it again and retry."), uri);
    }

}
