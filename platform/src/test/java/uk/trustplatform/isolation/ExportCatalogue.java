package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.MEMBERS;

import java.util.List;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on the CSV exports, as the isolation suite and the permission matrix drive them. */
final class ExportCatalogue {

    private ExportCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "GET /exports/pledge-register.csv",
                        world -> Request.get("/exports/pledge-register.csv"),
                        (reply, world) -> reply.status() == 200 && reply.text().contains(world.agencyMarker()),
                        MEMBERS),
                new Operation(
                        "GET /exports/action-plans.csv",
                        world -> Request.get("/exports/action-plans.csv"),
                        (reply, world) -> reply.status() == 200
                                && reply.text().contains(world.agencyMarker() + " Young inspectors"),
                        MEMBERS));
    }
}
