package io.impactproof.protocols;

import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.StableCode;

/**
 * Stable error codes of protocol loading and evaluation. This enum is immutable; the names are part
 * of the public contract and are listed in {@code docs/errors.md}.
 */
public enum ProtocolError implements StableCode {
    PROTOCOL_MALFORMED(
            ErrorCategory.UNPROCESSABLE,
            "The protocol document is not valid YAML or JSON, or a value has the wrong shape."),
    PROTOCOL_UNKNOWN_FIELD(
            ErrorCategory.UNPROCESSABLE,
            "The protocol has a field the format does not define (a typo is never ignored)."),
    PROTOCOL_FIELD_MISSING(ErrorCategory.UNPROCESSABLE, "A required protocol field is missing."),
    PROTOCOL_FIELD_INVALID(
            ErrorCategory.UNPROCESSABLE,
            "A protocol field has an invalid value (version, quorum, tolerance, names, slots…)."),
    PROTOCOL_SCHEMA_INVALID(
            ErrorCategory.UNPROCESSABLE, "The claim schema is not a valid, self-contained JSON Schema 2020-12."),
    PROTOCOL_EXPRESSION_INVALID(
            ErrorCategory.UNPROCESSABLE, "A CEL expression does not parse or refers to an unknown name or function."),
    PROTOCOL_EXPRESSION_TYPE(
            ErrorCategory.UNPROCESSABLE,
            "A CEL expression has the wrong result type (rules: bool, formulas: double, keys: string)."),
    PROTOCOL_NOT_FOUND(ErrorCategory.NOT_FOUND, "No bundled protocol has this id and version."),
    PROTOCOL_BINDING_INVALID(
            ErrorCategory.UNPROCESSABLE,
            "Binding the verification policy failed: a role slot is unbound or a DID is invalid or repeated."),
    CLAIM_DATA_INVALID(ErrorCategory.UNPROCESSABLE, "The claim data does not match the protocol's claim schema."),
    CLAIM_FIELD_MISSING(
            ErrorCategory.UNPROCESSABLE,
            "An expression needed a claim field (or map entry) that the claim does not have."),
    CLAIM_EVALUATION_FAILED(
            ErrorCategory.UNPROCESSABLE,
            "An expression failed at run time (division by zero, integer overflow, bad argument)."),
    CLAIM_VALUE_NOT_FINITE(
            ErrorCategory.UNPROCESSABLE,
            "A formula produced NaN or an infinity (e.g. a floating-point division by zero)."),
    CLAIM_VALUE_OUT_OF_RANGE(
            ErrorCategory.UNPROCESSABLE,
            "A formula produced a value whose magnitude exceeds 10^15, beyond exact decimal rounding."),
    CLAIM_PERIOD_INVALID(
            ErrorCategory.UNPROCESSABLE, "The activity period is not a pair of ISO dates with start on or before end."),
    CLAIM_IDENTIFIER_INVALID(
            ErrorCategory.UNPROCESSABLE,
            "An identifier forming a uniqueness or asset key is empty or holds a control, format (bidi, zero-width), surrogate, private-use or unassigned character or an uncomposed combining mark."),
    VALUES_INVALID(
            ErrorCategory.UNPROCESSABLE,
            "Verifier values cannot be combined (none given, or not in the protocol's unit scale).");

    private final ErrorCategory category;
    private final String meaning;

    ProtocolError(final ErrorCategory category, final String meaning) {
        this.category = category;
        this.meaning = meaning;
    }

    @Override
    public ErrorCategory category() {
        return category;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
