package org.rapport.funders;

/** A funder joined the registry (fired asynchronously, after the registration committed). */
public record FunderRegistered(String funderId) {
}
