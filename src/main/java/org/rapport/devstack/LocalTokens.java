package org.rapport.devstack;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Tokens for trying the service in dev mode: a key pair made at start-up (never packaged, never
 * written to disk) and ready-to-use bearer tokens signed with it.
 */
final class LocalTokens {

    static final String ISSUER = "https://rapport.local";
    private static final String PUBLIC_KEY_PROPERTY = "rapport.local.jwt.public-key";
    private static final String PRIVATE_KEY_PROPERTY = "rapport.local.jwt.private-key";

    private LocalTokens() {
    }

    /** The public key (base64 DER) that verifies local tokens; made on first use in this JVM. */
    static synchronized String publicKey() {
        if (System.getProperty(PUBLIC_KEY_PROPERTY) == null) {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                System.setProperty(PUBLIC_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                System.setProperty(PRIVATE_KEY_PROPERTY,
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return System.getProperty(PUBLIC_KEY_PROPERTY);
    }

    static String funderToken(String subject, String funderId) {
        return sign(claims(subject, List.of("funder"), null, funderId));
    }

    static String token(String subject, List<String> groups, String orgId) {
        return sign(claims(subject, groups, orgId, null));
    }

    private static JwtClaims claims(String subject, List<String> groups, String orgId, String funderId) {
        var claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(12 * 60);
        claims.setStringListClaim("groups", groups);
        if (orgId != null) {
            claims.setClaim("org_id", orgId);
        }
        if (funderId != null) {
            claims.setClaim("funder_id", funderId);
        }
        return claims;
    }

    private static String sign(JwtClaims claims) {
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        publicKey();
        try {
            var der = Base64.getDecoder().decode(System.getProperty(PRIVATE_KEY_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
