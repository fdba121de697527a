package org.mixlab.lesson.drill;

import java.util.List;
import java.util.Map;

/**
 * What a drill type varies and how: the adaptive quantity, its unit and range, the staircase defaults, and the
 * optional numeric settings a pack may give in its drill block.
 *
 * @param type          the drill type
 * @param varies        learner-facing name of the adaptive quantity, e.g. "boost"
 * @param unit          its unit, e.g. "dB"
 * @param minLevel      hardest level allowed
 * @param maxLevel      easiest level allowed
 * @param startLevel    default first level
 * @param startStep     default first staircase step
 * @param minStep       smallest staircase step
 * @param settings      optional pack settings by name, each with {min, max} bounds
 * @param description   one sentence describing the task for the learner
 */
public record DrillSpec(DrillType type, String varies, String unit, double minLevel, double maxLevel,
                        double startLevel, double startStep, double minStep, Map<String, double[]> settings,
                        String description) {

    /** Settings every drill accepts: number of trials, reversals, and the first level. */
    public static final List<String> COMMON_SETTINGS = List.of("trials", "reversals", "startLevel");

    /** Band centres the eq-band drill chooses from, in Hz (octaves from 125 Hz to 8 kHz). */
    public static final double[] EQ_BAND_CENTRES_HZ = {125, 250, 500, 1000, 2000, 4000, 8000};

    /** The spec for a drill type. */
    public static DrillSpec of(DrillType type) {
        return switch (type) {
            case EQ_BAND -> new DrillSpec(type, "boost", "dB", 1, 15, 12, 3, 0.5,
                    Map.of("q", new double[] {0.5, 4}, "bands", new double[] {2, 7}),
                    "Which frequency band was boosted?");
            case COMPRESSION -> new DrillSpec(type, "ratio", ":1", 1.1, 20, 8, 3, 0.25,
                    Map.of("thresholdDb", new double[] {-50, -10}, "attackMs", new double[] {0.1, 100}),
                    "Which version is compressed, A or B?");
            case PAN -> new DrillSpec(type, "distance from centre", "%", 2, 100, 60, 20, 2,
                    Map.of(), "Is the instrument left or right of centre?");
            case REVERB_AMOUNT -> new DrillSpec(type, "reverb send difference", "dB", 0.5, 20, 12, 4, 0.5,
                    Map.of("baseSendDb", new double[] {-40, -6}, "decayS", new double[] {0.5, 6}),
                    "Which version has more reverb, A or B?");
            case SATURATION -> new DrillSpec(type, "drive", "dB", 0.5, 24, 18, 4, 0.5,
                    Map.of("satType", new double[] {0, 2}), "Which version is saturated, A or B?");
            case LEVEL -> new DrillSpec(type, "level difference", "dB", 0.1, 6, 3, 1, 0.1,
                    Map.of(), "Which version is louder, A or B?");
        };
    }

    /** True when {@code name} is a setting this drill accepts (common or type-specific). */
    public boolean accepts(String name) {
        return COMMON_SETTINGS.contains(name) || settings.containsKey(name);
    }

    /** The allowed [min, max] for a setting, or null if unknown. */
    public double[] bounds(String name) {
        return switch (name) {
            case "trials" -> new double[] {5, 200};
            case "reversals" -> new double[] {4, 30};
            case "startLevel" -> new double[] {minLevel, maxLevel};
            default -> settings.get(name);
        };
    }

    /** A staircase with this spec's defaults, optionally overridden by pack settings (NaN = default). */
    public Staircase staircase(double startLevelOverride, int reversals, int trials) {
        double start = Double.isNaN(startLevelOverride) ? startLevel : startLevelOverride;
        return new Staircase(start, startStep, minStep, minLevel, maxLevel, reversals, trials);
    }
}
