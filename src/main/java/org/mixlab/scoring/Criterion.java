package org.mixlab.scoring;

import java.util.List;
import java.util.Locale;

/**
 * One rubric line of an exercise (docs/exercise-format.md). Points: 100 while the difference from the reference (or
 * the target, or the limit) is within {@code tolerance}, falling linearly to 0 at {@code tolerance + falloff}.
 *
 * @param id          identifier unique within the exercise
 * @param kind        what is compared
 * @param label       optional words naming it in reports (null for automatic)
 * @param weight      share of the total, greater than 0
 * @param tolerance   difference still worth full points, 0 or more, in the criterion's unit
 * @param falloff     further difference over which the points fall to 0, greater than 0
 * @param selector    the setting (setting and relative-setting kinds), else null
 * @param minus       the second setting of a relative-setting, else null
 * @param scale       comparison scale of settings (null: the setting's natural scale)
 * @param target      a fixed value to reach instead of the reference's, or null
 * @param min         a lower limit: values at or above it are in range, or null
 * @param max         an upper limit: values at or below it are in range, or null
 * @param whenMissing the value a setting counts as when not in use (e.g. 0 dB for a switched-off band), or null
 * @param stems       track ids for stem-balance, else empty
 * @param minHz       lowest 1/3-octave centre included (tonal-balance, stereo-width), Hz
 * @param maxHz       highest 1/3-octave centre included, Hz
 * @param metric      stereo-width metric: "correlation" or "sideMidDb", else null
 */
public record Criterion(String id, Kind kind, String label, double weight, double tolerance, double falloff,
                        SettingSelector selector, SettingSelector minus, Scale scale, Double target, Double min,
                        Double max, Double whenMissing, List<String> stems, double minHz, double maxHz,
                        String metric) {

    /** Criterion kinds and their names in exercise files. */
    public enum Kind {
        /** A session setting against the reference's. */
        SETTING("setting", false),
        /** The difference of two settings against the reference's difference. */
        RELATIVE_SETTING("relative-setting", false),
        /** Each listed stem's loudness in the mix relative to the others. */
        STEM_BALANCE("stem-balance", true),
        /** Level-normalised 1/3-octave shape of the mix, mean absolute difference. */
        TONAL_BALANCE("tonal-balance", true),
        /** Integrated loudness, LUFS. */
        INTEGRATED_LOUDNESS("integrated-loudness", true),
        /** True peak, dBTP (normally a limit). */
        TRUE_PEAK("true-peak", true),
        /** Loudness range, LU. */
        LOUDNESS_RANGE("loudness-range", true),
        /** Stereo correlation or side-to-mid ratio. */
        STEREO_WIDTH("stereo-width", true),
        /** Crest factor, dB. */
        CREST_FACTOR("crest-factor", true);

        private final String json;
        private final boolean audio;

        Kind(String json, boolean audio) {
            this.json = json;
            this.audio = audio;
        }

        /** The name used in exercise files. */
        public String json() {
            return json;
        }

        /** True when the criterion is measured on renders rather than read from settings. */
        public boolean audio() {
            return audio;
        }

        /** The kind for a file name, or null. */
        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.json.equals(s)) {
                    return k;
                }
            }
            return null;
        }

        /** All names, comma separated. */
        public static String names() {
            StringBuilder b = new StringBuilder();
            for (Kind k : values()) {
                b.append(b.length() == 0 ? "" : ", ").append(k.json);
            }
            return b.toString();
        }
    }

    /** Points 0..100 for an absolute difference {@code d} (NaN or infinite gives 0). */
    public double points(double d) {
        double a = Math.abs(d);
        if (!Double.isFinite(a)) {
            return 0;
        }
        if (a <= tolerance + 1e-9) {
            return 100;
        }
        return Math.max(0, 100 * (1 - (a - tolerance) / falloff));
    }

    /** The unit of this criterion's measured values ("dB", "LUFS", "LU", "dBTP", ...). */
    public String unit() {
        switch (kind) {
            case INTEGRATED_LOUDNESS:
                return "LUFS";
            case LOUDNESS_RANGE:
                return "LU";
            case TRUE_PEAK:
                return "dBTP";
            case STEREO_WIDTH:
                return "sideMidDb".equals(metric) ? "dB" : "";
            case SETTING:
            case RELATIVE_SETTING:
                return selector.valueUnit();
            default:
                return "dB";
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s, weight %s)", id, kind.json(), Feedback.num(weight));
    }
}
