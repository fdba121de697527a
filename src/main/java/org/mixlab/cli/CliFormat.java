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

    /** One decimal, or "n/a" for a quantity that has no value (a loudness range under 3 s, a crest of silence). */
    static String defined(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "n/a";
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
