package org.mixlab.dsp;

import java.util.List;

/**
 * Describes one parameter of a processor: its id in session files, display name, unit, range, default and taper.
 *
 * @param id           stable identifier used in session files, e.g. {@code "thresholdDb"}
 * @param name         display name, e.g. "Threshold"
 * @param unit         unit for display ("dB", "Hz", "ms", "%", ":1", "" for none)
 * @param min          smallest allowed value
 * @param max          largest allowed value
 * @param defaultValue value after construction and on double-click reset
 * @param taper        how a control maps travel to value
 * @param choices      labels for {@link Taper#CHOICE} parameters, empty otherwise
 */
public record ParamSpec(String id, String name, String unit, double min, double max, double defaultValue,
                        Taper taper, List<String> choices) {

    /** Lowest fader value, in dB, that is still above -inf on {@link Taper#FADER}. */
    public static final double FADER_FLOOR_DB = -60.0;

    /** Validates the spec. */
    public ParamSpec {
        choices = List.copyOf(choices);
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(id + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
        if (taper == Taper.LOG && min <= 0) {
            throw new IllegalArgumentException(id + ": log taper needs min > 0");
        }
        if (taper == Taper.CHOICE && choices.size() != (int) max + 1) {
            throw new IllegalArgumentException(id + ": choice parameter needs " + ((int) max + 1) + " labels");
        }
    }

    /** A continuous parameter with linear taper. */
    public static ParamSpec linear(String id, String name, String unit, double min, double max, double def) {
        return new ParamSpec(id, name, unit, min, max, def, Taper.LINEAR, List.of());
    }

    /** A continuous parameter with log taper (frequencies, times, ratios). */
    public static ParamSpec log(String id, String name, String unit, double min, double max, double def) {
        return new ParamSpec(id, name, unit, min, max, def, Taper.LOG, List.of());
    }

    /** A fader level in dB; {@code min} should be {@link Double#NEGATIVE_INFINITY} or a finite floor. */
    public static ParamSpec fader(String id, String name, double min, double max, double def) {
        return new ParamSpec(id, name, "dB", min, max, def, Taper.FADER, List.of());
    }

    /** A choice; the value is the index into {@code labels}. */
    public static ParamSpec choice(String id, String name, int def, String... labels) {
        return new ParamSpec(id, name, "", 0, labels.length - 1, def, Taper.CHOICE, List.of(labels));
    }

    /** An on/off switch. */
    public static ParamSpec toggle(String id, String name, boolean def) {
        return new ParamSpec(id, name, "", 0, 1, def ? 1 : 0, Taper.TOGGLE, List.of());
    }

    /** True for parameters that move continuously and so must be smoothed. */
    public boolean continuous() {
        return taper == Taper.LINEAR || taper == Taper.LOG || taper == Taper.FADER;
    }

    /** Clamps into range; NaN becomes the default; choices and toggles are rounded to whole numbers. */
    public double clamp(double value) {
        if (Double.isNaN(value)) {
            return defaultValue;
        }
        double v = Math.max(min, Math.min(max, value));
        if (taper == Taper.CHOICE || taper == Taper.TOGGLE) {
            v = Math.rint(v);
        }
        return v;
    }

    /** True when {@code value} lies within range (NaN never does). */
    public boolean inRange(double value) {
        return value >= min && value <= max;
    }

    /** Maps a value to control travel 0..1 under this taper. */
    public double toNormalized(double value) {
        double v = clamp(value);
        switch (taper) {
            case LOG:
                return Math.log(v / min) / Math.log(max / min);
            case FADER: {
                if (v <= FADER_FLOOR_DB) {
                    return 0;
                }
                double top = max;
                // 0 dB at 0.75, linear in dB above, a gentle curve below (in the spirit of console faders)
                if (v >= 0) {
                    return top <= 0 ? 0.75 : 0.75 + 0.25 * v / top;
                }
                double x = (v - FADER_FLOOR_DB) / -FADER_FLOOR_DB; // 0..1 over -60..0
                return 0.75 * Math.pow(x, 1.6);
            }
            default:
                return max == min ? 0 : (v - min) / (max - min);
        }
    }

    /** Maps control travel 0..1 back to a value under this taper. */
    public double fromNormalized(double t) {
        double x = Math.max(0, Math.min(1, t));
        switch (taper) {
            case LOG:
                return clamp(min * Math.pow(max / min, x));
            case FADER: {
                if (x <= 0) {
                    return clamp(min);
                }
                if (x >= 0.75) {
                    return clamp(max <= 0 ? 0 : (x - 0.75) / 0.25 * max);
                }
                double lin = Math.pow(x / 0.75, 1 / 1.6);
                return clamp(FADER_FLOOR_DB + lin * -FADER_FLOOR_DB);
            }
            default:
                return clamp(min + x * (max - min));
        }
    }

    /** Formats a value with its unit for tooltips and labels, e.g. "-12.0 dB", "1.20 kHz", "Tape". */
    public String format(double value) {
        if (taper == Taper.CHOICE) {
            int i = (int) clamp(value);
            return choices.get(i);
        }
        if (taper == Taper.TOGGLE) {
            return value >= 0.5 ? "On" : "Off";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-inf " + unit;
        }
        if ("Hz".equals(unit) && Math.abs(value) >= 1000) {
            return String.format(java.util.Locale.ROOT, "%.2f kHz", value / 1000);
        }
        double a = Math.abs(value);
        String num = a >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", value)
                : a >= 10 ? String.format(java.util.Locale.ROOT, "%.1f", value)
                : String.format(java.util.Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? num : num + " " + unit;
    }
}
