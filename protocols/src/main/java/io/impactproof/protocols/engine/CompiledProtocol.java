package io.impactproof.protocols.engine;

import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.model.ActivitySpec;
import io.impactproof.protocols.model.Calculation;
import io.impactproof.protocols.model.Criterion;
import io.impactproof.protocols.model.ProofLevel;
import io.impactproof.protocols.model.Protocol;
import io.impactproof.protocols.model.Rule;
import io.impactproof.protocols.model.VerificationPolicy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loaded protocol with its schema and CEL expressions compiled, ready to evaluate claims. This
 * class is immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledProtocol protocol = ProtocolLoader.bundled("home-to-work-commute", "1.1.0");
 * Evaluation result = protocol.evaluate(claimData);
 * if (result.eligible()) { ... result.impact().get() ... }
 * }</pre>
 */
public final class CompiledProtocol {
    /** The variable holding the whole claim data, so optional fields can be tested with has(). */
    public static final String CLAIM_VARIABLE = "claim";

    private final Protocol protocol;
    private final String canonicalJson;
    private final ClaimSchema schema;
    private final Map<String, CelType> dataTypes;
    private final Map<String, Object> constants;
    private final List<CelSupport.Program> rules;
    private final List<Rule> ruleSpecs;
    private final List<CelSupport.Program> calculations;
    private final CelSupport.Program impact;
    private final Map<String, CelSupport.Program> keyParts;
    private final CelSupport.Program asset;
    private final CelSupport.Program periodStart;
    private final CelSupport.Program periodEnd;
    private final List<CelSupport.Program> criteria;

    private CompiledProtocol(final Protocol protocol, final JsonNode document) {
        this.protocol = protocol;
        this.canonicalJson = Json.canonical(document);
        this.schema = ClaimSchema.compile(protocol.claimSchema());
        this.dataTypes = new LinkedHashMap<>();
        protocol.claimSchema()
                .path("properties")
                .properties()
                .forEach(e -> dataTypes.put(e.getKey(), CelSupport.typeOfSchema(e.getValue())));
        final Map<String, CelType> variables = new LinkedHashMap<>(dataTypes);
        variables.put(CLAIM_VARIABLE, MapType.create(SimpleType.STRING, SimpleType.DYN));
        this.constants = new HashMap<>();
        if (protocol.constants() != null) {
            protocol.constants().forEach((name, value) -> {
                declare(variables, name, CelSupport.typeOfConstant(value));
                constants.put(name, CelSupport.value(value, variables.get(name)));
            });
        }
        this.ruleSpecs = protocol.eligibility() == null ? List.of() : List.copyOf(protocol.eligibility());
        this.rules = ruleSpecs.stream()
                .map(r -> CelSupport.compile("eligibility." + r.id(), r.rule(), variables, SimpleType.BOOL))
                .toList();
        this.keyParts = new TreeMap<>();
        protocol.activity()
                .key()
                .forEach((name, expression) -> keyParts.put(
                        name, CelSupport.compile("activity.key." + name, expression, variables, SimpleType.STRING)));
        this.asset = CelSupport.compile("activity.asset", protocol.activity().asset(), variables, SimpleType.STRING);
        this.periodStart = CelSupport.compile(
                "activity.period.start", protocol.activity().period().start(), variables, SimpleType.STRING);
        this.periodEnd = CelSupport.compile(
                "activity.period.end", protocol.activity().period().end(), variables, SimpleType.STRING);
        final List<CelSupport.Program> compiled = new ArrayList<>();
        for (final Calculation c : protocol.calculations() == null ? List.<Calculation>of() : protocol.calculations()) {
            compiled.add(CelSupport.compile("calculations." + c.name(), c.formula(), variables, SimpleType.DOUBLE));
            declare(variables, c.name(), SimpleType.DOUBLE);
        }
        this.calculations = List.copyOf(compiled);
        this.impact = CelSupport.compile("impact.formula", protocol.impact().formula(), variables, SimpleType.DOUBLE);
        this.criteria = protocol.criteria().stream()
                .map(c -> CelSupport.compile(
                        "criteria." + c.id() + ".formula", c.formula(), variables, SimpleType.DOUBLE))
                .toList();
        checkProofField();
    }

    /** Compiles a parsed protocol; {@code document} is the tree it was read from (its digest is over it). */
    public static CompiledProtocol compile(final Protocol protocol, final JsonNode document) {
        return new CompiledProtocol(protocol, document);
    }

