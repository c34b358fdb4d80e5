package uk.trustplatform.benchmarking;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.util.UUID;
import uk.trustplatform.api.ColumnNames;
import uk.trustplatform.tenancy.Region;

/**
 * A regional forum of partnerships (for example a North West forum): the platform's, not any
 * tenant's.
 *
 * @param minimumRecords a figure built from fewer records is suppressed (at least 5)
 */
@MappedEntity(value = "regional_forum", namingStrategy = ColumnNames.class)
record RegionalForum(
        @Id UUID id,
        String slug,
        String name,
        Region region,
        int minimumRecords,
        Naming naming,
        @Version long version) {

    /** Whether the forum's comparisons name the authorities or label them A, B, C … */
    enum Naming {
        NAMED,
        ANONYMISED
    }
}
