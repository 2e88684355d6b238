package org.rapport.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every problem the framework answers with (404 for an unknown path, 415, 401...) one of
 * our {@code /problems/<slug>} types, and keeps parser internals out of the detail.
 */
@ApplicationScoped
public class ProblemTypes implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null && problem.getType().toString().startsWith("/problems/")) {
            return problem;
        }
        var type = ProblemType.forStatus(problem.getStatusCode());
        var builder = HttpProblem.builder(problem).withType(type.uri()).withTitle(type.title());
        if (context.cause instanceof JsonProcessingException json) {
            var at = json.getLocation();
            builder.withDetail("The body is not valid JSON" + (at == null ? "."
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
        } else if (problem.getStatusCode() >= 500) {
            builder.withDetail(null);
        }
        return builder.build();
    }

    @Override
    public int priority() {
        return 10;
    }
}
