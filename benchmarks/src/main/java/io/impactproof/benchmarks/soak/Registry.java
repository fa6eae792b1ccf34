package io.impactproof.benchmarks.soak;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.model.Actions;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The registry as the soak's parties see it: plain HTTP to the gateway, each party signing with its own key. */
public final class Registry {
    static final String PROTOCOL = "cargo-bike-delivery";
    static final String VERSION = "1.1.0";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String base;

    public Registry(final int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            return Json.parse(body);
        }
    }

    /** The gateway's address of a path (and query). */
    public URI uri(final String path) {
        return URI.create(base + path);
    }

    public Answer get(final String path, final String... headers) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    public Answer post(final String path, final String contentType, final byte[] body, final String... headers)
            throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private Answer send(final HttpRequest request) throws IOException, InterruptedException {
        final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private Answer postJson(final String path, final JsonNode body) throws IOException, InterruptedException {
        return post(path, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers an owner, signed by the node's operator; true once the ledger has it. */
    public boolean register(final SigningKey operator, final SigningKey owner, final String name)
            throws IOException, InterruptedException {
        final ObjectNode args = Instructions.registration(owner.did(), name, "Org1MSP", List.of("owner"), owner);
        final Answer answer = postJson(
                "/operators/participants",
                Json.object().put("instruction", Instructions.sign(operator, Actions.REGISTER, args, Instant.now())));
        return answer.status() == 201
                || get("/participants/" + URLEncoder.encode(owner.did(), StandardCharsets.UTF_8))
                                .status()
                        == 200;
    }

    public PublishedProtocol protocol() throws IOException, InterruptedException {
        for (final JsonNode p : get("/protocols").json()) {
            if (PROTOCOL.equals(p.path("id").stringValue())
                    && VERSION.equals(p.path("version").stringValue())) {
                return LedgerJson.read(Json.write(p).getBytes(StandardCharsets.UTF_8), PublishedProtocol.class);
            }
        }
        throw new IllegalStateException(PROTOCOL + "@" + VERSION + " is not published");
    }

    /** Uploads an evidence file signed by its owner; its URL, or null when the upload was refused. */
    String uploadEvidence(final SigningKey owner, final byte[] csv) throws IOException, InterruptedException {
        final String sha = Digests.sha256Hex(csv);
        final Answer answer = post(
                "/owners/evidence",
                "text/csv",
                csv,
                "Authorization",
                "Instruction "
                        + Instructions.sign(
                                owner, Actions.UPLOAD_EVIDENCE, Json.object().put("sha256", sha), Instant.now()));
        return answer.status() == 201 ? answer.json().path("url").stringValue() : null;
    }

    /** A batch of claims in one request. */
    public Answer submit(final java.util.List<SignedCredential> claims) throws IOException, InterruptedException {
        final ObjectNode body = Json.object();
        final var array = body.putArray("credentials");
        claims.forEach(c -> array.add(c.compact()));
        return postJson("/owners/claims", body);
    }

    /** The operator key a gateway keeps in its data folder's key store. */
    public static SigningKey operatorKey(final java.nio.file.Path data) throws IOException {
        final JsonNode entry = Json.parse(java.nio.file.Files.readString(data.resolve("keystore.json")))
                .path("operator");
        return SigningKey.parse(entry.path("kid").stringValue(), Json.write(entry.path("jwk")));
    }

    public Answer submit(final SignedCredential claim) throws IOException, InterruptedException {
        final ObjectNode body = Json.object();
        body.putArray("credentials").add(claim.compact());
        return postJson("/owners/claims", body);
    }

    /**
     * Follows the claims in order until each is CERTIFIED (one read at a time: cheap on the gateway);
     * their certificates' serials. Fails once {@code deadline} ({@link System#nanoTime}) has passed.
     */
    public java.util.List<String> awaitCertified(final java.util.List<String> ids, final long deadline)
            throws IOException, InterruptedException {
        final java.util.List<String> serials = new java.util.ArrayList<>();
        for (final String id : ids) {
            final String serial = awaitCertified(id, deadline, 100);
            if (serial == null) {
                throw new IllegalStateException((ids.size() - serials.size()) + " claims not certified in time");
            }
            serials.add(serial);
        }
        return serials;
    }

    /**
     * The claim's certificate serial once the claim is CERTIFIED, read every {@code pollMillis};
     * null once {@code deadline} ({@link System#nanoTime}) has passed.
     */
    public String awaitCertified(final String id, final long deadline, final long pollMillis)
            throws IOException, InterruptedException {
        final String path = "/owners/claims/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        while (System.nanoTime() <= deadline) {
            final Answer answer = get(path);
            final JsonNode record = answer.status() == 200 ? answer.json() : null;
            if (record != null && "CERTIFIED".equals(record.path("status").stringValue(""))) {
                return record.path("certificate").stringValue("");
            }
            Thread.sleep(pollMillis);
        }
        return null;
    }

    /** The claim's status, or null when the ledger has no such claim. */
    public String status(final String claimId) throws IOException, InterruptedException {
        final Answer answer = get("/owners/claims/" + URLEncoder.encode(claimId, StandardCharsets.UTF_8));
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("reading " + claimId + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().path("status").stringValue();
    }

    /** The evidence bytes as served to their owner, or null when not found. */
    byte[] evidence(final SigningKey owner, final String sha256) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(uri("/artifacts/sha256/" + sha256))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Instruction "
                                + Instructions.sign(
                                        owner,
                                        Actions.READ_ARTIFACT,
                                        Json.object().put("sha256", sha256),
                                        Instant.now()))
                .build();
        final HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** The ledger's report: {info: {height…}, chain: {valid…}}. */
    public JsonNode ledger() throws IOException, InterruptedException {
        return get("/operators/ledger").json();
    }
}
