package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/** Introspection, as developers have it on (application-dev.yml), describes the schema. */
@MicronautTest(transactional = false)
@Property(name = "trust.graphql.introspection", value = "true")
class IntrospectionEnabledIT {

    @Inject
    EmbeddedServer server;

    @Test
    void introspection_lists_the_schemas_types_with_their_descriptions() {
        Reply reply = new ApiCaller(server).query("{ __type(name: \"Tenant\") { description fields { name } } }");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("__type").path("description").asText()).contains("children's partnership");
        assertThat(reply.data().path("__type").path("fields").findValuesAsText("name"))
                .contains("slug", "councils");
    }

    /** What GraphiQL and other tools send first; it nests deeper than the depth limit, within introspection only. */
    @Test
    void the_standard_introspection_query_passes_the_default_limits() {
        Reply reply = new ApiCaller(server).query(IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        assertThat(reply.data().path("__schema").path("types").findValuesAsText("name"))
                .contains("Tenant", "PartnerOrganisation", "Date");
    }
}
