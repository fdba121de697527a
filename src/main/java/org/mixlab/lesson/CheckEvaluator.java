package org.mixlab.lesson;

import java.util.Locale;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.Session;

/**
 * Evaluates checks against a session (setting, relative, exists, eqBand: pure and fast, fine to run on every
 * change) and, for audio checks, against {@link AudioMeasurements}. Never throws: a bad check gives ERROR.
 */
public final class CheckEvaluator {

    private CheckEvaluator() {
    }

    /** Evaluates a non-audio check; an audio check gives NOT_MEASURED. */
    public static CheckResult evaluate(Check check, Session session) {
        return evaluate(check, session, null);
    }

    /**
     * Evaluates any check.
     *
     * @param measurements source for audio checks, or null when no render is available yet
     */
    public static CheckResult evaluate(Check check, Session session, AudioMeasurements measurements) {
        try {
            CheckResult r = switch (check.kind()) {
                case SETTING -> setting(check, session);
                case RELATIVE -> relative(check, session);
                case EXISTS -> exists(check, session);
                case EQ_BAND -> eqBand(check, session);
                case AUDIO -> audio(check, measurements);
            };
            if (!r.passed() && check.hint() != null && !check.hint().isBlank()) {
                return new CheckResult(r.status(), r.value(), r.message() + " Hint: " + check.hint().trim());
            }
            return r;
        } catch (RuntimeException e) {
            return new CheckResult(CheckResult.Status.ERROR, Double.NaN,
                    "This check could not be evaluated (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static CheckResult setting(Check c, Session s) {
        Selector.Parsed p = Selector.parse(c.selector(), Boolean.TRUE);
        if (!p.ok()) {
            return error(p.problem());
        }
        Selector sel = p.selector();
        Resolution r = SelectorResolver.resolve(s, sel);
        if (r.status() == Resolution.Status.MISSING) {
            return new CheckResult(CheckResult.Status.MISSING, Double.NaN, capital(r.reason()) + ".");
        }
        if (r.status() == Resolution.Status.INACTIVE) {
            return new CheckResult(CheckResult.Status.INACTIVE, r.value(),
                    capital(r.reason()) + ": switch it on so that " + sel.label() + " takes effect.");
        }
        if (r.status() == Resolution.Status.INVALID) {
            return error(r.reason());
        }
        double v = r.value();
        String unit = sel.unit();
        String shown = capital(sel.label()) + " is " + fmt(v, unit);
        if (c.compare(v)) {
            return pass(v, shown + ". Well done.");
        }
        return fail(v, shown + ": " + advice(c, v, unit, "it") + ".");
    }

    private static CheckResult relative(Check c, Session s) {
        Selector.Parsed pa = Selector.parse(c.a(), Boolean.TRUE);
        Selector.Parsed pb = Selector.parse(c.b(), Boolean.TRUE);
        if (!pa.ok()) {
            return error(pa.problem());
        }
        if (!pb.ok()) {
            return error(pb.problem());
        }
        Resolution ra = SelectorResolver.resolve(s, pa.selector());
        Resolution rb = SelectorResolver.resolve(s, pb.selector());
        for (Resolution r : new Resolution[] {ra, rb}) {
            if (r.status() == Resolution.Status.MISSING) {
                return new CheckResult(CheckResult.Status.MISSING, Double.NaN, capital(r.reason()) + ".");
            }
            if (r.status() == Resolution.Status.INACTIVE) {
                return new CheckResult(CheckResult.Status.INACTIVE, Double.NaN, capital(r.reason()) + ".");
            }
            if (r.status() == Resolution.Status.INVALID) {
                return error(r.reason());
            }
        }
        double d = ra.value() - rb.value();
        Selector a = pa.selector();
        Selector b = pb.selector();
        String unit = a.unit();
        boolean faders = "gainDb".equals(a.field()) && "gainDb".equals(b.field());
        String diff;
        if (faders) {
            double ad = Math.abs(d);
            diff = ad < 0.05 ? capital(a.stripLabel()) + " fader is level with " + b.stripLabel()
                    : capital(a.stripLabel()) + " is " + num(ad, "dB") + " dB " + (d < 0 ? "below " : "above ")
                    + b.stripLabel();
        } else {
            diff = capital(a.label()) + " minus " + b.label() + " is " + fmt(d, unit);
        }
        if (c.compare(d)) {
            return pass(d, diff + ". Well done.");
        }
        String what = faders ? "its fader" : a.label();
        return fail(d, diff + ": " + advice(c, d, unit, what) + ".");
    }

    private static CheckResult exists(Check c, Session s) {
        Selector.Parsed p = Selector.parse(c.selector(), Boolean.FALSE);
        if (!p.ok()) {
            return error(p.problem());
        }
        Selector sel = p.selector();
        if (SelectorResolver.strip(s, sel) == null) {
            return new CheckResult(CheckResult.Status.MISSING, Double.NaN,
                    "There is no " + sel.stripKind().name().toLowerCase(Locale.ROOT) + " '" + sel.stripRef()
                            + "' in this session.");
        }
        InsertModel ins = SelectorResolver.findInsert(s, sel);
        boolean active = ins != null && !ins.bypass;
        String what = "a " + sel.insertType() + " on " + sel.stripLabel();
        if (c.present()) {
            if (active) {
                return pass(1, "There is " + what + ". Well done.");
            }
            if (ins != null) {
                return new CheckResult(CheckResult.Status.INACTIVE, 0,
                        capital(what) + " is there but bypassed: switch the bypass off.");
            }
            return fail(0, "Add " + what + ".");
        }
        if (!active) {
            return pass(0, "There is no active " + sel.insertType() + " on " + sel.stripLabel() + ". Well done.");
        }
        return fail(1, "Remove or bypass the " + sel.insertType() + " on " + sel.stripLabel() + ".");
    }

    private static CheckResult eqBand(Check c, Session s) {
        Selector.Parsed p = Selector.parse(c.selector(), Boolean.FALSE);
        if (!p.ok()) {
            return error(p.problem());
        }
        Selector sel = p.selector();
        if (!"eq".equals(sel.insertType())) {
            return error("an eqBand check needs an eq insert selector");
        }
        InsertModel ins = SelectorResolver.findInsert(s, sel);
        if (ins == null) {
            return new CheckResult(CheckResult.Status.MISSING, Double.NaN,
                    capital(SelectorResolver.missingInsertReason(sel)) + ": add an EQ first.");
        }
        String window = num(c.minHz()) + " and " + num(c.maxHz()) + " Hz";
        if (ins.bypass) {
            return new CheckResult(CheckResult.Status.INACTIVE, Double.NaN,
                    "The EQ on " + sel.stripLabel() + " is bypassed: switch the bypass off.");
        }
        int nearBand = 0;
        double nearGain = Double.NaN;
        double nearFreq = Double.NaN;
        boolean offBandInWindow = false;
        for (int b = 1; b <= 4; b++) {
            double on = SelectorResolver.paramValue(ins, "b" + b + "On");
            double f = SelectorResolver.paramValue(ins, "b" + b + "FreqHz");
            double g = SelectorResolver.paramValue(ins, "b" + b + "GainDb");
            if (!(f >= c.minHz() && f <= c.maxHz())) {
                continue;
            }
            if (Math.round(on) != 1) {
                offBandInWindow = true;
                continue;
            }
            if (c.compare(g)) {
                return pass(g, "Band " + b + " is at " + num(f) + " Hz with " + fmt(g, "dB") + ". Well done.");
            }
            if (nearBand == 0) {
                nearBand = b;
                nearGain = g;
                nearFreq = f;
            }
        }
        if (nearBand > 0) {
            return fail(nearGain, "Band " + nearBand + " of the EQ on " + sel.stripLabel() + " is at "
                    + num(nearFreq) + " Hz with " + fmt(nearGain, "dB") + ": "
                    + advice(c, nearGain, "dB", "its gain") + ".");
        }
        if (offBandInWindow) {
            return new CheckResult(CheckResult.Status.INACTIVE, Double.NaN, "A band of the EQ on "
                    + sel.stripLabel() + " is set between " + window + " but switched off: switch it on.");
        }
        return fail(Double.NaN, "Switch on one of the four bands of the EQ on " + sel.stripLabel()
                + " and set its frequency between " + window + ".");
    }

    private static CheckResult audio(Check c, AudioMeasurements m) {
        if (m == null) {
            return new CheckResult(CheckResult.Status.NOT_MEASURED, Double.NaN,
                    "Play the song to measure " + measureLabel(c.measure()) + ".");
        }
        double v = m.measure(c.measure(), c.target(), c.other());
        if (Double.isNaN(v)) {
            return new CheckResult(CheckResult.Status.NOT_MEASURED, Double.NaN,
                    "Play the song to measure " + measureLabel(c.measure()) + ".");
        }
        String unit = measureUnit(c.measure());
        String shown = capital(measureLabel(c.measure())) + " " + targetLabel(c) + " is " + fmt(v, unit);
        if (c.compare(v)) {
            return pass(v, shown + ". Well done.");
        }
        return fail(v, shown + ": " + advice(c, v, unit, "it") + ".");
    }

    private static String targetLabel(Check c) {
        if (c.target() == null || c.target().equals("master")) {
            return "of the mix";
        }
        Selector.Parsed p = Selector.parse(c.target() + (c.target().contains("/") ? "" : "/gainDb"), null);
        String t = p.ok() ? p.selector().stripLabel() : c.target();
        if (c.other() != null) {
            Selector.Parsed o = Selector.parse(c.other() + "/gainDb", null);
            return "of " + t + " relative to " + (o.ok() ? o.selector().stripLabel() : c.other());
        }
        return "of " + t;
    }

    /** The measure's learner-facing name. */
    static String measureLabel(String measure) {
        if (measure == null) {
            return "the audio";
        }
        return switch (measure) {
            case "integratedLufs" -> "the integrated loudness";
            case "shortTermLufsMax" -> "the loudest short-term loudness";
            case "loudnessRangeLu" -> "the loudness range";
            case "truePeakDbtp" -> "the true peak";
            case "samplePeakDbfs" -> "the sample peak";
            case "stemLevelDiff" -> "the level";
            case "gainReductionDb" -> "the gain reduction";
            case "correlation" -> "the stereo correlation";
            case "lowCorrelation" -> "the low-end correlation";
            default -> measure;
        };
    }

    /** The measure's unit. */
    static String measureUnit(String measure) {
        if (measure == null) {
            return "";
        }
        return switch (measure) {
            case "integratedLufs", "shortTermLufsMax" -> "LUFS";
            case "loudnessRangeLu", "stemLevelDiff" -> "LU";
            case "truePeakDbtp" -> "dBTP";
            case "samplePeakDbfs" -> "dBFS";
            case "gainReductionDb" -> "dB";
            default -> "";
        };
    }

    private static String advice(Check c, double v, String unit, String what) {
        double target;
        switch (c.op()) {
            case BETWEEN:
                target = c.kind() == Check.Kind.RELATIVE ? (c.min() + c.max()) / 2 : v < c.min() ? c.min() : c.max();
                break;
            case EQ:
                target = c.value();
                break;
            case NE:
                return "change " + what + " away from " + fmt(c.value(), unit);
            default:
                target = c.value();
        }
        if (Double.isNaN(v)) {
            return "set " + what + " to " + range(c, unit);
        }
        boolean up = target > v || (target == v && (c.op() == Check.Op.GT));
        double by = Math.abs(target - v);
        String verb = up ? "raise " : "lower ";
        String amount = by >= 0.05 && !unit.isEmpty() ? " about " + num(by, unit) + " " + unit : "";
        return verb + what + amount + " (target: " + range(c, unit) + ")";
    }

    private static String range(Check c, String unit) {
        String u = unit.isEmpty() ? "" : " " + unit;
        return switch (c.op()) {
            case BETWEEN -> num(c.min()) + " to " + num(c.max()) + u;
            case LE -> "at most " + num(c.value()) + u;
            case LT -> "below " + num(c.value()) + u;
            case GE -> "at least " + num(c.value()) + u;
            case GT -> "above " + num(c.value()) + u;
            case EQ -> num(c.value()) + u;
            case NE -> "not " + num(c.value()) + u;
        };
    }

    /** A number with at most one decimal, e.g. 4.0 -> "4", 2.5 -> "2.5". */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) {
            return String.format(Locale.ROOT, "%d", (long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }

    private static String fmt(double v, String unit) {
        return unit.isEmpty() ? num(v) : num(v, unit) + " " + unit;
    }

    /** dB-like units keep one decimal ("4.0 dB"); others drop a zero decimal ("250 Hz"). */
    static String num(double v, String unit) {
        if (!Double.isNaN(v) && (unit.startsWith("dB") || unit.startsWith("LU"))) {
            return String.format(Locale.ROOT, "%.1f", Math.round(v * 10) / 10.0);
        }
        return num(v);
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static CheckResult pass(double v, String msg) {
        return new CheckResult(CheckResult.Status.PASSED, v, msg);
    }

    private static CheckResult fail(double v, String msg) {
        return new CheckResult(CheckResult.Status.FAILED, v, msg);
    }

    private static CheckResult error(String msg) {
        return new CheckResult(CheckResult.Status.ERROR, Double.NaN, "Broken check: " + msg + ".");
    }
}
