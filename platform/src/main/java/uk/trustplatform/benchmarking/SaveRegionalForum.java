package uk.trustplatform.benchmarking;

import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.tenancy.Region;

/**
 * A regional forum to set up, or to change at the version read (a forum is known by its slug);
 * texts trimmed, the schema's defaults where a default is sent as null.
 */
record SaveRegionalForum(
        @Nullable String slug,
        @Nullable String name,
        Region region,
        int minimumRecords,
        RegionalForum.Naming naming,
        long version) {

    /** The fewest records a figure is shown for, unless a forum asks for more. */
    static final int FEWEST_RECORDS = 5;

    static SaveRegionalForum from(InputFields input) {
        Integer minimum = input.integer("minimumRecords");
        String naming = input.string("naming");
        return new SaveRegionalForum(
                Inputs.trimmed(input.string("slug")),
                Inputs.trimmed(input.string("name")),
                Region.valueOf(input.requiredString("region")),
                minimum == null ? FEWEST_RECORDS : minimum,
                naming == null ? RegionalForum.Naming.NAMED : RegionalForum.Naming.valueOf(naming),
                input.version("version"));
    }
}
