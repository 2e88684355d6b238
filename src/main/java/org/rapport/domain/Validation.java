package org.rapport.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** Collects every stateless rule a request breaks, so a client sees all of them at once. */
public final class Validation {

    private final String prefix;
    private final List<Violation> violations;

    public Validation() {
        this("", new ArrayList<>());
    }

    private Validation(String prefix, List<Violation> violations) {
        this.prefix = prefix;
        this.violations = violations;
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** A view that reports under {@code field.}, e.g. for one element of a list. */
    public Validation at(String field) {
        return new Validation(path(field) + ".", violations);
    }

    public void fail(String field, String message) {
        violations.add(new Violation(path(field), message));
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    /** A required text of {@code min}..{@code max} characters, not blank. */
    public void text(String field, String value, int min, int max) {
        if (!required(field, value)) {
            return;
        }
        if (value.isBlank() && min > 0) {
            fail(field, "must not be blank");
        } else if (value.length() < min || value.length() > max) {
            fail(field, "must be " + min + " to " + max + " characters long");
        }
    }

    /** An optional text of at most {@code max} characters. */
    public void optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            fail(field, "must be at most " + max + " characters long");
        }
    }

    /** A required list of {@code min}..{@code max} elements, each checked by {@code element}. */
    public <T> void list(String field, Collection<T> values, int min, int max, BiConsumer<Validation, T> element) {
        if (!required(field, values)) {
            return;
        }
        if (values.size() < min || values.size() > max) {
            fail(field, "must have " + min + " to " + max + " elements");
        }
        int i = 0;
        for (T value : values) {
            String at = field + "[" + i++ + "]";
            if (required(at, value)) {
                element.accept(at(at), value);
            }
        }
    }

    private String path(String field) {
        return prefix + field;
    }
}
