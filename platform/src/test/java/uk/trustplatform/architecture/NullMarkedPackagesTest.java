package uk.trustplatform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NullAway checks only packages marked {@code @NullMarked}, so a new package left unmarked would
 * quietly go unchecked: every package of every module's main code carries the mark.
 */
class NullMarkedPackagesTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final List<String> MODULES = List.of("platform", "devstack/embedded", "devstack/launcher", "bench");

    @Test
    void every_package_of_main_code_is_null_marked() {
        for (String module : MODULES) {
            Path main = REPOSITORY.resolve(module).resolve("src/main/java");
            assertThat(main).as(module + "'s main code").isDirectory();
            assertThat(unmarked(main))
                    .as("packages of %s without @NullMarked", module)
                    .isEmpty();
        }
    }

    @Test
    void a_package_without_the_mark_or_without_package_info_is_reported(@TempDir Path main) throws IOException {
        write(main.resolve("uk/marked/Plan.java"), "package uk.marked;");
        write(main.resolve("uk/marked/package-info.java"), "@NullMarked\npackage uk.marked;");
        write(main.resolve("uk/bare/Plan.java"), "package uk.bare;");
        write(main.resolve("uk/plain/Plan.java"), "package uk.plain;");
        write(main.resolve("uk/plain/package-info.java"), "/** Plans. */\npackage uk.plain;");

        assertThat(unmarked(main)).containsExactlyInAnyOrder("uk/bare", "uk/plain");
    }

    /** The folders (relative to {@code main}) that hold Java sources but no {@code @NullMarked} package-info. */
    private static List<String> unmarked(Path main) {
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(folder -> !marked(folder.resolve("package-info.java")))
                    .map(folder -> main.relativize(folder).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean marked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
