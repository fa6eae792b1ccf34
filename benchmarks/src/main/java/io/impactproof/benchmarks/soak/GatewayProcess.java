package io.impactproof.benchmarks.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the gateway as its own process, on a loopback port, appending its output to a log. */
public final class GatewayProcess {
    private final Process process;
    private final String base;
    private final long started = System.nanoTime();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private GatewayProcess(final Process process, final String base) {
        this.process = process;
        this.base = base;
    }

    /**
     * For the kill loop, which restarts the gateway again and again: the quick compiler only, so a
     * start costs less; its speed under load is not what the soak measures.
     */
    static GatewayProcess startForRestarts(final Path jar, final Path data, final int port, final Path log)
            throws IOException {
        return start(jar, data, port, log, List.of("-XX:TieredStopAtLevel=1"), List.of());
    }

    /**
     * The gateway as users run it ({@code java -jar}, the JVM's own compilers) with a 768 MB heap cap,
     * and more settings ({@code --name=value}): a Fabric ledger's, the footprint's hardware.
     */
    public static GatewayProcess start(
            final Path jar, final Path data, final int port, final Path log, final List<String> settings)
            throws IOException {
        return start(jar, data, port, log, List.of(), settings);
    }

    /** The same with JVM options (a flight recording, another compiler setting). */
    public static GatewayProcess start(
            final Path jar,
            final Path data,
            final int port,
            final Path log,
            final List<String> jvmOptions,
            final List<String> settings)
            throws IOException {
        final String java = ProcessHandle.current().info().command().orElse("java");
        final List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx768m"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--impactproof.data-dir=" + data,
                "--impactproof.base-url=http://localhost:" + port,
                "--spring.main.banner-mode=off"));
        command.addAll(settings);
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new GatewayProcess(process, "http://localhost:" + port);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the gateway answers UP; the time since the process started. */
    public Duration awaitUp(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + " (see its log)");
            }
            try {
                final HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the gateway did not come up within " + timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway " + pid() + " survived SIGKILL");
        }
    }

    /** A clean stop (SIGTERM), for the end of the soak. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
