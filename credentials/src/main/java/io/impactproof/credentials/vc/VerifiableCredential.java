package io.impactproof.credentials.vc;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A W3C Verifiable Credential 2.0 (unsecured form). This class is immutable: every JSON accessor
 * returns a copy.
 *
 * <p>Instances exist only if the document meets the MUSTs of the data model that can be checked
 * without JSON-LD processing ({@link CredentialRules}); {@link #fromJson} and {@link Builder#build}
 * apply the same rules.
 *
 * <pre>{@code
 * VerifiableCredential vc = VerifiableCredential.builder()
 *         .context("https://impactproof.org/ns/impact/v1")
 *         .type("ImpactClaimCredential")
 *         .id("urn:uuid:…")
 *         .issuer("did:key:z6Mk…")
 *         .validFrom(Instant.parse("2026-01-01T00:00:00Z"))
 *         .subject(subjectJson)
 *         .build();
 * }</pre>
 */
public final class VerifiableCredential {
    public static final String V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String BASE_TYPE = "VerifiableCredential";

    private final ObjectNode json;
    private final List<String> types;
    private final String issuerId;
    private final Optional<Instant> validFrom;
    private final Optional<Instant> validUntil;
    private final List<StatusEntry> status;
    private final List<RelatedResource> relatedResources;

    private VerifiableCredential(final ObjectNode json) {
        this.json = json;
        this.types = CredentialRules.types(json);
        this.issuerId = CredentialRules.issuerId(json);
        this.validFrom = CredentialRules.instant(json, "validFrom");
        this.validUntil = CredentialRules.instant(json, "validUntil");
        CredentialRules.checkValidityOrder(validFrom, validUntil);
        CredentialRules.checkContext(json);
        CredentialRules.checkId(json);
        CredentialRules.checkSubjects(json);
        this.status = CredentialRules.status(json);
        CredentialRules.checkTypedObjects(json, "credentialSchema", true);
        CredentialRules.checkTypedObjects(json, "evidence", false);
        CredentialRules.checkTypedObjects(json, "termsOfUse", false);
        this.relatedResources = CredentialRules.relatedResources(json);
    }

    /** Validates a credential document; fails with a specific code on the first broken MUST. */
    public static VerifiableCredential fromJson(final JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new CredentialException(ErrorCode.MALFORMED_JSON, "a credential is a JSON object");
        }
        return new VerifiableCredential((ObjectNode) node.deepCopy());
    }

    /**
     * As {@link #fromJson}, taking the node itself instead of a copy: for a document just parsed
     * that nothing else holds (a verifier's payload). The caller must not keep or change it.
     */
    public static VerifiableCredential fromOwnedJson(final ObjectNode node) {
        return new VerifiableCredential(Objects.requireNonNull(node, "node"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> id() {
        return text("id");
    }

    public List<String> types() {
        return types;
    }

    public boolean hasType(final String type) {
        return types.contains(type);
    }

    public String issuerId() {
        return issuerId;
    }

    public Optional<String> name() {
        return text("name");
    }

    public Optional<Instant> validFrom() {
        return validFrom;
    }

    public Optional<Instant> validUntil() {
        return validUntil;
    }

    /** The subjects; a single subject object is returned as a list of one. */
    public List<ObjectNode> subjects() {
        return objects("credentialSubject");
    }

    /** The first (usually the only) subject. */
    public ObjectNode subject() {
        return subjects().get(0);
    }

    /**
     * A string field of {@code credentialSubject} when that is one object (not an array), read
     * without copying the subject: how a contract finds the record a credential is about.
     */
    public Optional<String> subjectText(final String field) {
        final JsonNode subject = json.get("credentialSubject");
        final JsonNode value = subject != null && subject.isObject() ? subject.get(field) : null;
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    public List<StatusEntry> status() {
        return status;
    }

    public List<ObjectNode> evidence() {
        return objects("evidence");
    }

    public List<ObjectNode> credentialSchema() {
        return objects("credentialSchema");
    }

    public List<ObjectNode> termsOfUse() {
        return objects("termsOfUse");
    }

    public List<RelatedResource> relatedResources() {
        return relatedResources;
    }

    /** A copy of the document. */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof VerifiableCredential vc && vc.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return Json.write(json);
    }

    private Optional<String> text(final String field) {
        final JsonNode value = json.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    private List<ObjectNode> objects(final String field) {
        final List<ObjectNode> out = new ArrayList<>();
        final JsonNode value = json.get(field);
        if (value != null) {
            for (final JsonNode item : value.isArray() ? value : List.of(value)) {
                out.add((ObjectNode) item.deepCopy());
            }
        }
        return out;
    }

    /** Builds a credential; {@link #build()} applies the same rules as parsing. Not thread-safe. */
    public static final class Builder {
        private final List<JsonNode> contexts =
                new ArrayList<>(List.of(Json.MAPPER.getNodeFactory().stringNode(V2_CONTEXT)));
        private final List<String> types = new ArrayList<>(List.of(BASE_TYPE));
        private final ObjectNode fields = Json.object();
        private final ArrayNode subjects = Json.array();
        private final ArrayNode status = Json.array();
        private final ArrayNode schemas = Json.array();
        private final ArrayNode evidence = Json.array();
        private final ArrayNode terms = Json.array();
        private final ArrayNode related = Json.array();
        private JsonNode issuer;

        private Builder() {}

        /** Adds a context URL after the base v2 context. */
        public Builder context(final String url) {
            contexts.add(Json.MAPPER.getNodeFactory().stringNode(url));
            return this;
        }

        public Builder type(final String type) {
            types.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        public Builder id(final String id) {
            fields.put("id", id);
            return this;
        }

        public Builder name(final String name) {
            fields.put("name", name);
            return this;
        }

        public Builder description(final String description) {
            fields.put("description", description);
            return this;
        }

        public Builder issuer(final String id) {
            issuer = Json.MAPPER.getNodeFactory().stringNode(id);
            return this;
        }

        public Builder issuer(final String id, final String name) {
            issuer = Json.object().put("id", id).put("name", name);
            return this;
        }

        public Builder validFrom(final Instant instant) {
            fields.put("validFrom", instant.toString());
            return this;
        }

        public Builder validUntil(final Instant instant) {
            fields.put("validUntil", instant.toString());
            return this;
        }

        public Builder subject(final ObjectNode subject) {
            subjects.add(subject.deepCopy());
            return this;
        }

        public Builder status(final StatusEntry entry) {
            status.add(entry.toJson());
            return this;
        }

        /** A {@code JsonSchema} reference pinned by the digest of the schema bytes. */
        public Builder schema(final String id, final String digestSRI) {
            schemas.add(Json.object().put("id", id).put("type", "JsonSchema").put("digestSRI", digestSRI));
            return this;
        }

        public Builder evidence(final ObjectNode item) {
            evidence.add(item.deepCopy());
            return this;
        }

        public Builder termsOfUse(final ObjectNode item) {
            terms.add(item.deepCopy());
            return this;
        }

        public Builder relatedResource(final RelatedResource resource) {
            related.add(resource.toJson());
            return this;
        }

        /** Sets any other top-level property (an extension defined by a context). */
        public Builder property(final String name, final JsonNode value) {
            fields.set(name, value.deepCopy());
            return this;
        }

        public VerifiableCredential build() {
            final ObjectNode json = Json.object();
            final ArrayNode context = json.putArray("@context");
            contexts.forEach(context::add);
            final ArrayNode type = json.putArray("type");
            types.forEach(type::add);
            json.setAll(fields);
            if (issuer != null) {
                json.set("issuer", issuer);
            }
            json.set("credentialSubject", subjects.size() == 1 ? subjects.get(0) : subjects);
            putIfAny(json, "credentialStatus", status);
            putIfAny(json, "credentialSchema", schemas);
            putIfAny(json, "evidence", evidence);
            putIfAny(json, "termsOfUse", terms);
            putIfAny(json, "relatedResource", related);
            return fromJson(json);
        }

        private static void putIfAny(final ObjectNode json, final String field, final ArrayNode values) {
            if (!values.isEmpty()) {
                json.set(field, values.deepCopy());
            }
        }
    }
}
