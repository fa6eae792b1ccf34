package io.impactproof.protocols;

import io.impactproof.protocols.model.ActivitySpec;
import io.impactproof.protocols.model.Calculation;
import io.impactproof.protocols.model.Consent;
import io.impactproof.protocols.model.Criterion;
import io.impactproof.protocols.model.ImpactSpec;
import io.impactproof.protocols.model.ProofSpec;
import io.impactproof.protocols.model.Protocol;
import io.impactproof.protocols.model.Rule;
import io.impactproof.protocols.model.Tolerance;
import io.impactproof.protocols.model.VerificationPolicy;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Structural checks of a parsed protocol, before any expression is compiled. */
final class ProtocolChecks {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");
    private static final Set<String> PILLARS = Set.of("A", "B", "C");
    private static final int MAX_DECIMALS = 9;

    private ProtocolChecks() {}

    static void check(final Protocol p) {
        slug(required(p.id(), "id"), "id");
        if (!SEMVER.matcher(required(p.version(), "version")).matches()) {
            throw invalid("version must be MAJOR.MINOR.PATCH, got " + p.version());
        }
        required(p.title(), "title");
        required(p.framework(), "framework");
        if (p.sources() == null || p.sources().isEmpty()) {
            throw missing("sources (every protocol cites where its figures come from)");
        }
        p.sources().forEach(s -> required(s.title(), "sources[].title"));
        required(p.sdg(), "sdg");
        impact(required(p.impact(), "impact"));
        criteria(p.impact(), p.criteria());
        activity(required(p.activity(), "activity"));
        if (p.claimSchema() == null || !p.claimSchema().isObject()) {
            throw missing("claimSchema (a JSON Schema object)");
        }
        rules(p.eligibility() == null ? List.of() : p.eligibility());
        calculations(p.calculations() == null ? List.of() : p.calculations());
        required(required(p.baseline(), "baseline").scenario(), "baseline.scenario");
        required(p.baseline().additionality(), "baseline.additionality");
        proof(required(p.proof(), "proof"));
        if (p.consent() != null) {
            consent(p.consent(), p.claimSchema());
        }
        verification(required(p.verification(), "verification"));
        slots(p.validators(), "validators");
        if (p.constants() != null) {
            p.constants().keySet().forEach(name -> identifier(name, "constants"));
        }
    }

