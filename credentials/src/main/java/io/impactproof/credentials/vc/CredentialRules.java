package io.impactproof.credentials.vc;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The MUSTs of VC Data Model 2.0 that hold without JSON-LD processing, worded after the spec. */
final class CredentialRules {
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");
    private static final Set<String> STATUS_PURPOSES = Set.of("refresh", "revocation", "suspension", "message");

    private CredentialRules() {}

    static void checkContext(final JsonNode json) {
        final JsonNode context = json.get("@context");
        if (context == null || !context.isArray() || context.isEmpty()) {
            throw fail(ErrorCode.CONTEXT_INVALID, "@context MUST be an ordered set");
        }
        if (!VerifiableCredential.V2_CONTEXT.equals(context.get(0).stringValue(null))) {
            throw fail(ErrorCode.CONTEXT_INVALID, "the first @context item MUST be " + VerifiableCredential.V2_CONTEXT);
        }
        for (final JsonNode item : context) {
            if (!(item.isObject() || item.isString() && Lexical.isUrl(item.stringValue()))) {
                throw fail(ErrorCode.CONTEXT_INVALID, "@context items MUST be URLs or objects: " + item);
            }
        }
    }

    static List<String> types(final JsonNode json) {
        final List<String> types = strings(json.get("type"));
        if (types == null || !types.contains(VerifiableCredential.BASE_TYPE)) {
            throw fail(ErrorCode.TYPE_INVALID, "type MUST include " + VerifiableCredential.BASE_TYPE);
        }
        return List.copyOf(types);
    }

    static String issuerId(final JsonNode json) {
        final JsonNode issuer = json.get("issuer");
        final JsonNode id = issuer != null && issuer.isObject() ? issuer.get("id") : issuer;
        if (id == null || !id.isString() || !Lexical.isUrl(id.stringValue())) {
            throw fail(ErrorCode.ISSUER_INVALID, "issuer MUST be a URL or an object whose id is a URL");
        }
        return id.stringValue();
    }

