package uk.trustplatform.tenancy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Onboards every tenant defined under a folder, for operators working from the command line:
 * {@code java -cp <platform classpath> uk.trustplatform.tenancy.OnboardingCommand tenants}.
 * Configuration comes from the same environment variables as the service. Exits 1 if any
 * definition was refused.
 */
public final class OnboardingCommand {

    private OnboardingCommand() {}

    public static void main(String[] args) {
        Path folder = Path.of(args.length == 0 ? "tenants" : args[0]);
        try (ApplicationContext context = ApplicationContext.run()) {
            boolean allApplied = onboardAll(context, folder);
            System.exit(allApplied ? 0 : 1);
        }
    }

    /** Applies every valid definition and prints one line per tenant; false if any was refused. */
    public static boolean onboardAll(ApplicationContext context, Path folder) {
        List<TenantDefinitionFolders.Folder> folders =
                context.getBean(TenantDefinitionFolders.class).readAll(folder);
        OnboardingTenant onboarding = context.getBean(OnboardingTenant.class);
        boolean allApplied = true;
        for (var entry : folders) {
            TenantDefinition definition = entry.definition();
            if (definition == null) {
                allApplied = false;
                entry.problems().forEach(problem -> System.out.println(entry.path() + ": " + problem.message()));
                continue;
            }
            OnboardingTenant.Outcome outcome = onboarding.apply(definition);
            if (!outcome.userErrors().isEmpty()) {
                allApplied = false;
                outcome.userErrors().forEach(problem -> System.out.println(entry.path() + ": " + problem.message()));
                continue;
            }
            System.out.println(definition.slug() + ": "
                    + (outcome.changes().isEmpty() ? "already up to date" : String.join("; ", outcome.changes())));
        }
        return allApplied;
    }
}
