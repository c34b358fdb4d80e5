package uk.trustplatform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.trustplatform.partners.PartnerOrganisation;
import uk.trustplatform.tenancy.Tenant;

/** The platform's features talk only through each other's public API. */
class FeatureBoundariesTest {

    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.trustplatform");
    private static final FeatureBoundaries RULES = new FeatureBoundaries("uk.trustplatform");

    @Test
    void features_are_free_of_cycles() {
        RULES.featuresAreFreeOfCycles().check(PLATFORM);
    }

    /**
     * A tenant and a partner organisation are what every feature is about, and their entities have
     * been handed out as the features' public types since the start: read-only, never saved outside
     * their feature. No other entity may follow them.
     */
    @Test
    void entities_and_repositories_are_used_only_inside_their_feature() {
        RULES.persistenceStaysInItsFeature(Set.of(Tenant.class, PartnerOrganisation.class))
                .check(PLATFORM);
    }

    @Test
    void the_graphql_infrastructure_depends_on_no_feature() {
        RULES.apiDependsOnNoFeature().check(PLATFORM);
    }

    @Test
    void web_pages_reach_data_only_through_graphql_operations() {
        RULES.pagesReachDataOnlyThroughGraphQL().check(PLATFORM);
    }

    @Test
    void a_page_reading_the_database_or_calling_a_feature_is_reported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("uk.trustplatform.architecture.fixture");

        EvaluationResult result = new FeatureBoundaries("uk.trustplatform.architecture.fixture")
                .pagesReachDataOnlyThroughGraphQL()
                .evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail ->
                        assertThat(detail).contains("web.ShortcutPage").contains("java.sql.Connection"))
                .anySatisfy(detail ->
                        assertThat(detail).contains("web.ShortcutPage").contains("borrowing.Borrower"));
    }

    @Test
    void a_feature_using_anothers_entity_is_reported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("uk.trustplatform.architecture.fixture");

        EvaluationResult result = new FeatureBoundaries("uk.trustplatform.architecture.fixture")
                .persistenceStaysInItsFeature(Set.of())
                .evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail)
                        .contains("borrowing.Borrower uses")
                        .contains("lending.Loan, which belongs to feature lending"))
                .anySatisfy(detail -> assertThat(detail).contains("web.ShortcutPage uses"))
                .noneSatisfy(detail -> assertThat(detail).contains("lending.Loan uses"));
    }
}
