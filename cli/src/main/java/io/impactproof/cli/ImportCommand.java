package io.impactproof.cli;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a file of claims: each row (a CSV record with a header, or a JSON Lines object) is the
 * claim data of one activity under the protocol; it is signed here with the owner's key (which
 * never leaves this machine) and sent in batches. A row's claim id is derived from the owner, the
 * protocol and the row's canonical data, so a re-run — after an interruption, or of the same file —
 * finds the rows already recorded and skips them: nothing is recorded twice. Rows the registry
 * refuses are reported with their code, and the rest of their batch is sent again without them.
 * Every row gets a line in the report (RFC 4180 CSV): recorded, skipped (already recorded) or
 * refused.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Signs and submits the claims of a CSV or JSON Lines file, with progress, resumable.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "The claims: file.csv (a header of claim fields) or file.jsonl.")
    Path file;

    @Option(
            names = "--protocol",
            required = true,
            description = "The protocol, id@version, e.g. cargo-bike-delivery@1.1.0.")
    String protocol;

    @Option(names = "--registry", required = true, description = "The registry's base URL.")
    URI registry;

    @Option(names = "--key", required = true, description = "The owner's private JWK (JSON file).")
    Path keyFile;

    @Option(names = "--kid", description = "The DID URL of that key (default: its did:key).")
    String keyId;

    @Option(names = "--batch", defaultValue = "100", description = "Claims per request (1 to 1000; default 100).")
    int batch;

    @Option(names = "--report", description = "Where the per-row report goes (default: <file>.report.csv).")
    Path report;

    @Option(names = "--no-progress", description = "No progress bar (for logs).")
    boolean quiet;

    /** One row: its number in the file (1-based), its claim id, the signed claim (null once settled). */
    private record Row(long number, String claimId, SignedCredential claim) {}

    /** The registry's API, once the options are parsed. */
    private RegistryHttp http;

    @Override
    public Integer call() throws IOException, InterruptedException, java.text.ParseException {
        final PrintWriter out = spec.commandLine().getOut();
        http = new RegistryHttp(registry);
        if (batch < 1 || batch > 1000) {
            out.println("[FAILED] --batch is 1 to 1000");
            return 2;
        }
        final String jwk = Files.readString(keyFile);
        final SigningKey key =
                keyId == null ? SigningKey.didKey(com.nimbusds.jose.jwk.JWK.parse(jwk)) : SigningKey.parse(keyId, jwk);
        final PublishedProtocol published = protocol();
        final JsonNode properties =
                Json.parse(published.definition()).path("claimSchema").path("properties");
        final List<ObjectNode> rows = read(properties);
        final Path reportFile = report != null ? report : Path.of(file + ".report.csv");
        final Counts counts = new Counts();
        try (Writer writer = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8);
                CSVPrinter lines = CSVFormat.RFC4180
                        .builder()
                        .setHeader("row", "claim_id", "outcome", "code", "detail")
                        .get()
                        .print(writer);
                ProgressBar bar = progress(rows.size())) {
            final List<Row> pending = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                final String id = claimId(key.did(), published, rows.get(i));
                pending.add(new Row(i + 1, id, null));
                if (pending.size() == batch || i == rows.size() - 1) {
                    send(pending, rows, key, published, lines, counts);
                    bar.stepBy(pending.size());
                    bar.setExtraMessage(counts.recorded + " recorded, " + counts.skipped + " skipped, " + counts.refused
                            + " refused");
                    pending.clear();
                }
            }
        }
        out.printf(
                "%d rows: %d recorded, %d skipped (already recorded), %d refused; report %s%n",
                rows.size(), counts.recorded, counts.skipped, counts.refused, reportFile);
        return counts.refused == 0 ? 0 : 1;
    }

    private ProgressBar progress(final int total) {
        final ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" claims", 1)
                .showSpeed()
                .setMaxRenderedLength(120);
        if (quiet) {
            builder.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(line -> {}));
        }
        return builder.build();
    }

    private static final class Counts {
        long recorded;
        long skipped;
        long refused;
    }

    /** Skips the rows already recorded, signs the others and sends them; a refused row is taken out and the rest sent again. */
    private void send(
            final List<Row> rows,
            final List<ObjectNode> data,
            final SigningKey key,
            final PublishedProtocol published,
            final CSVPrinter report,
            final Counts counts)
            throws IOException, InterruptedException {
        final List<Row> toSend = new ArrayList<>();
        for (final Row row : rows) {
            final HttpResponse<String> existing =
                    http.get("/owners/claims/" + URLEncoder.encode(row.claimId(), StandardCharsets.UTF_8), null);
            if (existing.statusCode() == 200) {
                report.printRecord(
                        row.number(),
                        row.claimId(),
                        "skipped",
                        "",
                        "already recorded: "
                                + Json.parse(existing.body()).path("status").stringValue(""));
                counts.skipped++;
            } else {
                final var vc = ImpactCredentials.claim(
                        row.claimId(),
                        key.did(),
                        published,
                        data.get((int) row.number() - 1),
                        List.of(),
                        Instant.now());
                toSend.add(new Row(row.number(), row.claimId(), VcJwt.sign(vc, key, Instant.now())));
            }
        }
        while (!toSend.isEmpty()) {
            final ObjectNode body = Json.object();
            final var credentials = body.putArray("credentials");
            toSend.forEach(r -> credentials.add(r.claim().compact()));
            final HttpResponse<String> answer = http.post("/owners/claims", body);
            if (answer.statusCode() == 201) {
                for (final Row r : toSend) {
                    report.printRecord(r.number(), r.claimId(), "recorded", "", "");
                }
                counts.recorded += toSend.size();
                return;
            }
            final JsonNode problem = parse(answer.body());
            final String code = problem.path("code").stringValue("HTTP_" + answer.statusCode());
            final String detail = problem.path("detail").stringValue(answer.body());
            final int index = indexOf(detail);
            if (index < 0 || index >= toSend.size()) {
                // Not one row's fault (unavailable, unauthorised…): every row of the batch is reported.
                for (final Row r : toSend) {
                    report.printRecord(r.number(), r.claimId(), "refused", code, detail);
                }
                counts.refused += toSend.size();
                return;
            }
            final Row refused = toSend.remove(index);
            report.printRecord(refused.number(), refused.claimId(), "refused", code, detail);
            counts.refused++;
        }
    }

    /** The batch index a refusal names ({@code claims[7]: …}), or -1. */
    static int indexOf(final String detail) {
        final var matcher = java.util.regex.Pattern.compile("claims\\[(\\d+)]").matcher(detail);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The same owner, protocol and data always give the same id: what makes a re-run skip, never duplicate. */
    static String claimId(final String owner, final PublishedProtocol protocol, final ObjectNode data) {
        final byte[] name =
                (owner + "\n" + protocol.ref() + "\n" + Json.canonical(data)).getBytes(StandardCharsets.UTF_8);
        final byte[] hash = java.util.HexFormat.of().parseHex(Digests.sha256Hex(name));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8: a custom, hash-based UUID (RFC 9562)
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(hash, 0, 16);
        return "urn:uuid:" + new UUID(bytes.getLong(), bytes.getLong());
    }

    private List<ObjectNode> read(final JsonNode properties) throws IOException {
        final List<ObjectNode> rows = new ArrayList<>();
        if (file.toString().endsWith(".jsonl") || file.toString().endsWith(".ndjson")) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        try {
                            rows.add(Json.parseObject(line));
                        } catch (RuntimeException e) {
                            throw new IOException(
                                    file + " line " + number + " is not a JSON object: " + e.getMessage(), e);
                        }
                    }
                }
            }
            return rows;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (final CSVRecord record : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(reader)) {
                final ObjectNode row = Json.object();
                for (final Map.Entry<String, String> cell : record.toMap().entrySet()) {
                    if (cell.getValue() != null && !cell.getValue().isEmpty()) {
                        put(row, cell.getKey(), cell.getValue(), properties.path(cell.getKey()));
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A CSV cell typed by the claim schema: integers, numbers and booleans as such, objects and arrays as JSON. */
    private static void put(final ObjectNode row, final String name, final String value, final JsonNode schema) {
        final String type = schema.path("type").stringValue("string");
        try {
            switch (type) {
                case "integer" -> row.put(name, new BigDecimal(value).toBigIntegerExact());
                case "number" -> row.put(name, new BigDecimal(value));
                case "boolean" -> row.put(name, Boolean.parseBoolean(value));
                case "object", "array" -> row.set(name, Json.parse(value));
                default -> row.put(name, value);
            }
        } catch (RuntimeException e) {
            // Left as text: the registry refuses the row with the schema's own message.
            row.put(name, value);
        }
    }

    private PublishedProtocol protocol() throws IOException, InterruptedException {
        final String[] ref = protocol.split("@", 2);
        if (ref.length != 2) {
            throw new IllegalArgumentException("--protocol is id@version, got " + protocol);
        }
        return http.protocols().stream()
                .filter(p -> p.id().equals(ref[0]) && p.version().equals(ref[1]))
                .findFirst()
                .orElseThrow(() -> new IOException("the registry has no protocol " + protocol));
    }

    private static JsonNode parse(final String body) {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            return Json.object();
        }
    }
}
