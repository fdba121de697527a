package org.mixlab.cli;

import java.util.Locale;

/** Number formatting shared by the commands. */
final class CliFormat {
    private CliFormat() {}

    /** "-14.2" style with one decimal, or "-inf". */
    static String db(double v) {
        if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Two decimals, or "-inf". */
    static String db2(double v) {
        if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** JSON number, or null when undefined. */
    static String json(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
