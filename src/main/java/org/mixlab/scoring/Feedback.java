package org.mixlab.scoring;

import java.util.Locale;

/** Number wording shared by the scorer's feedback sentences. */
final class Feedback {
    private Feedback() {}

    /** A number with one decimal, or none when whole-ish and large ("-6.5", "160", "4"). */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10 || Math.abs(v - Math.rint(v)) < 0.05) {
            return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Two decimals ("0.25"). */
    static String num2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A frequency: "40 Hz", "160 Hz", "2.5 kHz", "12 kHz". */
    static String hz(double v) {
        if (!Double.isFinite(v)) {
            return "? Hz";
        }
        if (v >= 1000) {
            double k = v / 1000;
            return (k >= 10 ? String.format(Locale.ROOT, "%.0f", k) : String.format(Locale.ROOT, "%.1f", k)
                    .replace(".0", "")) + " kHz";
        }
        return String.format(Locale.ROOT, "%.0f", v) + " Hz";
    }

    /** A pan position: "centre", "30 % left", "100 % right". */
    static String pan(double v) {
        if (Math.abs(v) < 0.5) {
            return "centre";
        }
        return String.format(Locale.ROOT, "%.0f", Math.abs(v)) + " % " + (v < 0 ? "left" : "right");
    }

    /** An amount rounded for advice: "about 3 dB" style; whole numbers above 2, halves below. */
    static String about(double amount) {
        double a = Math.abs(amount);
        if (a >= 2) {
            return String.format(Locale.ROOT, "%.0f", a);
        }
        double h = Math.max(0.5, Math.rint(a * 2) / 2);
        return String.format(Locale.ROOT, "%.1f", h).replace(".0", "");
    }

    /** Capitalises the first letter. */
    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
