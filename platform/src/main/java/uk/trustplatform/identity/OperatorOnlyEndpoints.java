package uk.trustplatform.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import uk.trustplatform.api.Role;

/**
 * Management endpoints marked sensitive are for platform operators only: anyone else with a valid
 * token gets 403 (Micronaut's own rule answers them with a 500 and advice to replace it). The
 * platform turns off every management endpoint but health and metrics (application.yml), so this
 * guards whatever a deployment turns back on.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class OperatorOnlyEndpoints extends SensitiveEndpointRule {

    OperatorOnlyEndpoints(EndpointSensitivityProcessor endpoints) {
        super(endpoints);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(
            HttpRequest<?> request, Authentication authentication, ExecutableMethod<?, ?> method) {
        return Mono.just(isPlatformOperator(authentication) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    static boolean isPlatformOperator(Authentication authentication) {
        return TokenClaims.of(authentication).roles().contains(Role.PLATFORM_OPERATOR);
    }
}
