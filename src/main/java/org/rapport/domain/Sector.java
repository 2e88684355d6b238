package org.rapport.domain;

public enum Sector {
    PUBLIC, PRIVATE, VOLUNTARY, COMMUNITY, ACADEMIC, FUNDER
}
