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

    /** A required reference (an id chosen by the client): 1 to 100 characters. */
    public void ref(String field, String value) {
        text(field, value, 1, Limits.REFERENCE);
    }

    /** A required whole number in {@code min}..{@code max}. */
    public void range(String field, Integer value, int min, int max) {
        if (required(field, value) && (value < min || value > max)) {
            fail(field, "must be " + min + " to " + max);
        }
    }

    /** A required number greater than zero. */
    public void positive(String field, java.math.BigDecimal value) {
        if (required(field, value) && value.signum() <= 0) {
            fail(field, "must be greater than 0");
        }
    }

    /** A required number of zero or more. */
    public void nonNegative(String field, java.math.BigDecimal value) {
        if (required(field, value) && value.signum() < 0) {
            fail(field, "must be 0 or more");
        }
    }

    /** A list whose elements must all differ. */
    public <T> void distinct(String field, Collection<T> values) {
        if (values != null && new java.util.HashSet<>(values).size() != values.size()) {
            fail(field, "must not repeat an element");
        }
    }

    /** A required list of references, each 1 to 100 characters, none repeated. */
    public void refs(String field, Collection<String> values, int min) {
        list(field, values, min, Limits.LIST, (at, value) -> at.textAt(value));
        distinct(field, values);
    }

    private void textAt(String value) {
        var field = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (value.isBlank() || value.length() > Limits.REFERENCE) {
            violations.add(new Violation(field, "must be 1 to " + Limits.REFERENCE + " characters long"));
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
