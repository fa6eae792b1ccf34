package io.impactproof.gateway.http;

import io.impactproof.credentials.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A real gateway on a random port over a data folder, and a small HTTP client for it. */
final class Gateway implements AutoCloseable {
    /** A request the gateway leaves unanswered fails the test instead of hanging the build. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    final ConfigurableApplicationContext context;
    final String base;

    private Gateway(final ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static Gateway start(final Path data, final boolean agents) {
        return start(data, agents, 0, "http://registry.test");
    }

    /** A gateway on this loopback port (0: any) that names itself with this base URL in its DIDs and links. */
    static Gateway start(final Path data, final boolean agents, final int port, final String baseUrl) {
        return start(data, agents, port, baseUrl, java.util.List.of());
    }

    /** The same, with more settings ({@code --name=value}), e.g. those of a Fabric ledger. */
    static Gateway start(
            final Path data,
            final boolean agents,
            final int port,
            final String baseUrl,
            final java.util.List<String> settings) {
        final SpringApplication app = new SpringApplication(io.impactproof.gateway.GatewayApplication.class);
        final java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--impactproof.data-dir=" + data,
                "--impactproof.base-url=" + baseUrl,
                "--impactproof.agents.verifiers=" + agents,
                "--impactproof.agents.validator=" + agents,
                "--spring.main.banner-mode=off"));
        // A setting given again replaces the default (Spring would see both).
        for (final String setting : settings) {
            final String name = setting.contains("=") ? setting.substring(0, setting.indexOf('=') + 1) : setting;
            args.removeIf(a -> a.startsWith(name));
            args.add(setting);
        }
        final ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        return new Gateway(context);
    }

    <T> T bean(final Class<T> type) {
        return context.getBean(type);
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        String code() {
            return json().path("code").stringValue("");
        }
    }

    Response get(final String path, final String... headers) {
        final HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response post(final String path, final String contentType, final String body, final String... headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response postJson(final String path, final JsonNode body) {
        return post(path, "application/json", Json.write(body));
    }

    private Response send(final HttpRequest request) {
        try {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the event stream at {@code query} (e.g. {@code /events?after=-1:-1&name=…}) until an
     * event whose data contains {@code text}; returns that event's id (its ledger position). Fails
     * after 60 s.
     */
    String awaitEvent(final String query, final String text) {
        final java.util.concurrent.CompletableFuture<String> found = new java.util.concurrent.CompletableFuture<>();
        final io.impactproof.client.events.EventStreamReader reader;
        try {
            reader = io.impactproof.client.events.EventStreamReader.open(URI.create(base + query), event -> {
                if (event.data().contains(text)) {
                    found.complete(event.id());
                }
            });
        } catch (IOException e) {
            throw new AssertionError("GET " + query, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return found.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no event with " + text + " on " + query + " in 60 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("reading " + query, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            reader.close();
        }
    }

    /** Submits one claim signed by {@code owner} with {@code data} under a bundled protocol; returns its id. */
    String submitClaim(
            final io.impactproof.credentials.jwt.SigningKey owner,
            final String protocolId,
            final tools.jackson.databind.node.ObjectNode data) {
        return submitClaim(owner, protocolId, data, java.util.List.of());
    }

    /** As {@link #submitClaim}, pinning evidence files (not uploaded: they stay with the owner). */
    String submitClaim(
            final io.impactproof.credentials.jwt.SigningKey owner,
            final String protocolId,
            final tools.jackson.databind.node.ObjectNode data,
            final java.util.List<io.impactproof.client.ImpactCredentials.Evidence> evidence) {
        // "id" names the bundled 1.1.0, "id@version" any published version.
        final String[] ref = protocolId.contains("@") ? protocolId.split("@", 2) : new String[] {protocolId, "1.1.0"};
        final var protocol = bean(io.impactproof.client.RegistryClient.class).protocol(ref[0], ref[1]);
        final var claim = io.impactproof.credentials.jwt.VcJwt.sign(
                io.impactproof.client.ImpactCredentials.claim(
                        "urn:uuid:" + java.util.UUID.randomUUID(),
                        owner.did(),
                        protocol,
                        data,
                        evidence,
                        java.time.Instant.now()),
                owner,
                java.time.Instant.now());
        final var body = Json.object();
        body.putArray("credentials").add(claim.compact());
        final Response response = postJson("/owners/claims", body);
        if (response.status() != 201) {
            throw new AssertionError("claim refused: " + response.body());
        }
        return response.json().get(0).path("id").stringValue();
    }

    /**
     * The activity behind a certificate {@code origin} certified, claimed again by {@code owner}
     * through this gateway (its data read from the signed claim {@code origin} keeps); the answer.
     */
    Response claimAgain(
            final Gateway origin, final String serial, final io.impactproof.credentials.jwt.SigningKey owner) {
        final var registry = origin.bean(io.impactproof.client.RegistryClient.class);
        final var certified = registry.claim(registry.certificate(serial).claim());
        final var data = io.impactproof.gateway.artifacts.StoredCredentials.read(
                        origin.bean(io.impactproof.gateway.artifacts.ContentStore.class), certified.digest())
                .credential()
                .subject()
                .path("data");
        final var again = io.impactproof.credentials.jwt.VcJwt.sign(
                io.impactproof.client.ImpactCredentials.claim(
                        "urn:uuid:" + java.util.UUID.randomUUID(),
                        owner.did(),
                        bean(io.impactproof.client.RegistryClient.class).protocol(certified.protocol()),
                        data,
                        java.util.List.of(),
                        java.time.Instant.now()),
                owner,
                java.time.Instant.now());
        return postJson("/owners/claims", Fixture.batch(again));
    }

    /** Waits until the agents certified the claim and the certificate is ACTIVE; returns its serial. */
    String awaitCertificate(final String claimId) throws InterruptedException {
        await(
                () -> "CERTIFIED"
                        .equals(get("/owners/claims/" + claimId)
                                .json()
                                .path("status")
                                .stringValue("")),
                "certification of " + claimId);
        final String serial =
                get("/owners/claims/" + claimId).json().path("certificate").stringValue();
        await(
                () -> "ACTIVE"
                        .equals(get("/certificates/" + serial)
                                .json()
                                .path("status")
                                .stringValue("")),
                "activation of " + serial);
        return serial;
    }

    /** Cargo-bike delivery claim data with this tracking number (12.5 km, 3 parcels: 11.58 kWh cumac). */
    static tools.jackson.databind.node.ObjectNode delivery(final String tracking) {
        return Json.parseObject(("{'carrier_siren':'552100554','courier_id':'c7','delivered_on':'2026-03-10',"
                                + "'zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}")
                        .replace('\'', '"'))
                .put("tracking_id", tracking);
    }

    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
