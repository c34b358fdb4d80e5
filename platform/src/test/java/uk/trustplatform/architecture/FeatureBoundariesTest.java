package uk.trustplatform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

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

    @Test
    void a_features_subpackages_are_reached_only_from_that_feature() {
        RULES.subpackagesAreInternalToTheirFeature().check(PLATFORM);
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
    void a_feature_reaching_into_anothers_internals_is_reported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("uk.trustplatform.architecture.fixture");

        EvaluationResult result = new FeatureBoundaries("uk.trustplatform.architecture.fixture")
                .subpackagesAreInternalToTheirFeature()
                .evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail)
                        .contains("borrowing.Borrower reaches")
                        .contains("lending.internal.LoanBook, internal to feature lending"));
    }
}
