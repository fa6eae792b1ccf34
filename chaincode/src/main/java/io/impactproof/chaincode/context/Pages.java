package io.impactproof.chaincode.context;

import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.Transactions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Paged query results as the chaincode returns them: {@code {"bookmark": …, "records": […]}}. */
public final class Pages {
    private Pages() {}

    /** A page size argument: 1 to {@value Transactions#MAX_PAGE}. */
    public static int size(final String text) {
        try {
            final int size = Integer.parseInt(text);
            if (size >= 1 && size <= Transactions.MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RegistryException(
                RegistryError.ARGUMENT_INVALID, "a page size is 1 to " + Transactions.MAX_PAGE + ", got " + text);
    }

    public static String json(final State.Page<?> page) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("bookmark", page.bookmark());
        out.put("records", page.entries().stream().map(Map.Entry::getValue).toList());
        return LedgerJson.string(out);
    }
}
