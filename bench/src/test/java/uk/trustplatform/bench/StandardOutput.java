package uk.trustplatform.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a benchmark's main method prints, captured for assertions and printed on as well. */
final class StandardOutput {

    /** A benchmark's {@code main}. */
    interface Command {
        void main(String[] arguments) throws Exception;
    }

    private StandardOutput() {}

    static String of(Command command, String... arguments) throws Exception {
        PrintStream standard = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            command.main(arguments);
        } finally {
            System.setOut(standard);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        standard.print(report);
        return report;
    }
}
