package io.impactproof.chaincode.campaign;

import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Texts;
import io.impactproof.model.Bounds;
import io.impactproof.model.RegistryError;
import io.impactproof.model.campaign.Eligibility;
import io.impactproof.model.campaign.Terms;
import io.impactproof.protocols.model.ProofLevel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads a campaign's eligibility and terms from an instruction, refusing anything ambiguous. This class is stateless. */
final class CampaignTerms {
    /** Entries an eligibility list may hold. */
    static final int MAX_LIST = 100;

    private static final Set<String> ELIGIBILITY_FIELDS = Set.of(
            "protocols",
            "categories",
            "minProofLevel",
            "owners",
            "beneficiaries",
            "organisations",
            "periodStart",
            "periodEnd");
    private static final Set<String> TERMS_FIELDS = Set.of(
            "rate",
            "amount",
            "capPerClaim",
            "capPerOwnerMonth",
            "capPerBeneficiaryMonth",
            "settlement",
            "beneficiary",
            "purpose");

    private CampaignTerms() {}

    static String currency(final JsonNode node) {
        final String currency = node.stringValue("EUR");
        if (!currency.matches("[A-Z]{3}")) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "currency is an ISO 4217 code, e.g. EUR");
        }
        return currency;
    }

    static Eligibility eligibility(final JsonNode node) {
        if (node.isMissingNode()) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "eligibility is required (protocols or categories at least)");
        }
        fields("eligibility", node, ELIGIBILITY_FIELDS);
        final List<Eligibility.ProtocolRange> protocols = new ArrayList<>();
        for (final JsonNode p : list("eligibility.protocols", node.path("protocols"))) {
            fields("eligibility.protocols[]", p, Set.of("id", "from", "to"));
            final String from = version("from", p.path("from"));
            final String to = version("to", p.path("to"));
            if (from != null && to != null && Versions.compare(from, to) > 0) {
                throw new RegistryException(RegistryError.ARGUMENT_INVALID, "a version range runs from low to high");
            }
            protocols.add(new Eligibility.ProtocolRange(text("eligibility.protocols[].id", p.path("id")), from, to));
        }
        final List<String> categories = texts("eligibility.categories", node.path("categories"));
        if (protocols.isEmpty() && categories.isEmpty()) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "eligibility names protocols or impact categories: a campaign never funds every kind of impact at once");
        }
        final String level = node.path("minProofLevel").stringValue(null);
        if (level != null
                && java.util.Arrays.stream(ProofLevel.values())
                        .noneMatch(l -> l.label().equals(level))) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "minProofLevel is declarative, calculated or verified");
        }
        final String start = day("periodStart", node.path("periodStart"));
        final String end = day("periodEnd", node.path("periodEnd"));
        if (start != null && end != null && start.compareTo(end) > 0) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "periodStart is after periodEnd");
        }
        return new Eligibility(
                protocols,
                categories,
                level,
                texts("eligibility.owners", node.path("owners")),
                texts("eligibility.beneficiaries", node.path("beneficiaries")),
                texts("eligibility.organisations", node.path("organisations")),
                start,
                end);
    }

    static Terms terms(final JsonNode node) {
        if (!node.isObject()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "terms is required");
        }
        fields("terms", node, TERMS_FIELDS);
        final String rate = node.path("rate").stringValue(null);
        final String amount = node.path("amount").stringValue(null);
        if ((rate == null) == (amount == null)) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "terms state either a rate per unit or the protocol calculation (amount) that gives the amount due");
        }
        if (amount != null && !amount.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "terms.amount names a protocol calculation");
        }
        final String settlement = node.path("settlement").stringValue(Terms.TRANSFER);
        if (!Terms.TRANSFER.equals(settlement) && !Terms.RETIRE.equals(settlement)) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "terms.settlement is transfer or retire");
        }
        final String beneficiary = optional("terms.beneficiary", node.path("beneficiary"), Bounds.BENEFICIARY);
        final String purpose = optional("terms.purpose", node.path("purpose"), Bounds.PURPOSE);
        if (Terms.RETIRE.equals(settlement) && (beneficiary == null || purpose == null)) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "a campaign that retires names its beneficiary and purpose");
        }
        return new Terms(
                rate == null ? null : Money.rate("terms.rate", rate).toPlainString(),
                amount,
                cap("terms.capPerClaim", node.path("capPerClaim")),
                cap("terms.capPerOwnerMonth", node.path("capPerOwnerMonth")),
                cap("terms.capPerBeneficiaryMonth", node.path("capPerBeneficiaryMonth")),
                settlement,
                beneficiary,
                purpose);
    }

    private static void fields(final String where, final JsonNode node, final Set<String> known) {
        if (!node.isObject()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, where + " must be an object");
        }
        for (final String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new RegistryException(
                        RegistryError.ARGUMENT_INVALID, where + " has no field " + Texts.bounded("a name", name, 64));
            }
        }
    }

    private static List<JsonNode> list(final String where, final JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_LIST) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, where + " must be a list of at most " + MAX_LIST);
        }
        final List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private static List<String> texts(final String where, final JsonNode node) {
        final List<String> out = new ArrayList<>();
        for (final JsonNode item : list(where, node)) {
            final String value = text(where + "[]", item);
            if (out.contains(value)) {
                throw new RegistryException(RegistryError.ARGUMENT_INVALID, where + " lists " + value + " twice");
            }
            out.add(value);
        }
        return out;
    }

    private static String text(final String where, final JsonNode node) {
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, where + " must be a string");
        }
        return Texts.bounded(where, node.stringValue(), Bounds.IDENTIFIER);
    }

    private static String optional(final String where, final JsonNode node, final int max) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, where + " must be a string");
        }
        return Texts.bounded(where, node.stringValue(), max);
    }

    private static String version(final String where, final JsonNode node) {
        final String value = optional("a version " + where, node, 32);
        if (value != null && !value.matches(Versions.FORM)) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "a version " + where + " is major.minor.patch");
        }
        return value;
    }

    private static String day(final String where, final JsonNode node) {
        final String value = optional("eligibility." + where, node, 10);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "eligibility." + where + " is a day, YYYY-MM-DD");
        }
    }

    private static String cap(final String where, final JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return Money.text(Money.amount(where, node.stringValue(null)));
    }
}
