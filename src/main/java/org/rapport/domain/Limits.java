package org.rapport.domain;

/** Sizes the domain accepts for free text and identifiers. */
public final class Limits {

    public static final int NAME = 200;
    public static final int REFERENCE = 100;
    public static final int PROBLEM_STATEMENT = 2000;
    public static final int LIST = 100;
    public static final int URL = 2000;

    private Limits() {
    }
}
