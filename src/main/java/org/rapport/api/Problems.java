package org.rapport.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.List;
import org.rapport.domain.Violation;

/** Builds the problem responses the API throws. */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem of(ProblemType type, String detail) {
        return builder(type, detail).build();
    }

    public static HttpProblem.Builder builder(ProblemType type, String detail) {
        return HttpProblem.builder().withType(type.uri()).withTitle(type.title()).withStatus(type.status())
                .withDetail(detail);
    }

    public static HttpProblem invalid(List<Violation> errors) {
        var detail = errors.size() == 1 ? (errors.get(0).field().isEmpty() ? "The request body"
                : errors.get(0).field()) + " " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return builder(ProblemType.VALIDATION, detail).with("errors", errors).build();
    }

    public static HttpProblem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }
}