    public Protocol protocol() {
        return protocol;
    }

    public String ref() {
        return protocol.ref();
    }

    /** The RFC 8785 canonical JSON of the definition: what is hashed, anchored and served. */
    public String canonicalJson() {
        return canonicalJson;
    }

    public byte[] canonicalBytes() {
        return canonicalJson.getBytes(StandardCharsets.UTF_8);
    }

    /** Hex SHA-256 of the canonical JSON: the protocol's digest on the ledger. */
    public String digest() {
        return Digests.sha256Hex(canonicalBytes());
    }

    /** SRI (sha384) of the canonical JSON, as credentials pin the protocol. */
    public String digestSRI() {
        return Digests.sri(canonicalBytes());
    }

    /**
     * Binds the policy's role slots to DIDs. Every verifier and validator slot must be bound, each
     * to a distinct, well-formed DID.
     */
    public BoundPolicy bind(final Map<String, String> slotToDid) {
        final VerificationPolicy policy = protocol.verification();
        final List<String> verifiers = resolveSlots(policy.verifiers(), slotToDid);
        final List<String> validators = resolveSlots(protocol.validators(), slotToDid);
        final Set<String> all = new HashSet<>(verifiers);
        if (all.size() != verifiers.size()) {
            throw new ProtocolException(ProtocolError.PROTOCOL_BINDING_INVALID, "a verifier DID is bound to two slots");
        }
        if (validators.stream().anyMatch(all::contains)) {
            throw new ProtocolException(ProtocolError.PROTOCOL_BINDING_INVALID, "a validator cannot also verify");
        }
        return new BoundPolicy(verifiers, policy.quorum(), policy.tolerance(), policy.valueRule(), validators);
    }

    private static List<String> resolveSlots(final List<String> slots, final Map<String, String> slotToDid) {
        final List<String> out = new ArrayList<>();
        for (final String slot : slots) {
            final String did = slotToDid.get(slot);
            if (did == null) {
                throw new ProtocolException(ProtocolError.PROTOCOL_BINDING_INVALID, "slot " + slot + " is not bound");
            }
            try {
                final DidUrl url = DidUrl.parse(did);
                if (!url.fragment().isEmpty()) {
                    throw new ProtocolException(
                            ProtocolError.PROTOCOL_BINDING_INVALID, "bind a DID, not a key: " + did);
                }
            } catch (CredentialException e) {
                throw new ProtocolException(ProtocolError.PROTOCOL_BINDING_INVALID, slot + ": " + e.getMessage(), e);
            }
            out.add(did);
        }
        return out;
    }

