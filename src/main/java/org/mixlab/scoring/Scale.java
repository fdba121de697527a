package org.mixlab.scoring;

import java.util.Locale;

/**
 * The perceptual scale a setting is compared on: decibels for levels, octaves for frequencies, doublings (log2 of
 * the ratio) for ratios, times and Q, percentage points for pan and other percentages, plain units otherwise, and
 * exact match for switches and choices.
 */
public enum Scale {
    /** Difference in dB. */
    DB("dB"),
    /** Difference in octaves, log2(a / b); values must be positive. */
    OCTAVE("octaves"),
    /** Difference in doublings, log2(a / b); values must be positive. */
    LOG2("doublings"),
    /** Difference in percentage points. */
    PERCENT("%"),
    /** Plain difference in the parameter's own unit. */
    LINEAR(""),
    /** 0 when equal, otherwise infinitely far (switches and choices). */
    CHOICE("");

    private final String unit;

    Scale(String unit) {
        this.unit = unit;
    }

    /** Unit of a difference on this scale, e.g. "dB", "octaves". */
    public String unit() {
        return unit;
    }

    /** Signed difference {@code a - b} on this scale; NaN when a log scale gets a value of 0 or less. */
    public double difference(double a, double b) {
        switch (this) {
            case OCTAVE:
            case LOG2:
                if (!(a > 0) || !(b > 0)) {
                    return Double.NaN;
                }
                return Math.log(a / b) / Math.log(2);
            case CHOICE:
                return Math.rint(a) == Math.rint(b) ? 0 : Double.POSITIVE_INFINITY;
            default:
                return a - b;
        }
    }

    /** The scale for a lower-case name ("db", "octave", "log2", "percent", "linear", "choice"), or null. */
    public static Scale parse(String name) {
        if (name == null) {
            return null;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "db":
                return DB;
            case "octave":
            case "octaves":
                return OCTAVE;
            case "log2":
                return LOG2;
            case "percent":
                return PERCENT;
            case "linear":
                return LINEAR;
            case "choice":
                return CHOICE;
            default:
                return null;
        }
    }

    /** The natural scale of a parameter id from its unit suffix: ...Db, ...Hz, ...Ms, ...S, ...Q, ratio, ...Pct, ...On. */
    public static Scale forParamId(String paramId) {
        String p = paramId;
        if (p.endsWith("Db")) {
            return DB;
        }
        if (p.endsWith("Hz")) {
            return OCTAVE;
        }
        if (p.endsWith("Ms") || p.endsWith("S") || p.endsWith("Q") || p.equals("ratio")) {
            return LOG2;
        }
        if (p.endsWith("Pct") || p.equals("pan") || p.equals("mix")) {
            return PERCENT;
        }
        if (p.endsWith("On") || p.equals("type") || p.endsWith("Slope") || p.equals("mode") || p.equals("detector")
                || p.equals("law") || p.equals("note") || p.equals("stages") || p.equals("sync")
                || p.equals("pingPong") || p.equals("mute") || p.equals("polarity") || p.equals("autoGain")
                || p.equals("autoMakeup") || p.equals("truePeak")) {
            return CHOICE;
        }
        return LINEAR;
    }
}
