package se.medborgarloften.platform.messaging.testing;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Every kind of token a resource server must refuse with 401, each named for the test report. The caller inside each
 * would be allowed with a valid token, so only the token itself can be the reason for the refusal.
 */
public final class RefusedTokens {

    private RefusedTokens() {}

    public static Stream<Named<String>> of(TestCaller caller) {
        TestIssuer issuer = TestIssuer.get();
        return Stream.of(
                Named.of("expired", issuer.expiredToken(caller)),
                Named.of("wrong issuer", issuer.tokenFromAnotherIssuer(caller)),
                Named.of("wrong audience", issuer.tokenForAnotherAudience(caller)),
                Named.of("alg none", issuer.unsignedToken(caller)),
                Named.of("forged signature", issuer.tokenWithForgedSignature(caller)),
                Named.of("not a JWT", "not-a-token"));
    }
}
