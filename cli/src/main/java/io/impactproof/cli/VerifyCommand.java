package io.impactproof.cli;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.did.DidDocument;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.did.DocumentKeyResolver;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.credentials.status.StatusListCredential;
import io.impactproof.credentials.vc.RelatedResource;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Verifies a credential without trusting the registry: the signature with the issuer's DID
 * (did:key offline, did:web from a DID document file or the registry), the validity period, the
 * revocation and suspension bits from status list credentials (files or fetched), and the digest of
 * every linked document given (files, or fetched). Prints the chain as a tree.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verifies a credential (vc+jwt) and prints its trust chain.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "The credential file (compact vc+jwt).")
    Path file;

    @Option(names = "--did-document", description = "A DID document (did.json) of an issuer; repeatable.")
    List<Path> didDocuments = new ArrayList<>();

    @Option(names = "--status-list", description = "A status list credential (vc+jwt) file; repeatable.")
    List<Path> statusLists = new ArrayList<>();

    @Option(
            names = "--linked",
            description = "A folder of linked documents (credentials, evidence) to check against the digests.")
    Path linked;

    @Option(
            names = "--registry",
            description = "A registry's base URL: fetch DID documents, status lists and linked documents there.")
    URI registry;

    @Option(
            names = "--strict",
            description = "Exit 3 when something could not be checked (no status list, a linked document missing).")
    boolean strict;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private final List<String> unchecked = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        final PrintWriter out = spec.commandLine().getOut();
        final String compact = Files.readString(file, StandardCharsets.US_ASCII).trim();
        final SignedCredential credential;
        try {
            credential = VcJwtVerifier.builder(keys(compact))
                    .clock(Clock.systemUTC())
                    .leeway(Duration.ofMinutes(5))
                    .build()
                    .verify(compact);
        } catch (CredentialException e) {
            out.println("[FAILED] " + file + ": " + e.getMessage());
            return 1;
        }
        final VerifiableCredential vc = credential.credential();
        out.println("[ok]     " + String.join(", ", vc.types()) + " " + vc.id().orElse(""));
        out.println("         issued by " + vc.issuerId() + ", signed with " + credential.keyId() + " ("
                + credential.algorithm() + ")");
        out.println("         valid " + vc.validFrom().map(Object::toString).orElse("-") + " to "
                + vc.validUntil().map(Object::toString).orElse("-"));
        final var subject = vc.subject();
        if (subject.has("certifiedImpact")) {
            final var impact = subject.path("certifiedImpact").path(0);
            out.println("         certifies " + impact.path("value").stringValue("") + " "
                    + impact.path("unit").stringValue("") + " ("
                    + subject.path("category").stringValue("") + "), serial "
                    + subject.path("serial").stringValue(""));
        }
        for (final StatusEntry entry : vc.status()) {
            status(out, entry);
        }
        for (final RelatedResource resource : vc.relatedResources()) {
            linkedDocument(out, resource);
        }
        for (final var evidence : vc.evidence()) {
            final String sri = evidence.path("digestSRI").stringValue(null);
            if (sri != null) {
                linkedDocument(
                        out,
                        new RelatedResource(
                                evidence.path("id").stringValue("evidence " + sri),
                                evidence.path("mediaType").stringValue(null),
                                sri,
                                null));
            }
        }
        if (!failures.isEmpty()) {
            out.println("\nFAILED: " + String.join("; ", failures));
            return 1;
        }
        if (!unchecked.isEmpty()) {
            out.println("\nVerified, but not checked: " + String.join("; ", unchecked));
            return strict ? 3 : 0;
        }
        out.println("\nVerified.");
        return 0;
    }

    private KeyResolver keys(final String compact) throws IOException {
        final DocumentKeyResolver documents = new DocumentKeyResolver();
        for (final Path path : didDocuments) {
            documents.add(DidDocument.fromJson(Json.parse(Files.readString(path))));
        }
        KeyResolver resolver = DidKey.RESOLVER.orElse(documents);
        if (registry != null) {
            resolver = resolver.orElse(this::fromRegistry);
        }
        return resolver;
    }

    private io.impactproof.credentials.did.ResolvedKey fromRegistry(final String keyId) {
        final String did = DidUrl.parse(keyId).did();
        // A did:web DID holds a literal %3A (host:port): the path segment must encode it as %253A.
        final String json =
                fetch(registry.resolve("/participants/" + URLEncoder.encode(did, StandardCharsets.UTF_8) + "/did.json")
                        .toString());
        if (json == null) {
            throw new CredentialException(
                    io.impactproof.credentials.ErrorCode.KEY_NOT_FOUND, keyId + " is unknown to " + registry);
        }
        return new DocumentKeyResolver()
                .add(DidDocument.fromJson(Json.parse(json)))
                .resolve(keyId);
    }

    private void status(final PrintWriter out, final StatusEntry entry) throws IOException {
        VerifiableCredential list = null;
        for (final Path path : statusLists) {
            final VerifiableCredential candidate =
                    verifiedList(Files.readString(path).trim());
            if (candidate != null
                    && entry.statusListCredential().equals(candidate.id().orElse(null))) {
                list = candidate;
            }
        }
        if (list == null && registry != null) {
            final String fetched = fetch(entry.statusListCredential());
            list = fetched == null ? null : verifiedList(fetched.trim());
        }
        if (list == null) {
            out.println("    [?]      " + entry.statusPurpose() + ": list " + entry.statusListCredential()
                    + " not available");
            unchecked.add(entry.statusPurpose() + " status");
            return;
        }
        final boolean set = StatusListCredential.isSet(entry, list);
        out.println("    " + (set ? "[FAILED] " : "[ok]     ") + entry.statusPurpose() + " bit "
                + entry.statusListIndex() + (set ? " is SET" : " is clear"));
        if (set) {
            failures.add("the credential is " + ("revocation".equals(entry.statusPurpose()) ? "revoked" : "suspended"));
        }
    }

    private VerifiableCredential verifiedList(final String compact) {
        try {
            return VcJwtVerifier.builder(keys(compact))
                    .clock(Clock.systemUTC())
                    .leeway(Duration.ofMinutes(5))
                    .build()
                    .verify(compact)
                    .credential();
        } catch (CredentialException | IOException e) {
            failures.add("a status list does not verify: " + e.getMessage());
            return null;
        }
    }

    private void linkedDocument(final PrintWriter out, final RelatedResource resource) throws IOException {
        byte[] bytes = null;
        if (linked != null) {
            bytes = findLinked(resource);
        }
        if (bytes == null && registry != null) {
            final String fetched = fetch(resource.id());
            bytes = fetched == null ? null : fetched.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes == null) {
            out.println("    [?]      " + resource.id() + " not available (pinned " + digest(resource) + ")");
            unchecked.add(resource.id());
            return;
        }
        try {
            resource.check(bytes);
            out.println("    [ok]     " + resource.id() + " matches " + digest(resource));
        } catch (CredentialException e) {
            out.println("    [FAILED] " + resource.id() + ": " + e.getMessage());
            failures.add(resource.id() + " does not match its digest");
        }
    }

    private byte[] findLinked(final RelatedResource resource) throws IOException {
        final Map<String, byte[]> bySri = new HashMap<>();
        try (Stream<Path> files = Files.list(linked)) {
            for (final Path path : files.filter(Files::isRegularFile).toList()) {
                final byte[] bytes = Files.readAllBytes(path);
                bySri.put(Digests.sri(bytes), bytes);
            }
        }
        return resource.digestSRI() == null ? null : bySri.get(resource.digestSRI());
    }

    private static String digest(final RelatedResource resource) {
        return resource.digestSRI() != null ? resource.digestSRI() : resource.digestMultibase();
    }

    /** The document at {@code url}; failing that, the same path at the registry given (links name its public URL). */
    private String fetch(final String url) {
        final String direct = get(url);
        if (direct != null || registry == null) {
            return direct;
        }
        try {
            final URI uri = URI.create(url);
            return get(registry.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                    .toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String get(final String url) {
        try {
            final HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
