package uk.trustplatform.devstack.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code java} command of this JDK run with only the environment a pod would give it (and the
 * PATH a shell needs), not the caller's own settings: how the packaged jar is run as the Helm
 * chart runs it, by its tests and by the soak. Dev and test only.
 */
public final class PodProcess {

    private PodProcess() {}

    /** Starts {@code java arguments…} with {@code environment}, its output and errors going to {@code log}. */
    public static Process start(List<String> arguments, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
