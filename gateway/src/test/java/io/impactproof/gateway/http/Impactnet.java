package io.impactproof.gateway.http;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Fabric network of {@code network/impactnet}, as the Fabric tests use it: the settings of each
 * organisation's gateway, and the script's {@code stop}/{@code start} for fault drills. The network
 * must be up ({@code network/impactnet up}); {@code scripts/test} brings it up before these tests.
 */
final class Impactnet {
    final Path root;
    final Path data;

    private Impactnet(final Path root, final Path data) {
        this.root = root;
        this.data = data;
    }

    static Impactnet up() {
        final Path root = Path.of(System.getProperty("impactnet.root", ".."))
                .toAbsolutePath()
                .normalize();
        final Path data = Path.of(System.getProperty(
                "impactnet.data", root.resolve("network/.data").toString()));
        final Impactnet net = new Impactnet(root, data);
        if (!Files.isRegularFile(net.settingsFile("org1")) || !Files.isRegularFile(net.settingsFile("org2"))) {
            throw new IllegalStateException("no Fabric network in " + data + ": run network/impactnet up first");
        }
        return net;
    }

    private Path settingsFile(final String org) {
        return data.resolve(org + ".properties");
    }

    /** An organisation's gateway settings as command-line arguments ({@code --name=value}). */
    List<String> settings(final String org) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(settingsFile(org))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final List<String> args = new ArrayList<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> args.add("--" + k + "=" + properties.getProperty(k)));
        return args;
    }

    /**
     * An organisation's settings, with {@code url} as the node of {@code otherMsp} (where this node
     * fetches the certificates that organisation's validator attached).
     */
    List<String> settings(final String org, final String otherMsp, final String url) {
        final List<String> args = settings(org);
        args.add("--impactproof.nodes." + otherMsp + "=" + url);
        return args;
    }

    /** Where an organisation's gateway keeps its data: beside the network's, so they live and go together. */
    Path gatewayData(final String org) {
        return data.resolve("gateways").resolve(org);
    }

    void stop(final String node) {
        script("stop", node);
    }

    /** A crash: SIGKILL. */
    void kill(final String node) {
        script("kill", node);
    }

    void start(final String node) {
        script("start", node);
    }

    /**
     * {@code network/impactnet await-peers}: until each running peer's gossip view holds the other
     * organisations' peers again (a restarted peer may be dropped from another's view for a while).
     */
    void awaitPeers() {
        script("await-peers", null, "faults.log", 150);
    }

    /** {@code network/impactnet add-org}: the organisation joins the running channel. */
    void addOrg(final String org) {
        script("add-org", org, "add-org.log", 600);
    }

    private void script(final String command, final String node) {
        script(command, node, "faults.log", 120);
    }

    private void script(final String command, final String node, final String logFile, final int seconds) {
        final Path log = data.resolve("logs").resolve(logFile);
        try {
            final List<String> line = new java.util.ArrayList<>(
                    List.of(root.resolve("network/impactnet").toString(), command));
            if (node != null) {
                line.add(node);
            }
            final Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "network/impactnet " + command + " " + node + " failed (see " + log + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
