package io.impactproof.protocols.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * CEL as the protocols use it: one sandboxed runtime (no I/O, no clock, no randomness, bounded
 * comprehensions), typed variables derived from the claim schema, and run-time errors mapped to
 * stable codes. This class is thread-safe.
 */
final class CelSupport {
    /** Bounds every list macro (all, exists, map…) so a claim cannot make a node loop for long. */
    static final int MAX_ITERATIONS = 10_000;

    static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .errorOnIntWrap(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .build();

    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private CelSupport() {}

    /** A compiled expression, with its name for error messages. Immutable and thread-safe. */
    record Program(String name, String expression, CelRuntime.Program program) {
        Object eval(final Map<String, Object> variables) {
            final Object result;
            try {
                // Read through, not copied: eval(Map) copies the map into an immutable one on every
                // call (a sixth of an evaluation's time). The values are CEL's own types already
                // (long, double, string, bool, list, map), which the copy would have passed as they are.
                result = program.eval((CelVariableResolver) name -> Optional.ofNullable(variables.get(name)));
            } catch (CelEvaluationException e) {
                final ProtocolError code = e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND
                        ? ProtocolError.CLAIM_FIELD_MISSING
                        : ProtocolError.CLAIM_EVALUATION_FAILED;
                throw new ProtocolException(code, name + " (" + expression + "): " + e.getMessage(), e);
            }
            // An unbound variable (an optional claim field that is absent) evaluates to "unknown".
            if (result instanceof CelUnknownSet) {
                throw new ProtocolException(
                        ProtocolError.CLAIM_FIELD_MISSING,
                        name + " (" + expression + ") needs a field the claim does not have");
            }
            return result;
        }
    }

    /** Compiles an expression against the declared variables and checks its result type. */
    static Program compile(
            final String name, final String expression, final Map<String, CelType> variables, final CelType expected) {
        final CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        variables.forEach(builder::addVar);
        final CelCompiler compiler = builder.build();
        final CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_EXPRESSION_INVALID,
                    name + ": " + e.getMessage().replace('\n', ' '),
                    e);
        }
        final CelType actual = ast.getResultType();
        if (!actual.equals(expected) && !actual.equals(SimpleType.DYN)) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_EXPRESSION_TYPE,
                    name + " must be " + expected.name() + " but is " + actual.name() + ": " + expression);
        }
        try {
            return new Program(name, expression, RUNTIME.createProgram(ast));
        } catch (CelEvaluationException e) {
            throw new ProtocolException(ProtocolError.PROTOCOL_EXPRESSION_INVALID, name + ": " + e.getMessage(), e);
        }
    }

    /** The CEL type of a JSON Schema property: integer → int, number → double, and so on. */
    static CelType typeOfSchema(final JsonNode schema) {
        return switch (schema.path("type").stringValue("")) {
            case "integer" -> SimpleType.INT;
            case "number" -> SimpleType.DOUBLE;
            case "string" -> SimpleType.STRING;
            case "boolean" -> SimpleType.BOOL;
            case "object" -> MapType.create(SimpleType.STRING, SimpleType.DYN);
            case "array" -> ListType.create(SimpleType.DYN);
            default -> SimpleType.DYN;
        };
    }

    /** The CEL type of a constant: numbers are doubles, maps of numbers map(string, double). */
    static CelType typeOfConstant(final JsonNode value) {
        if (value.isNumber()) {
            return SimpleType.DOUBLE;
        }
        if (value.isString()) {
            return SimpleType.STRING;
        }
        if (value.isBoolean()) {
            return SimpleType.BOOL;
        }
        if (value.isObject()) {
            final boolean numeric = value.valueStream().allMatch(JsonNode::isNumber);
            return MapType.create(SimpleType.STRING, numeric ? SimpleType.DOUBLE : SimpleType.DYN);
        }
        return ListType.create(SimpleType.DYN);
    }

    /** A JSON value as CEL sees it for a declared type (a number declared double is a double). */
    static Object value(final JsonNode node, final CelType type) {
        if (type.equals(SimpleType.DOUBLE) && node.isNumber()) {
            return finite(node);
        }
        if (type instanceof MapType map && map.valueType().equals(SimpleType.DOUBLE) && node.isObject()) {
            final Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), finite(e.getValue())));
            return out;
        }
        return value(node);
    }

    /** A JSON number as a double; one beyond the double range (1e400, a 120-digit integer) is refused, not a fault. */
    private static double finite(final JsonNode number) {
        final double value = number.numberValue().doubleValue();
        if (!Double.isFinite(value)) {
            throw new ProtocolException(
                    ProtocolError.CLAIM_DATA_INVALID, "a number beyond the range of a double: " + abbreviated(number));
        }
        return value;
    }

    private static String abbreviated(final JsonNode number) {
        final String text = number.numberValue().toString();
        return text.length() <= 40 ? text : text.substring(0, 20) + "…(" + text.length() + " digits)";
    }

    /** A JSON value as a CEL dyn: integers are int (long), other numbers double. */
    static Object value(final JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return finite(node);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            final List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(value(item)));
            return out;
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        node.properties().stream()
                .filter(e -> !e.getValue().isNull())
                .forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }
}
