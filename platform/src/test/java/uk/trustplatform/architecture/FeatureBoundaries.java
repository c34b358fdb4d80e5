package uk.trustplatform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.repository.GenericRepository;
import java.util.Set;

/**
 * The rules that keep features apart, for a root package whose direct subpackages are features.
 * Each rule fails when it finds no class to check, so a renamed package cannot make it pass unseen.
 */
final class FeatureBoundaries {

    private final String root;

    FeatureBoundaries(String root) {
        this.root = root;
    }

    /** Features may use each other, but never in a cycle. */
    ArchRule featuresAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * A feature's tables are its own: its entities ({@code @MappedEntity}) and repositories are used
     * only inside its package. Another feature asks through the feature's use cases or its GraphQL
     * types, so a table's rules (tenant scoping, audit, optimistic locking) live in one place.
     * {@code published} names the entities a feature hands out read-only as its public type.
     */
    ArchRule persistenceStaysInItsFeature(Set<Class<?>> published) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .and(new DescribedPredicate<JavaClass>("are entities or repositories") {
                    @Override
                    public boolean test(JavaClass type) {
                        return (type.isAnnotatedWith(MappedEntity.class)
                                        || type.isAssignableTo(GenericRepository.class))
                                && published.stream().noneMatch(type::isEquivalentTo);
                    }
                })
                .should(onlyBeUsedFromTheirOwnFeature());
    }

    /** The GraphQL infrastructure serves every feature and depends on none of them. */
    ArchRule apiDependsOnNoFeature() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".api..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("a feature") {
                    @Override
                    public boolean test(JavaClass target) {
                        String feature = featureOf(target);
                        return feature != null && !feature.equals("api");
                    }
                })
                .allowEmptyShould(false);
    }

    /**
     * The web pages reach data only through named GraphQL operations: they depend on the GraphQL
     * infrastructure ({@code api}), on signing in ({@code identity}'s browser sessions) and on the
     * export files (which read through GraphQL as the caller, for the pages' downloads), never on
     * another feature, a use case, a repository or the database.
     */
    ArchRule pagesReachDataOnlyThroughGraphQL() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".web..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("another feature, or the database") {
                    @Override
                    public boolean test(JavaClass target) {
                        String feature = featureOf(target);
                        if (feature != null) {
                            String inPackage = target.getName()
                                    .substring(target.getPackageName().length() + 1);
                            // The export files read their tables through GraphQL as the caller, as pages do.
                            return !feature.equals("web")
                                    && !feature.equals("api")
                                    && !(feature.equals("identity") && inPackage.startsWith("Browser"))
                                    && !(feature.equals("exports") && inPackage.startsWith("ExportFiles"));
                        }
                        String name = target.getPackageName();
                        return name.startsWith("java.sql")
                                || name.startsWith("javax.sql")
                                || name.startsWith("io.micronaut.data")
                                || name.startsWith("io.micronaut.transaction");
                    }
                })
                .allowEmptyShould(false);
    }

    private ArchCondition<JavaClass> onlyBeUsedFromTheirOwnFeature() {
        return new ArchCondition<>("only be used from their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String feature = featureOf(target);
                for (Dependency use : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = use.getOriginClass();
                    if (!feature.equals(featureOf(origin))) {
                        events.add(SimpleConditionEvent.violated(
                                use,
                                origin.getName() + " uses " + target.getName() + ", which belongs to feature "
                                        + feature));
                    }
                }
            }
        };
    }

    private String featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
