package org.rapport.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The packaged service refuses to start without a way to verify tokens: a public key (or JWKS
 * location) and the issuer to expect. Dev mode makes its own; the tests bring theirs.
 */
@ApplicationScoped
public class TokenVerificationRequired {

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    void check(@Observes StartupEvent startup) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        if (publicKey.isEmpty() && publicKeyLocation.isEmpty()) {
            throw new IllegalStateException("No token verification key is configured: set "
                    + "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION), a PEM file or a JWKS URL");
        }
        if (issuer.isEmpty()) {
            throw new IllegalStateException("No token issuer is configured: set mp.jwt.verify.issuer "
                    + "(MP_JWT_VERIFY_ISSUER)");
        }
    }
}
