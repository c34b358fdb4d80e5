package uk.trustplatform.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;

/**
 * {@code /health} with its details (the database's address and version, disk space) shown only to
 * platform operators; everyone else, signed in or not, sees the status alone.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
final class OperatorHealthDetails extends HealthEndpoint {

    OperatorHealthDetails(
            HealthAggregator<HealthResult> aggregator,
            HealthIndicator[] indicators,
            @Liveness HealthIndicator[] livenessIndicators) {
        super(aggregator, indicators, livenessIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        if (principal instanceof Authentication authentication
                && OperatorOnlyEndpoints.isPlatformOperator(authentication)) {
            return HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS;
        }
        return HealthLevelOfDetail.STATUS;
    }
}
