package uk.trustplatform.isolation;

import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * One query or mutation of the schema, as the isolation suite and the permission matrix drive it.
 *
 * @param name the root field, for example {@code Mutation.updatePartnerOrganisation}
 * @param request the call aimed at a world's objects (its ids, its slug)
 * @param reached whether a reply shows the call reached the target: it read the target's data or changed it
 * @param allowed the roles that may reach the target; every other role is denied
 */
record Operation(
        String name, Function<World, Request> request, BiPredicate<Reply, World> reached, Set<Persona> allowed) {

    record Request(String query, Map<String, Object> variables) {}

    boolean mutation() {
        return name.startsWith("Mutation.");
    }
}
