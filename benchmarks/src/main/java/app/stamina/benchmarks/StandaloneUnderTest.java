package app.stamina.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The standalone jar as the system under test: started as its own process on a fresh data directory, reached only
 * through its public HTTP API (and, for the bare-store figures, through the endpoints file it writes).
 */
final class StandaloneUnderTest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA_OPTIONS = "Stamina-Java-Options";

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration coldStart;
    private String adminToken;
    private List<String> command;

    private StandaloneUnderTest(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts the jar with {@code -Xmx<heap>} and the other JVM options given; with {@code recording} set, under Java
     * Flight Recorder into that file.
     */
    static StandaloneUnderTest start(Path jar, Path dataDir, String heap, List<String> javaOptions, Path recording)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        command.addAll(javaOptionsOf(jar));
        command.addAll(javaOptions);
        if (recording != null) {
            // Stacks of 256 frames, not the default 64: a request's stack through Tomcat, the filters, Spring MVC and
            // Axon is deeper than 64, and a cut stack loses the frames that say which request and stage it was.
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--stamina.data-dir=" + dataDir,
                "--stamina.security.write-rate.enabled=false"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("standalone.log").toFile())
                .start();
        StandaloneUnderTest system = new StandaloneUnderTest(process, port, dataDir);
        system.command = List.copyOf(command);
        system.awaitHealthy();
        system.coldStart = Duration.ofNanos(System.nanoTime() - started);
        system.adminToken = system.token("bench-admin", "admin");
        return system;
    }

    /**
     * The JVM options the jar's manifest names ({@value #JAVA_OPTIONS}): those the README's commands run the
     * standalone with, so that it is measured as it is run.
     */
    static List<String> javaOptionsOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String options = manifest == null ? null : manifest.getMainAttributes().getValue(JAVA_OPTIONS);
            return optionsIn(options == null ? "" : options);
        }
    }

    /** JVM options written on one line, split at white space: none in a blank line. */
    static List<String> optionsIn(String line) {
        String options = line.strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** The command the standalone was started with. */
    List<String> command() {
        return command;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the standalone process died; see standalone.log beside the data directory");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the standalone process was not healthy within 3 minutes");
    }

    Duration coldStart() {
        return coldStart;
    }

    /** Resident memory of the process in MiB (Linux {@code VmRSS}). */
    double residentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    Properties endpoints() throws IOException {
        Properties endpoints = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("endpoints.properties"))) {
            endpoints.load(in);
        }
        return endpoints;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpClient client() {
        return http;
    }

    String adminToken() {
        return adminToken;
    }

    String token(String sub, String... roles) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("sub", sub, "roles", List.of(roles), "ttlSeconds", 86_400));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** A POST with the admin token; anything but 2xx is an error. */
    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return answer(path, response);
    }

    /** A GET with the admin token; anything but 2xx is an error. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        return answer(path, response);
    }

    private static JsonNode answer(String path, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The sum of a metric's series whose labels contain {@code labelFilter} (empty for all), from Prometheus text. */
    double metric(String name, String labelFilter) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.contains("{") ? line.substring(line.indexOf('{'), line.indexOf('}') + 1) : "";
                if (labels.contains(labelFilter)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    /** Waits until both read sides have projected every appended event; returns how long that took. */
    Duration awaitProjected(Duration atMost) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            double appended = metric("stamina_events_appended_total", "");
            if (metric("stamina_events_projected_total", "consumer=\"stamina-query\"") >= appended
                    && metric("stamina_events_projected_total", "consumer=\"stamina-analytics\"") >= appended) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the read sides did not catch up within " + atMost);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
