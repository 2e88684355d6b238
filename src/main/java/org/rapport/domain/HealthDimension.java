package org.rapport.domain;

/** The six dimensions of a partnership's health. */
public enum HealthDimension {
    TRUST, ALIGNMENT, GOVERNANCE, SUSTAINABILITY, ENGAGEMENT, MOMENTUM
}
