package uk.trustplatform.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server sends PostgreSQL for one request, read from PostgreSQL's own statement log (CSV),
 * which is switched on ({@code log_statement = all}) only while that one request runs. Each
 * statement comes back with its parameters written in as the literals PostgreSQL logged, so the
 * list replays as a pgbench script: the floor, the same SQL with no server in front of it.
 */
final class SqlCapture {

    /** The server settings the capture needs, given to PostgreSQL when it starts. */
    static Map<String, String> serverConfig(Path logDirectory) {
        return Map.of(
                "logging_collector", "on",
                "log_destination", "csvlog",
                "log_directory", logDirectory.toAbsolutePath().toString(),
                "log_filename", "postgresql.log",
                "log_rotation_size", "0");
    }

    private static final Pattern COMMAND = Pattern.compile("(?s)^(?:execute [^:]+|statement): (.*)$");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']++|'')*+')");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final int USER = 1;
    private static final int SESSION = 5;
    private static final int MESSAGE = 13;
    private static final int DETAIL = 14;

    private final String superuserUrl;
    private final Path log;

    SqlCapture(String superuserUrl, Path logDirectory) {
        this.superuserUrl = superuserUrl;
        this.log = logDirectory.resolve("postgresql.csv");
    }

    /**
     * The statements {@code user}'s one session sent while {@code request} ran, parameters written
     * in. Several sessions' statements would mean something else ran at the same time: refused.
     */
    List<String> of(String user, Runnable request) throws Exception {
        long from = Files.exists(log) ? Files.size(log) : 0;
        logStatements("all");
        try {
            request.run();
        } finally {
            logStatements("none");
        }
        Map<String, List<String>> bySession = new LinkedHashMap<>();
        for (List<String> row : rows(from)) {
            Matcher command = COMMAND.matcher(row.get(MESSAGE));
            if (row.get(USER).equals(user) && command.matches()) {
                bySession
                        .computeIfAbsent(row.get(SESSION), session -> new ArrayList<>())
                        .add(literal(command.group(1), row.get(DETAIL)));
            }
        }
        if (bySession.size() != 1) {
            throw new IllegalStateException("Expected one session of " + user + " in the capture, found "
                    + bySession.size() + ": " + bySession);
        }
        return bySession.values().iterator().next();
    }

    /** The statement with each {@code $n} replaced by the literal PostgreSQL logged for it. */
    static String literal(String sql, String detail) {
        Map<String, String> values = new HashMap<>();
        Matcher parameter = PARAMETER.matcher(detail);
        while (parameter.find()) {
            values.put(parameter.group(1), parameter.group(2));
        }
        return PLACEHOLDER
                .matcher(sql)
                .replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), match.group())));
    }

    /**
     * The statements as a pgbench script, one per line, made replayable over and over with as
     * little change as can be: an optimistic update checks and sets the row's own version (the
     * captured figures pass once only), an audit row gets a new id (the captured one is taken),
     * and a colon in a JSON literal is followed by a space (pgbench reads {@code :word} as one of
     * its variables, even inside quotes).
     */
    static String script(List<String> statements) {
        StringBuilder script = new StringBuilder();
        for (String statement : statements) {
            String line = statement.strip().replaceAll("\\s*\\R\\s*", " ");
            line = SET_VERSION.matcher(line).replaceAll("\"version\"=\"version\"+1");
            line = CHECK_VERSION.matcher(line).replaceAll("\"version\" = \"version\"");
            line = AUDIT_ID.matcher(line).replaceFirst("$1gen_random_uuid()");
            line = JSON_LITERAL
                    .matcher(line)
                    .replaceAll(literal -> Matcher.quoteReplacement(
                            JSON_COLON.matcher(literal.group()).replaceAll(": ")));
            script.append(line).append(";\n");
        }
        return script.toString();
    }

    private static final Pattern SET_VERSION = Pattern.compile("\"version\"='\\d+'");
    private static final Pattern CHECK_VERSION = Pattern.compile("\"version\" = '\\d+'");
    private static final Pattern AUDIT_ID =
            Pattern.compile("^(INSERT INTO audit_event \\(tenant_id, id,.*?\\) VALUES \\('[^']*', )'[^']*'");
    private static final Pattern JSON_LITERAL = Pattern.compile("'[\\[{](?:[^']++|'')*+'");
    private static final Pattern JSON_COLON = Pattern.compile(":(?=\\w)");

    private void logStatements(String level) throws SQLException, InterruptedException {
        try (Connection superuser = DriverManager.getConnection(superuserUrl, "postgres", "");
                Statement statement = superuser.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_statement = '" + level + "'");
            statement.execute("SELECT pg_reload_conf()");
        }
        // Backends read the reloaded setting before their next command; give the signal time to arrive.
        Thread.sleep(300);
    }

    /** The log's CSV rows written after {@code offset} bytes; fields may hold newlines and doubled quotes. */
    private List<List<String>> rows(long offset) throws IOException, InterruptedException {
        // The collector writes asynchronously: wait for its file to stop growing.
        long size;
        do {
            size = Files.size(log);
            Thread.sleep(200);
        } while (Files.size(log) != size);
        List<List<String>> rows = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(log);
                Reader reader =
                        new BufferedReader(Channels.newReader(channel.position(offset), StandardCharsets.UTF_8))) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        if (reader.read() == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            reader.reset();
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append((char) c);
                }
            }
        }
        return rows;
    }
}
