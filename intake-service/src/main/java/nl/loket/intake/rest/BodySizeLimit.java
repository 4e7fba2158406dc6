package nl.loket.intake.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.loket.kit.http.Problem;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 as problem+json for a declared body size over the limit, before the body is read. (Vert.x itself
 * answers a plain 413 for chunked bodies that grow past the limit.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
                Problem problem = Problem.of(413, "Content Too Large",
                        "The body is " + length + " bytes; at most " + maxBytes + " are accepted");
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }
}
