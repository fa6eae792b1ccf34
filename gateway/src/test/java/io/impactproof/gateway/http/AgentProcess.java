package io.impactproof.gateway.http;

import io.impactproof.credentials.jwt.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A party's agent as its own process ({@code impactproof agent verifier|validator --once}, the CLI's
 * jar), its key written to its own file and never given to the gateway.
 */
record AgentProcess(Process process, Path log) {
    static AgentProcess start(final String role, final SigningKey key, final String registry, final Path dir)
            throws IOException {
        return launch(role, key, registry, dir, List.of("--once"));
    }

    /** An agent that keeps watching, with these further options; {@link #stop} ends it. */
    static AgentProcess watch(
            final String role, final SigningKey key, final String registry, final Path dir, final String... options)
            throws IOException {
        return launch(role, key, registry, dir, List.of(options));
    }

    private static AgentProcess launch(
            final String role, final SigningKey key, final String registry, final Path dir, final List<String> options)
            throws IOException {
        final String name = role + "-" + key.did().replace(':', '_');
        final Path keyFile = dir.resolve(name + ".jwk");
        Files.writeString(keyFile, key.toPrivateJwkJson());
        final Path jar = Files.list(Path.of("..", "cli", "target"))
                .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("build cli first: its -all.jar is missing"));
        final Path log = Files.createTempFile(dir, name, ".log");
        final String java = ProcessHandle.current().info().command().orElse("java");
        final List<String> command = new ArrayList<>(List.of(
                java,
                "-jar",
                jar.toString(),
                "agent",
                role,
                "--registry",
                registry,
                "--key",
                keyFile.toString(),
                "--kid",
                key.keyId()));
        command.addAll(options);
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new AgentProcess(process, log);
    }

    /** What it printed so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** Ends a watching agent (by its PID) and waits for it to exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Waits for the agent to finish (three minutes at most) and returns what it printed; fails unless it exited 0. */
    String finish() throws IOException, InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the agent did not finish: " + Files.readString(log));
        }
        final String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the agent exited " + process.exitValue() + ": " + output);
        }
        return output;
    }
}