    /**
     * Evaluates claim data: schema → activity key, asset and period → proof level → eligibility →
     * calculations and impact (only when eligible). Deterministic: the same data gives the same
     * result on every node.
     *
     * @throws ProtocolException when the data breaks the schema or an expression fails
     */
    public Evaluation evaluate(final JsonNode data) {
        schema.validate(data);
        final Map<String, Object> variables = new HashMap<>(constants);
        dataTypes.forEach((name, type) -> {
            final JsonNode value = data.get(name);
            if (value != null && !value.isNull()) {
                variables.put(name, CelSupport.value(value, type));
            }
        });
        variables.put(CLAIM_VARIABLE, CelSupport.value(data));

        final Map<String, String> key = new TreeMap<>();
        final List<String> caseInsensitive = protocol.activity().caseInsensitive();
        keyParts.forEach((name, program) -> key.put(
                name,
                Identifiers.normalise(name, string(program.eval(variables), program), caseInsensitive.contains(name))));
        final String assetValue = Identifiers.normalise(
                ActivitySpec.ASSET, string(asset.eval(variables), asset), caseInsensitive.contains(ActivitySpec.ASSET));
        final LocalDate start = date(periodStart.eval(variables), periodStart);
        final LocalDate end = date(periodEnd.eval(variables), periodEnd);
        if (end.isBefore(start)) {
            throw new ProtocolException(
                    ProtocolError.CLAIM_PERIOD_INVALID, "period ends " + end + " before it starts " + start);
        }
        final ProofLevel level = proofLevel(data);

        final List<RuleFailure> failures = new ArrayList<>();
        if (!level.atLeast(protocol.proof().minimum())) {
            failures.add(new RuleFailure(
                    "proof-level",
                    "proof level " + level.label() + " is below "
                            + protocol.proof().minimum().label()));
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!Boolean.TRUE.equals(rules.get(i).eval(variables))) {
                failures.add(
                        new RuleFailure(ruleSpecs.get(i).id(), ruleSpecs.get(i).description()));
            }
        }
        final int scale = protocol.impact().decimals();
        final Map<String, BigDecimal> values = new LinkedHashMap<>();
        Optional<BigDecimal> impactValue = Optional.empty();
        final List<CriterionValue> criterionValues = new ArrayList<>();
        if (failures.isEmpty()) {
            for (int i = 0; i < calculations.size(); i++) {
                final String name = protocol.calculations().get(i).name();
                final double value = number(calculations.get(i).eval(variables), calculations.get(i));
                values.put(name, Decimals.of(name, value, scale));
                variables.put(name, value);
            }
            final BigDecimal result = Decimals.of("impact", number(impact.eval(variables), impact), scale);
            if (result.signum() <= 0) {
                failures.add(new RuleFailure(
                        "positive-impact", "the impact must be greater than zero, got " + result.toPlainString()));
            }
            for (int i = 0; i < criteria.size(); i++) {
                final Criterion c = protocol.criteria().get(i);
                final BigDecimal value =
                        Decimals.of(c.id(), number(criteria.get(i).eval(variables), criteria.get(i)), scale);
                if (value.signum() <= 0) {
                    failures.add(new RuleFailure(
                            "positive-impact", c.id() + " must be greater than zero, got " + value.toPlainString()));
                }
                criterionValues.add(
                        new CriterionValue(c.id(), c.category(), c.unit(), value, uniquenessKey(c.category(), key)));
            }
            if (failures.isEmpty()) {
                impactValue = Optional.of(result);
            } else {
                values.clear();
                criterionValues.clear();
            }
        }
        return new Evaluation(
                ref(),
                failures.isEmpty(),
                failures,
                impactValue,
                values,
                protocol.impact().category(),
                protocol.impact().unit(),
                uniquenessKey(protocol.impact().category(), key),
                hash(Json.object()
                        .put("activityType", protocol.activity().type())
                        .put("asset", assetValue)),
                start,
                end,
                level,
                key,
                criterionValues);
    }

    private String uniquenessKey(final String category, final Map<String, String> key) {
        final ObjectNode node =
                Json.object().put("activityType", protocol.activity().type()).put("category", category);
        final ObjectNode parts = node.putObject("key");
        key.forEach(parts::put);
        return hash(node);
    }

    private static String hash(final ObjectNode node) {
        return Digests.sha256Hex(Json.canonicalBytes(node));
    }

    private ProofLevel proofLevel(final JsonNode data) {
        final String field = protocol.proof().levelField();
        if (field == null) {
            return protocol.proof().minimum();
        }
        final String label = data.path(field).stringValue(null);
        final ProofLevel level =
                label == null ? null : protocol.proof().levels().get(label);
        if (level == null) {
            throw new ProtocolException(
                    ProtocolError.CLAIM_DATA_INVALID,
                    field + " must be one of " + protocol.proof().levels().keySet());
        }
        return level;
    }

    private void checkProofField() {
        final String field = protocol.proof().levelField();
        if (field != null && !SimpleType.STRING.equals(dataTypes.get(field))) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_FIELD_INVALID,
                    "proof.levelField " + field + " must be a string property of the claim schema");
        }
    }

    private static void declare(final Map<String, CelType> variables, final String name, final CelType type) {
        if (variables.putIfAbsent(name, type) != null) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_FIELD_INVALID,
                    name + " is declared twice (claim field, constant or calculation)");
        }
    }

    private static double number(final Object value, final CelSupport.Program program) {
        if (value instanceof Double d) {
            return d;
        }
        throw new ProtocolException(
                ProtocolError.CLAIM_EVALUATION_FAILED, program.name() + " gave " + value + ", not a double");
    }

    private static String string(final Object value, final CelSupport.Program program) {
        if (value instanceof String s) {
            return s;
        }
        throw new ProtocolException(
                ProtocolError.CLAIM_EVALUATION_FAILED, program.name() + " gave " + value + ", not a string");
    }

    private static LocalDate date(final Object value, final CelSupport.Program program) {
        try {
            return LocalDate.parse(string(value, program));
        } catch (DateTimeParseException e) {
            throw new ProtocolException(
                    ProtocolError.CLAIM_PERIOD_INVALID, program.name() + " is not an ISO date: " + value, e);
        }
    }
}
