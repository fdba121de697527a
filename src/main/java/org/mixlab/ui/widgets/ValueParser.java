package org.mixlab.ui.widgets;

import java.util.Locale;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Taper;

/** Turns what a student types ("-6", "-6 dB", "1.2k", "2.5 kHz", "-inf", "L 30", "Tube", "on") into a value. */
public final class ValueParser {
    private ValueParser() {}

    /**
     * Parses {@code text} for {@code spec} and clamps it into range.
     *
     * @throws IllegalArgumentException with a one-line message when the text is not a value
     */
    public static double parse(ParamSpec spec, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException(spec.name() + ": type a value");
        }
        if (spec.taper() == Taper.CHOICE) {
            for (int i = 0; i < spec.choices().size(); i++) {
                if (spec.choices().get(i).toLowerCase(Locale.ROOT).equals(t)) {
                    return i;
                }
            }
        }
        if (spec.taper() == Taper.TOGGLE) {
            if (t.equals("on") || t.equals("yes") || t.equals("true")) {
                return 1;
            }
            if (t.equals("off") || t.equals("no") || t.equals("false")) {
                return 0;
            }
        }
        if (t.equals("-inf") || t.equals("-∞") || t.equals("off") && spec.taper() == Taper.FADER) {
            return spec.min();
        }
        if ("pan".equals(spec.id())) {
            if (t.equals("c") || t.equals("center") || t.equals("centre")) {
                return 0;
            }
            if (t.startsWith("l")) {
                return spec.clamp(-number(spec, t.substring(1)));
            }
            if (t.startsWith("r")) {
                return spec.clamp(number(spec, t.substring(1)));
            }
        }
        double mult = 1;
        String num = t;
        for (String unit : new String[] {"khz", "hz", "dbtp", "db", "ms", "%", ":1", "s", "lu"}) {
            if (num.endsWith(unit)) {
                if (unit.equals("khz")) {
                    mult = 1000;
                }
                num = num.substring(0, num.length() - unit.length()).trim();
                break;
            }
        }
        if (num.endsWith("k")) {
            mult = 1000;
            num = num.substring(0, num.length() - 1).trim();
        }
        double v = number(spec, num) * mult;
        if (spec.taper() == Taper.CHOICE && (v != Math.rint(v) || v < spec.min() || v > spec.max())) {
            throw new IllegalArgumentException(spec.name() + ": choose one of " + String.join(", ", spec.choices()));
        }
        return spec.clamp(v);
    }

    private static double number(ParamSpec spec, String s) {
        try {
            double v = Double.parseDouble(s.trim().replace(',', '.'));
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(spec.name() + ": \"" + s.trim() + "\" is not a number");
        }
    }
}