    private static void impact(final ImpactSpec impact) {
        slug(required(impact.category(), "impact.category"), "impact.category");
        if (!PILLARS.contains(required(impact.pillar(), "impact.pillar"))) {
            throw invalid("impact.pillar is a Net Zero Initiative pillar: A, B or C");
        }
        required(impact.indicator(), "impact.indicator");
        required(impact.unit(), "impact.unit");
        final int decimals = required(impact.decimals(), "impact.decimals");
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw invalid("impact.decimals must be 0 to " + MAX_DECIMALS);
        }
        required(impact.formula(), "impact.formula");
    }

    private static void criteria(final ImpactSpec impact, final List<Criterion> criteria) {
        final Set<String> ids = new HashSet<>();
        final Set<String> categories = new HashSet<>(Set.of(impact.category()));
        for (final Criterion c : criteria) {
            slug(required(c.id(), "criteria[].id"), "criteria[].id");
            if (!ids.add(c.id())) {
                throw invalid("criteria ids must be unique: " + c.id());
            }
            final String field = "criteria[" + c.id() + "]";
            slug(required(c.category(), field + ".category"), field + ".category");
            if (!categories.add(c.category())) {
                throw invalid(field + ".category repeats " + c.category()
                        + ": each criterion is its own impact category, never summed with another");
            }
            if (!PILLARS.contains(required(c.pillar(), field + ".pillar"))) {
                throw invalid(field + ".pillar is a Net Zero Initiative pillar: A, B or C");
            }
            required(c.indicator(), field + ".indicator");
            required(c.unit(), field + ".unit");
            required(c.formula(), field + ".formula");
        }
    }

    private static void activity(final ActivitySpec activity) {
        slug(required(activity.type(), "activity.type"), "activity.type");
        if (activity.key() == null || activity.key().isEmpty()) {
            throw missing("activity.key (the fields that identify one activity)");
        }
        activity.key().keySet().forEach(name -> identifier(name, "activity.key"));
        required(activity.asset(), "activity.asset");
        required(required(activity.period(), "activity.period").start(), "activity.period.start");
        required(activity.period().end(), "activity.period.end");
        for (final String name : activity.caseInsensitive()) {
            if (!activity.key().containsKey(name) && !ActivitySpec.ASSET.equals(name)) {
                throw invalid("activity.caseInsensitive names " + name + ", which is neither a key part nor asset");
            }
        }
    }

    private static void rules(final List<Rule> rules) {
        final Set<String> ids = new HashSet<>();
        for (final Rule rule : rules) {
            slug(required(rule.id(), "eligibility[].id"), "eligibility[].id");
            required(rule.rule(), "eligibility[" + rule.id() + "].rule");
            if (!ids.add(rule.id())) {
                throw invalid("eligibility rule ids must be unique: " + rule.id());
            }
        }
    }

    private static void calculations(final List<Calculation> calculations) {
        final Set<String> names = new HashSet<>();
        for (final Calculation calculation : calculations) {
            identifier(required(calculation.name(), "calculations[].name"), "calculations");
            required(calculation.formula(), "calculations[" + calculation.name() + "].formula");
            if (!names.add(calculation.name())) {
                throw invalid("calculation names must be unique: " + calculation.name());
            }
        }
    }

    private static void proof(final ProofSpec proof) {
        required(proof.minimum(), "proof.minimum");
        if ((proof.levelField() == null)
                != (proof.levels() == null || proof.levels().isEmpty())) {
            throw invalid("proof.levelField and proof.levels go together");
        }
    }

    /** Both consent fields are required string properties of the claim schema. */
    private static void consent(final Consent consent, final tools.jackson.databind.JsonNode schema) {
        for (final String field :
                new String[] {required(consent.subject(), "consent.subject"), required(consent.month(), "consent.month")
                }) {
            identifier(field, "consent");
            final boolean required = java.util.stream.StreamSupport.stream(
                            schema.path("required").spliterator(), false)
                    .anyMatch(n -> field.equals(n.stringValue(null)));
            if (!required
                    || !"string"
                            .equals(schema.at("/properties/" + field + "/type").stringValue(null))) {
                throw invalid("consent." + field + " must be a required string field of claimSchema");
            }
        }
    }

    private static void verification(final VerificationPolicy policy) {
        slots(policy.verifiers(), "verification.verifiers");
        final int quorum = required(policy.quorum(), "verification.quorum");
        if (quorum < 1 || quorum > policy.verifiers().size()) {
            throw invalid("verification.quorum must be between 1 and the number of verifiers");
        }
        final Tolerance tolerance = required(policy.tolerance(), "verification.tolerance");
        if (tolerance.relative() == null && tolerance.absolute() == null) {
            throw missing("verification.tolerance.relative or .absolute");
        }
        for (final BigDecimal bound : new BigDecimal[] {tolerance.relative(), tolerance.absolute()}) {
            if (bound != null && bound.signum() < 0) {
                throw invalid("verification.tolerance must not be negative");
            }
        }
        required(policy.valueRule(), "verification.valueRule");
        if (policy.reference() != null) {
            slug(
                    required(policy.reference().implementation(), "verification.reference.implementation"),
                    "verification.reference.implementation");
            if (!SEMVER.matcher(required(policy.reference().version(), "verification.reference.version"))
                    .matches()) {
                throw invalid("verification.reference.version must be an exact MAJOR.MINOR.PATCH version");
            }
            slug(required(policy.reference().model(), "verification.reference.model"), "verification.reference.model");
        }
    }

    private static void slots(final Collection<String> slots, final String field) {
        if (slots == null || slots.isEmpty()) {
            throw missing(field);
        }
        if (new HashSet<>(slots).size() != slots.size()) {
            throw invalid(field + " must not repeat a slot");
        }
        slots.forEach(slot -> slug(slot, field));
    }

    private static void slug(final String value, final String field) {
        if (!SLUG.matcher(value).matches()) {
            throw invalid(field + " must be lower-case letters, digits and dashes: " + value);
        }
    }

    private static void identifier(final String value, final String field) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(field + " names must be lower_snake_case identifiers: " + value);
        }
    }

    private static <T> T required(final T value, final String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw missing(field);
        }
        return value;
    }

    private static ProtocolException missing(final String field) {
        return new ProtocolException(ProtocolError.PROTOCOL_FIELD_MISSING, field);
    }

    private static ProtocolException invalid(final String detail) {
        return new ProtocolException(ProtocolError.PROTOCOL_FIELD_INVALID, detail);
    }
}
