package uk.trustplatform.isolation;

import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * One query or mutation of the schema, or another tenant-facing endpoint (an export), as the
 * isolation suite and the permission matrix drive it.
 *
 * @param name the root field, for example {@code Mutation.updatePartnerOrganisation}
 * @param request the call aimed at a world's objects (its ids, its slug)
 * @param reached whether a reply shows the call reached the target: it read the target's data or changed it
 * @param allowed the roles that may reach the target; every other role is denied
 */
record Operation(
        String name, Function<World, Request> request, BiPredicate<Reply, World> reached, Set<Persona> allowed) {

    /** A GraphQL request, or (with a path) a GET of one of the platform's other endpoints, such as an export. */
    record Request(String query, Map<String, Object> variables, String path) {

        Request(String query, Map<String, Object> variables) {
            this(query, variables, null);
        }

        static Request get(String path) {
            return new Request(null, Map.of(), path);
        }

        Reply sendAs(ApiCaller caller) {
            return path == null ? caller.query(query, variables) : caller.get(path, Map.of());
        }
    }

    boolean mutation() {
        return name.startsWith("Mutation.");
    }
}
