package uk.trustplatform.tenancy;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * The {@code tenants/} folder: one sub-folder per tenant holding {@code tenant.yaml}. Besides
 * each definition's own problems, a folder must be named after its slug and no slug may appear
 * twice.
 */
@Singleton
public final class TenantDefinitionFolders {

    /** One folder's definition, or its problems (fields start with the folder's name). */
    public record Folder(Path path, @Nullable TenantDefinition definition, List<UserError> problems) {}

    private final TenantDefinitions definitions;

    TenantDefinitionFolders(TenantDefinitions definitions) {
        this.definitions = definitions;
    }

    public List<Folder> readAll(Path tenants) {
        List<Folder> folders = new ArrayList<>();
        Map<String, Path> slugs = new HashMap<>();
        for (Path folder : subFolders(tenants)) {
            TenantDefinitions.Reading reading = definitions.read(text(folder.resolve("tenant.yaml")));
            List<UserError> problems = new ArrayList<>(reading.problems());
            TenantDefinition definition = reading.definition();
            if (definition != null) {
                String slug = definition.slug();
                if (!slug.equals(folder.getFileName().toString())) {
                    problems.add(UserError.of(
                            Code.NOT_ALLOWED,
                            "slug: " + slug + " differs from its folder's name " + folder.getFileName() + ".",
                            "definition",
                            "slug"));
                }
                Path earlier = slugs.putIfAbsent(slug, folder);
                if (earlier != null) {
                    problems.add(UserError.of(
                            Code.NOT_ALLOWED,
                            "slug: " + slug + " is already defined in " + earlier + ".",
                            "definition",
                            "slug"));
                }
            }
            folders.add(new Folder(folder, problems.isEmpty() ? definition : null, List.copyOf(problems)));
        }
        return folders;
    }

    private static List<Path> subFolders(Path tenants) {
        try (Stream<Path> entries = Files.list(tenants)) {
            return entries.filter(Files::isDirectory)
                    .filter(d -> Files.exists(d.resolve("tenant.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list tenant definitions in " + tenants, e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
