package org.rapport.domain;

/** One field that breaks a stateless rule; {@code field} is a path such as {@code attendees[0].orgId}. */
public record Violation(String field, String message) {
}
