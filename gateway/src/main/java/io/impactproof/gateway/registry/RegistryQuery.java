package io.impactproof.gateway.registry;

import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import java.util.Arrays;
import java.util.Locale;

/**
 * A search of the public registry; every criterion is optional and they combine. This record is
 * immutable.
 *
 * @param protocol a protocol id, or {@code id@version}
 * @param vintage the year the activity period ends
 * @param status a certificate status; without one, split certificates (whose units are in their
 *     lots) are left out so that no unit is listed twice
 * @param beneficiary part of a retirement's beneficiary, case-insensitive
 * @param serial the start of a serial number (a block, or a block and its first unit)
 * @param organisation the MSP id of the sub-network responsible for it (its claim came through that
 *     organisation's node)
 */
record RegistryQuery(
        String protocol,
        String category,
        String vintage,
        String status,
        String holder,
        String beneficiary,
        String serial,
        String organisation) {

    /** The query with blank criteria dropped, or PARAMETER_INVALID for a malformed vintage or status. */
    RegistryQuery checked() {
        if (vintage != null && !vintage.isBlank() && !vintage.matches("[0-9]{4}")) {
            throw new ApiException(ApiError.PARAMETER_INVALID, "vintage is a year, e.g. 2026");
        }
        if (status != null
                && !status.isBlank()
                && Arrays.stream(CertificateStatus.values())
                        .noneMatch(s -> s.name().equalsIgnoreCase(status))) {
            throw new ApiException(
                    ApiError.PARAMETER_INVALID, "status is one of " + Arrays.toString(CertificateStatus.values()));
        }
        return new RegistryQuery(
                blank(protocol),
                blank(category),
                blank(vintage),
                blank(status),
                blank(holder),
                blank(beneficiary),
                blank(serial),
                blank(organisation));
    }

    private static String blank(final String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean matches(final CertificateRecord c) {
        return (protocol == null
                        || c.protocol().equals(protocol)
                        || c.protocol().startsWith(protocol + "@"))
                && (category == null || c.category().equals(category))
                && (vintage == null || c.periodEnd().startsWith(vintage))
                && (status == null
                        ? c.status() != CertificateStatus.SPLIT
                        : c.status().name().equalsIgnoreCase(status))
                && (holder == null || c.holder().equals(holder))
                && (beneficiary == null
                        || c.retirement() != null
                                && c.retirement()
                                        .beneficiary()
                                        .toLowerCase(Locale.ROOT)
                                        .contains(beneficiary.toLowerCase(Locale.ROOT)))
                && (serial == null || c.serial().startsWith(serial))
                && (organisation == null || c.organisation().equals(organisation));
    }
}
