package org.rapport.domain;

public enum PartnerRole {
    LEAD, DELIVERY, FUNDER, COMMISSIONER, ADVISOR
}
