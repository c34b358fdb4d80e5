package uk.trustplatform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the email gateway, which is outside the system: a loopback SMTP server that
 * accepts every message and keeps it for the test to read.
 */
public final class FakeMailServer implements AutoCloseable {

    /** One message as received: envelope recipients and the raw text. */
    public record Mail(List<String> recipients, String text) {}

    private final ServerSocket socket;
    private final List<Mail> received = new CopyOnWriteArrayList<>();

    public FakeMailServer() {
        try {
            socket = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Mail> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        List<String> recipients = new CopyOnWriteArrayList<>();
        out.print("220 fake-mail ready\r\n");
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("RCPT TO:")) {
                recipients.add(line.substring(8).replaceAll("[<>\\s]", ""));
                reply(out, "250 ok");
            } else if (command.equals("DATA")) {
                reply(out, "354 end with .");
                StringBuilder text = new StringBuilder();
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    text.append(data).append('\n');
                }
                received.add(new Mail(List.copyOf(recipients), text.toString()));
                reply(out, "250 queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 bye");
                return;
            } else if (command.startsWith("EHLO")) {
                reply(out, "250 fake-mail");
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
