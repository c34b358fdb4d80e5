package uk.trustplatform.webhooks;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.NodeResolver;
import uk.trustplatform.api.PageRequest;

/** Reads webhook endpoints and their delivery logs, as {@link WebhookAccess} allows. */
@Singleton
final class ReadingWebhookEndpoints implements NodeResolver {

    /** The endpoints, newest first. */
    static final CursorShape CURSORS = CursorShape.of("webhookEndpoints", Part.TIMESTAMP, Part.UUID);

    /** An endpoint's deliveries, newest first. */
    static final CursorShape DELIVERY_CURSORS = CursorShape.of("webhookDeliveries", Part.TIMESTAMP, Part.UUID);

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    ReadingWebhookEndpoints(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    Connection<WebhookEndpoint> page(Caller caller, PageRequest page) {
        UUID organisation = WebhookAccess.keeperScope(caller).orElse(null);
        return Connection.fromRowsPlusOne(
                endpoints.page(caller.requireTenant(), organisation, afterTime(page), afterId(page), page.fetchSize()),
                page,
                row -> page.cursor(row.createdAt(), row.id()));
    }

    /** The endpoint's log; only ever asked of an endpoint the caller was allowed to read. */
    Connection<WebhookDelivery> deliveries(WebhookEndpoint endpoint, PageRequest page) {
        return Connection.fromRowsPlusOne(
                deliveries.log(endpoint.tenantId(), endpoint.id(), afterTime(page), afterId(page), page.fetchSize()),
                page,
                row -> page.cursor(row.createdAt(), row.id()));
    }

    Optional<WebhookEndpoint> visible(Caller caller, UUID id) {
        if (!caller.inTenant()) {
            return Optional.empty();
        }
        return endpoints
                .find(caller.requireTenant(), id)
                .filter(found -> WebhookAccess.keeps(caller, found.partnerOrganisationId()));
    }

    private static @Nullable OffsetDateTime afterTime(PageRequest page) {
        return page.continues() ? OffsetDateTime.parse(page.afterKey(0)) : null;
    }

    private static @Nullable UUID afterId(PageRequest page) {
        return page.continues() ? UUID.fromString(page.afterKey(1)) : null;
    }

    @Override
    public Set<String> types() {
        return Set.of(WebhookEndpoint.TYPE);
    }

    @Override
    public @Nullable Object find(UUID id, Caller caller) {
        return visible(caller, id).orElse(null);
    }
}
