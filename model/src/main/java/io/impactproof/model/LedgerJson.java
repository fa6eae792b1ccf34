package io.impactproof.model;

import io.impactproof.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How records become ledger bytes: JSON with properties and map keys sorted, so that every peer
 * writes identical bytes (endorsements must match). Records hold timestamps and decimals as
 * strings, so no number formatting can differ between JVMs. This class is thread-safe.
 */
public final class LedgerJson {
    private static final JsonMapper MAPPER = Json.MAPPER
            .rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private LedgerJson() {}

    public static byte[] bytes(final Object record) {
        return MAPPER.writeValueAsBytes(record);
    }

    public static String string(final Object record) {
        return new String(bytes(record), StandardCharsets.UTF_8);
    }

    public static <T> T read(final byte[] bytes, final Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("corrupt ledger record of " + type.getSimpleName(), e);
        }
    }

    public static <T> List<T> readList(final byte[] bytes, final Class<T> type) {
        try {
            return MAPPER.readValue(bytes, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JacksonException e) {
            throw new IllegalStateException("corrupt list of " + type.getSimpleName(), e);
        }
    }
}
