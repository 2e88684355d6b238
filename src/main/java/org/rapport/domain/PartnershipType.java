package org.rapport.domain;

/**
 * The four partnership types of the practical guide: partners who understand the type
 * differently are unlikely to succeed.
 */
public enum PartnershipType {
    SECONDMENT, COOPERATIVE, COORDINATED, COLLABORATIVE
}
