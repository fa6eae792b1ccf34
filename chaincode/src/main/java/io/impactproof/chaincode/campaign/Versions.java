package io.impactproof.chaincode.campaign;

import java.util.Arrays;

/** Compares protocol versions (major.minor.patch, numerically). This class is stateless. */
final class Versions {
    static final String FORM = "[0-9]{1,6}\\.[0-9]{1,6}\\.[0-9]{1,6}";

    private Versions() {}

    static int compare(final String a, final String b) {
        final int[] x = parts(a);
        final int[] y = parts(b);
        return Arrays.compare(x, y);
    }

    private static int[] parts(final String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