    static Optional<Instant> instant(final JsonNode json, final String field) {
        final JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            // dateTimeStamp: an xsd:dateTime whose time zone is required.
            return Optional.of(Lexical.instant(value.stringValue("")));
        } catch (DateTimeParseException e) {
            throw fail(ErrorCode.VALIDITY_INVALID, field + " MUST be a dateTimeStamp with a time zone: " + value);
        }
    }

    static void checkValidityOrder(final Optional<Instant> from, final Optional<Instant> until) {
        if (from.isPresent() && until.isPresent() && from.get().isAfter(until.get())) {
            throw fail(ErrorCode.VALIDITY_INVALID, "validFrom MUST NOT be after validUntil");
        }
    }

    static void checkId(final JsonNode json) {
        final JsonNode id = json.get("id");
        if (id != null && !(id.isString() && Lexical.isUrl(id.stringValue()))) {
            throw fail(ErrorCode.PROPERTY_INVALID, "id MUST be a URL");
        }
    }

    static void checkSubjects(final JsonNode json) {
        final JsonNode subject = json.get("credentialSubject");
        if (subject == null || subject.isArray() && subject.isEmpty()) {
            throw fail(ErrorCode.SUBJECT_INVALID, "credentialSubject is required");
        }
        for (final JsonNode item : subject.isArray() ? subject : List.of(subject)) {
            if (!item.isObject() || item.propertyNames().stream().allMatch("id"::equals)) {
                throw fail(
                        ErrorCode.SUBJECT_INVALID, "each credentialSubject MUST be an object with at least one claim");
            }
            if (item.has("id")
                    && !(item.get("id").isString()
                            && Lexical.isUrl(item.get("id").stringValue()))) {
                throw fail(ErrorCode.SUBJECT_INVALID, "credentialSubject.id MUST be a URL");
            }
        }
    }

    static List<StatusEntry> status(final JsonNode json) {
        final List<StatusEntry> out = new ArrayList<>();
        for (final JsonNode entry : items(json, "credentialStatus")) {
            requireType(entry, "credentialStatus");
            if (!strings(entry.get("type")).contains(StatusEntry.TYPE)) {
                continue;
            }
            final String purpose = entry.path("statusPurpose").stringValue(null);
            final String index = entry.path("statusListIndex").stringValue(null);
            final String list = entry.path("statusListCredential").stringValue(null);
            final String id = entry.path("id").stringValue(null);
            if (!STATUS_PURPOSES.contains(purpose)) {
                throw fail(ErrorCode.PROPERTY_INVALID, "unknown statusPurpose: " + purpose);
            }
            if (index == null || !DECIMAL.matcher(index).matches()) {
                throw fail(ErrorCode.PROPERTY_INVALID, "statusListIndex MUST be a base-10 integer string");
            }
            if (list == null || !Lexical.isUrl(list)) {
                throw fail(ErrorCode.PROPERTY_INVALID, "statusListCredential MUST be a URL");
            }
            if (id != null && (id.equals(list) || !Lexical.isUrl(id))) {
                throw fail(ErrorCode.PROPERTY_INVALID, "a status entry id MUST be a URL other than the list's");
            }
            out.add(new StatusEntry(id, purpose, index, list));
        }
        return List.copyOf(out);
    }

    static void checkTypedObjects(final JsonNode json, final String field, final boolean idRequired) {
        for (final JsonNode item : items(json, field)) {
            requireType(item, field);
            final JsonNode id = item.get("id");
            if (idRequired && id == null || id != null && !(id.isString() && Lexical.isUrl(id.stringValue()))) {
                throw fail(ErrorCode.PROPERTY_INVALID, field + ".id MUST be a URL");
            }
        }
    }

    static List<RelatedResource> relatedResources(final JsonNode json) {
        final List<RelatedResource> out = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        for (final JsonNode item : items(json, "relatedResource")) {
            final String id = item.path("id").stringValue(null);
            if (id == null || !Lexical.isUrl(id) || !ids.add(id)) {
                throw fail(ErrorCode.PROPERTY_INVALID, "relatedResource.id MUST be a unique URL: " + id);
            }
            final String sri = item.path("digestSRI").stringValue(null);
            final String multibase = item.path("digestMultibase").stringValue(null);
            if (sri == null && multibase == null) {
                throw fail(
                        ErrorCode.PROPERTY_INVALID,
                        "relatedResource " + id + " MUST have digestSRI or digestMultibase");
            }
            out.add(new RelatedResource(id, item.path("mediaType").stringValue(null), sri, multibase));
        }
        return List.copyOf(out);
    }

    private static void requireType(final JsonNode item, final String field) {
        if (!item.isObject()
                || strings(item.get("type")) == null
                || strings(item.get("type")).isEmpty()) {
            throw fail(ErrorCode.PROPERTY_INVALID, "each " + field + " MUST be an object with a type");
        }
    }

    private static Iterable<JsonNode> items(final JsonNode json, final String field) {
        final JsonNode value = json.get(field);
        if (value == null) {
            return List.of();
        }
        if (value.isArray() && value.isEmpty()) {
            throw fail(ErrorCode.PROPERTY_INVALID, field + " MUST hold at least one object");
        }
        return value.isArray() ? value : List.of(value);
    }

    /** A string or an array of non-empty strings; null when it is neither. */
    private static List<String> strings(final JsonNode node) {
        if (node == null) {
            return null;
        }
        final List<String> out = new ArrayList<>();
        for (final JsonNode item : node.isArray() ? node : List.of(node)) {
            if (!item.isString() || item.stringValue().isBlank()) {
                return null;
            }
            out.add(item.stringValue());
        }
        return out;
    }

    private static CredentialException fail(final ErrorCode code, final String detail) {
        return new CredentialException(code, detail);
    }
}
