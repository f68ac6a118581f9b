package dev.changebot.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App authenticates itself with (RS256, issuer = the App's id), which it
 * exchanges for an installation's access token. Issued 60 s in the past, as GitHub advises against
 * clock drift, and valid 9 minutes: GitHub refuses more than 10.
 */
public final class AppJwt {

    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(9);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final String appId;
    private final RSAPrivateKey key;
    private final Clock clock;

    public AppJwt(String appId, RSAPrivateKey key, Clock clock) {
        if (!appId.matches("[0-9A-Za-z.]{1,64}")) {
            throw new IllegalArgumentException("a GitHub App id is its number (or client id), not '" + appId + "'");
        }
        this.appId = appId;
        this.key = key;
        this.clock = clock;
    }

    /** A fresh token, signed now. */
    public String token() {
        var now = clock.instant().getEpochSecond();
        var claims = "{\"iat\":" + (now - BACKDATE.toSeconds()) + ",\"exp\":" + (now + LIFETIME.toSeconds())
                + ",\"iss\":\"" + appId + "\"}";
        var signingInput = HEADER + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            var rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the GitHub App's token failed", e);
        }
    }
}
