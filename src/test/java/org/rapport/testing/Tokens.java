package org.rapport.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Tokens the tests mint with a key pair made for this test run. */
public final class Tokens {

    public static final String ISSUER = "https://rapport.test";
    private static final KeyPair KEYS = generate();

    private Tokens() {
    }

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A member of {@code orgId}'s staff with the partner role. */
    public static String partner(String orgId) {
        return partner(orgId, "person-of-" + orgId);
    }

    public static String partner(String orgId, String subject) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of("partner")).claim("org_id", orgId)
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    /** A funder's system, read-only. */
    public static String funder(String funderId) {
        return Jwt.issuer(ISSUER).subject("system-of-" + funderId).groups(Set.of("funder")).claim("funder_id", funderId)
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    public static String admin() {
        return Jwt.issuer(ISSUER).subject("an-admin").groups(Set.of("admin")).expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    public static String expired(String orgId) {
        return Jwt.issuer(ISSUER).subject("late").groups(Set.of("partner")).claim("org_id", orgId)
                .issuedAt(Instant.now().minus(Duration.ofHours(3))).expiresAt(Instant.now().minus(Duration.ofHours(2)))
                .sign(KEYS.getPrivate());
    }

    /** A partner's token that expires at {@code expiry}. */
    public static String expiringAt(String orgId, Instant expiry) {
        return Jwt.issuer(ISSUER).subject("brief").groups(Set.of("partner")).claim("org_id", orgId)
                .expiresAt(expiry).sign(KEYS.getPrivate());
    }

    public static String signedByAStranger(String orgId) {
        return Jwt.issuer(ISSUER).subject("stranger").groups(Set.of("admin")).claim("org_id", orgId)
                .expiresIn(Duration.ofHours(1)).sign(generate().getPrivate());
    }

    public static String fromAnotherIssuer(String orgId) {
        return Jwt.issuer("https://elsewhere.example").subject("x").groups(Set.of("admin")).claim("org_id", orgId)
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }
}
