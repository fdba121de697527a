package org.mixlab.scoring;

import java.util.ArrayList;
import java.util.List;
import org.mixlab.engine.session.Session;

/** The per-criterion arithmetic and the plain-words feedback of {@link Scorer}. */
final class Grading {
    private Grading() {}

    // ------------------------------------------------------------------ settings

    static CriterionResult setting(Criterion c, Session sub, Session ref) {
        SettingSelector sel = c.selector();
        Session names = sub;
        String label = c.label() != null ? c.label() : sel.settingWords() + " on " + sel.stripWords(names);
        if (c.kind() == Criterion.Kind.RELATIVE_SETTING) {
            return relative(c, sub, ref, label);
        }
        Scale scale = c.scale();
        SettingSelector.Value mv = sel.resolve(sub);
        double m = mv.missing() && c.whenMissing() != null ? c.whenMissing() : mv.value();
        boolean mMissing = mv.missing() && c.whenMissing() == null;
        String strip = sel.stripWords(names);
        String what = sel.settingWords();
        boolean goalIsRef = c.target() == null && c.min() == null && c.max() == null;
        boolean limit = c.min() != null || c.max() != null;
        String refWord = goalIsRef ? "the reference" : limit ? "the limit" : "the target";
        double r;
        boolean rMissing = false;
        if (goalIsRef) {
            SettingSelector.Value rv = sel.resolve(ref);
            r = rv.missing() && c.whenMissing() != null ? c.whenMissing() : rv.value();
            rMissing = rv.missing() && c.whenMissing() == null;
        } else if (c.target() != null) {
            r = c.target();
        } else {
            r = Double.isNaN(m) ? (c.max() != null ? c.max() : c.min())
                    : (c.max() != null && m > c.max()) ? c.max() : (c.min() != null && m < c.min()) ? c.min() : m;
        }
        String unit = sel.valueUnit();
        if (mMissing && rMissing) {
            return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), Double.NaN, Double.NaN, 0, unit, 100,
                    "Right: like the reference, " + strip + " has no " + what + " in use.");
        }
        if (mMissing && limit) {
            String range = c.max() != null && c.min() != null ? "between " + sel.format(c.min()) + " and "
                    + sel.format(c.max()) : c.max() != null ? "at or below " + sel.format(c.max())
                    : "at or above " + sel.format(c.min());
            return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), Double.NaN, r, Double.NaN, unit, 0,
                    "The exercise asks for the " + what + " on " + strip + " " + range + ", but on yours "
                            + mv.missingReason() + ": add it and set it " + range + ".");
        }
        if (mMissing) {
            String reason = mv.missingReason();
            String fix = reason.contains("bypassed") ? "switch it back on" : reason.startsWith("there is no")
                    ? "add it" : "switch it on";
            boolean choice = scale == Scale.CHOICE;
            return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), Double.NaN, r, Double.NaN, unit, 0,
                    Feedback.cap(refWord) + (choice ? " has the " + what + " on " + strip + " set to " + sel.format(r)
                            : " uses the " + what + " on " + strip + " at about " + sel.format(r))
                            + ", but on yours " + reason + ": " + fix + (choice ? " and set it to " : " and set about ")
                            + sel.format(r) + ".");
        }
        if (rMissing) {
            return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), m, Double.NaN, Double.NaN, unit, 0,
                    "The reference has no " + what + " in use on " + strip + "; yours is at " + sel.format(m)
                            + ": switch it off or bypass it.");
        }
        double d = scale.difference(m, r);
        double pts = c.points(d);
        String fb;
        if (mv.missing() && pts < 100) {
            boolean up = d < 0;
            fb = "On " + strip + " " + mv.missingReason() + ", which counts as " + sel.format(m) + " for the " + what
                    + "; " + refWord + " uses about " + sel.format(r) + ": " + (sel.isBand() ? "switch a band on there"
                    : "switch it on") + " and " + (up ? "raise" : "lower")
                    + " it by about " + (scale == Scale.OCTAVE ? octaves(d) : Feedback.about(d) + " "
                    + scale.unit()).trim() + ".";
        } else if (pts >= 100) {
            fb = "Good: the " + what + " on " + strip + " (" + sel.format(m) + ") " + (limit ? "is within the limit"
                    : "matches " + refWord + (goalIsRef ? " (" + sel.format(r) + ")" : " of " + sel.format(r))) + ".";
        } else if (limit) {
            fb = "The " + what + " on " + strip + " is at " + sel.format(m) + ", " + (d > 0 ? "above" : "below")
                    + " the limit of " + sel.format(r) + ": " + (d > 0 ? "lower" : "raise") + " it by about "
                    + (scale == Scale.OCTAVE ? octaves(d) : Feedback.about(d) + " " + scale.unit()).trim() + ".";
        } else {
            fb = advice(sel, scale, strip, what, m, r, d, refWord);
        }
        return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), m, r, d, unit, pts, fb);
    }

    private static String advice(SettingSelector sel, Scale scale, String strip, String what, double m, double r,
                                 double d, String refWord) {
        boolean up = d < 0; // the submission is below: raise it
        String head = "The " + what + " on " + strip + " is at " + sel.format(m) + "; " + refWord + " uses about "
                + sel.format(r);
        switch (scale) {
            case DB:
                if (sel.isFader()) {
                    return Feedback.cap(strip) + " fader is " + Feedback.num(Math.abs(d)) + " dB "
                            + (up ? "below " : "above ") + refWord + " (" + sel.format(m) + " against about "
                            + sel.format(r) + "): " + (up ? "push it up" : "pull it down") + " about "
                            + Feedback.about(d) + " dB.";
                }
                return head + ": " + (up ? "raise" : "lower") + " it by about " + Feedback.about(d) + " dB.";
            case OCTAVE:
                return "Your " + what + " on " + strip + " is at " + sel.format(m) + "; " + refWord + " uses about "
                        + sel.format(r) + ": " + (up ? "raise" : "lower") + " it by about " + octaves(d) + ".";
            case LOG2: {
                double times = Math.pow(2, Math.abs(d));
                boolean time = sel.paramId().endsWith("Ms") || sel.paramId().endsWith("S");
                String how = time ? (up ? "lengthen" : "shorten") : (up ? "raise" : "lower");
                String rel = time ? (up ? "longer" : "shorter") : (up ? "higher" : "lower");
                return head + ": " + how + " it to about " + sel.format(r) + " (" + Feedback.num(times) + " times "
                        + rel + ").";
            }
            case PERCENT:
                if (sel.isPan()) {
                    return "You have " + strip + " panned " + Feedback.pan(m) + "; " + refWord
                            + " places it at about " + Feedback.pan(r) + ": move it about " + Feedback.about(d)
                            + " % to the " + (up ? "right" : "left") + ".";
                }
                return head + ": " + (up ? "raise" : "lower") + " it by about " + Feedback.about(d) + " %.";
            case CHOICE:
                return head + ": switch it to " + sel.format(r) + ".";
            default:
                return head + ": " + (up ? "raise" : "lower") + " it by about " + Feedback.num(Math.abs(d)) + ".";
        }
    }

    private static String octaves(double d) {
        double a = Math.abs(d);
        if (a < 0.75) {
            double third = Math.max(1, Math.rint(a * 3));
            return third == 3 ? "1 octave" : Feedback.num(third) + "/3 octave";
        }
        String n = Feedback.about(a);
        return n + (n.equals("1") ? " octave" : " octaves");
    }

    private static CriterionResult relative(Criterion c, Session sub, Session ref, String label0) {
        SettingSelector a = c.selector();
        SettingSelector b = c.minus();
        Scale scale = c.scale();
        String label = c.label() != null ? c.label() : a.settingWords() + " on " + a.stripWords(sub) + " against "
                + b.stripWords(sub);
        SettingSelector.Value am = a.resolve(sub);
        SettingSelector.Value bm = b.resolve(sub);
        String unit = scale == Scale.OCTAVE ? "octaves" : scale == Scale.LOG2 ? "doublings" : a.valueUnit();
        if (am.missing() || bm.missing()) {
            SettingSelector.Value miss = am.missing() ? am : bm;
            SettingSelector which = am.missing() ? a : b;
            return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), Double.NaN, Double.NaN, Double.NaN,
                    unit, 0, "The " + which.settingWords() + " on " + which.stripWords(sub) + " is not in use ("
                            + miss.missingReason() + "), so the balance against the reference cannot be judged.");
        }
        double ds = scale.difference(am.value(), bm.value());
        double dr = c.target() != null ? c.target() : scale.difference(a.resolve(ref).value(), b.resolve(ref).value());
        double d = ds - dr;
        double pts = c.points(d);
        String sa = a.stripWords(sub);
        String sb = b.stripWords(sub);
        String refWord = c.target() != null ? "the target" : "the reference";
        String fb;
        if (pts >= 100) {
            fb = "Good: " + sa + " against " + sb + " is within " + Feedback.num(c.tolerance()) + " "
                    + Scale.DB.unit() + " of " + refWord + " balance.";
            if (scale != Scale.DB) {
                fb = "Good: the " + a.settingWords() + " on " + sa + " against " + sb + " matches " + refWord + ".";
            }
        } else if (scale == Scale.DB && a.isFader() && b.isFader()) {
            boolean above = d > 0;
            fb = Feedback.cap(sa) + " sits " + Feedback.num(Math.abs(d)) + " dB " + (above ? "above" : "below") + " "
                    + refWord + " balance against " + sb + ": " + (above ? "pull its fader down" : "push its fader up")
                    + " about " + Feedback.about(d) + " dB.";
        } else if (scale == Scale.PERCENT && a.isPan() && b.isPan()) {
            fb = "The pan of " + sa + " against " + sb + " is " + Feedback.num(Math.abs(d)) + " % further "
                    + (d > 0 ? "right" : "left") + " than in " + refWord + ": move " + sa + " about "
                    + Feedback.about(d) + " % to the " + (d > 0 ? "left" : "right") + ".";
        } else {
            String amount = scale == Scale.OCTAVE ? octaves(d) : Feedback.about(d) + " " + scale.unit();
            fb = "The " + a.settingWords() + " on " + sa + " relative to " + sb + " is " + (d > 0 ? "higher" : "lower")
                    + " than in " + refWord + ": " + (d > 0 ? "lower" : "raise") + " it by about " + amount.trim()
                    + ".";
        }
        return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), ds, dr, d, unit, pts, fb);
    }

    // ------------------------------------------------------------------ audio

    static CriterionResult audio(Criterion c, Session sub, ReferenceProfile s, ReferenceProfile r) {
        switch (c.kind()) {
            case STEM_BALANCE:
                return stemBalance(c, sub, s, r);
            case TONAL_BALANCE:
                return tonal(c, s, r);
            default:
                return scalar(c, s, r);
        }
    }

    private static double value(Criterion c, ReferenceProfile p) {
        switch (c.kind()) {
            case INTEGRATED_LOUDNESS:
                return p.integratedLufs;
            case TRUE_PEAK:
                return p.truePeakDbtp;
            case LOUDNESS_RANGE:
                return p.loudnessRangeLu;
            case CREST_FACTOR:
                return p.crestDb;
            default:
                return "correlation".equals(c.metric()) ? p.correlation : p.sideMidDb(c.minHz(), c.maxHz());
        }
    }

    private static CriterionResult scalar(Criterion c, ReferenceProfile s, ReferenceProfile r) {
        double m = value(c, s);
        boolean limit = c.min() != null || c.max() != null;
        double goal;
        double d;
        String refWord;
        if (limit) {
            if (c.max() != null && !(m <= c.max())) {
                goal = c.max();
                d = m - goal;
            } else if (c.min() != null && !(m >= c.min())) {
                goal = c.min();
                d = m - goal;
            } else {
                goal = c.max() != null ? c.max() : c.min();
                d = 0;
            }
            refWord = "the limit";
        } else if (c.target() != null) {
            goal = c.target();
            d = m - goal;
            refWord = "the target";
        } else {
            goal = value(c, r);
            d = m - goal;
            refWord = "the reference";
        }
        if (!Double.isFinite(m)) {
            d = Double.POSITIVE_INFINITY;
        }
        double pts = c.points(d);
        String unit = c.unit();
        String fb = scalarFeedback(c, m, goal, d, pts >= 100, limit, refWord);
        String label = c.label() != null ? c.label() : c.kind().json().replace('-', ' ');
        return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), m, goal, d, unit, pts, fb);
    }

    private static String fmt(Criterion c, double v) {
        if (!Double.isFinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if ("correlation".equals(c.metric())) {
            return Feedback.num2(v);
        }
        String u = c.unit();
        return (c.kind() == Criterion.Kind.TRUE_PEAK && v > 0 ? "+" : "") + Feedback.num(v)
                + (u.isEmpty() ? "" : " " + u);
    }

    private static String scalarFeedback(Criterion c, double m, double goal, double d, boolean ok, boolean limit,
                                         String refWord) {
        String mv = fmt(c, m);
        String gv = fmt(c, goal);
        boolean high = d > 0;
        String amount = Feedback.about(d);
        switch (c.kind()) {
            case INTEGRATED_LOUDNESS:
                if (ok) {
                    return "Good: your master measures " + mv + ", on " + refWord + " (" + gv + ").";
                }
                return "Your master measures " + mv + "; " + refWord + " is " + gv + ": " + (high
                        ? "lower the level into the limiter (or the master gain) by about "
                        : "raise the level into the limiter (or the master gain) by about ") + amount + " dB.";
            case TRUE_PEAK:
                if (ok) {
                    return "Good: the true peak (" + mv + ") stays at or below " + gv + ".";
                }
                return "Your true peak is " + mv + ", above the " + gv + " limit: lower the limiter ceiling (or the "
                        + "level into it) by about " + amount + " dB and keep the limiter's true-peak mode on.";
            case LOUDNESS_RANGE:
                if (ok) {
                    return "Good: the loudness range (" + mv + ") matches " + refWord + " (" + gv + ").";
                }
                return "Your loudness range is " + mv + "; " + refWord + " has about " + gv + ": " + (high
                        ? "compress a little more (lower threshold or higher ratio) to even out the loud and quiet parts."
                        : "compress less (higher threshold, lower ratio or less limiting) so the song keeps its"
                                + " dynamics.");
            case CREST_FACTOR:
                if (ok) {
                    return "Good: the crest factor (" + mv + ") matches " + refWord + " (" + gv + ").";
                }
                return "Your crest factor is " + mv + " against about " + gv + " in " + refWord + ": " + (high
                        ? "the peaks stand out more than they should; compress or limit about " + amount
                                + " dB more."
                        : "your master is squashed; ease off the compression or limiting by about " + amount
                                + " dB.");
            default: {
                boolean corr = "correlation".equals(c.metric());
                boolean wider = corr ? d < 0 : d > 0;
                String band = c.minHz() > 31.5 || c.maxHz() < 16_000
                        ? " between " + Feedback.hz(c.minHz()) + " and " + Feedback.hz(c.maxHz()) : "";
                String what = corr ? "stereo correlation" : "side-to-mid level" + band;
                if (ok) {
                    return "Good: the " + what + " (" + mv + ") matches " + refWord + " (" + gv + ").";
                }
                String how;
                if (!corr && c.maxHz() <= 300 && wider) {
                    how = "make the low end mono (mid/side mono below about " + Feedback.hz(c.maxHz())
                            + ", or centre the bass and kick).";
                } else if (wider) {
                    how = "your mix is wider than " + refWord + "; narrow it (less width, or pan less hard).";
                } else {
                    how = "your mix is narrower than " + refWord + "; widen it (pan the stereo parts further out, "
                            + "or raise the width).";
                }
                return "Your " + what + " is " + mv + " against " + gv + " in " + refWord + ": " + how;
            }
        }
    }

    private static CriterionResult stemBalance(Criterion c, Session sub, ReferenceProfile s, ReferenceProfile r) {
        List<String> ids = c.stems();
        int n = ids.size();
        double[] sv = new double[n];
        double[] rv = new double[n];
        double sm = 0;
        double rm = 0;
        for (int i = 0; i < n; i++) {
            Double a = s.stem(ids.get(i));
            Double b = r.stem(ids.get(i));
            sv[i] = a == null || !Double.isFinite(a) ? Scorer.SILENT_LUFS : a;
            rv[i] = b == null || !Double.isFinite(b) ? Scorer.SILENT_LUFS : b;
            sm += sv[i];
            rm += rv[i];
        }
        sm /= n;
        rm /= n;
        double[] e = new double[n];
        int worst = 0;
        for (int i = 0; i < n; i++) {
            e[i] = ((sv[i] - sm) - (rv[i] - rm)) * n / (n - 1.0); // against the mean of the others
            if (Math.abs(e[i]) > Math.abs(e[worst]) + 1e-9) {
                worst = i;
            }
        }
        double dev = Math.abs(e[worst]);
        double pts = c.points(dev);
        String label = c.label() != null ? c.label() : "balance of " + String.join(", ", ids);
        String fb;
        if (pts >= 100) {
            fb = "Good: the balance of " + String.join(", ", names(sub, ids)) + " is within "
                    + Feedback.num(c.tolerance()) + " dB of the reference.";
        } else {
            List<String> parts = new ArrayList<>();
            String against = n == 2 ? names(sub, ids).get(1 - worst) : "the rest of the mix";
            parts.add(stemSentence(names(sub, ids).get(worst), e[worst], against, true));
            if (n > 2) {
                int second = -1;
                for (int i = 0; i < n; i++) {
                    if (i != worst && Math.abs(e[i]) > c.tolerance()
                            && (second < 0 || Math.abs(e[i]) > Math.abs(e[second]))) {
                        second = i;
                    }
                }
                if (second >= 0) {
                    parts.add(stemSentence(names(sub, ids).get(second), e[second], against, false));
                }
            }
            fb = String.join("; ", parts) + ".";
        }
        return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), e[worst], 0,
                dev, "dB", pts, fb);
    }

    private static String stemSentence(String name, double e, String against, boolean first) {
        boolean above = e > 0;
        String s = name + " sits " + Feedback.num(Math.abs(e)) + " dB " + (above ? "above" : "below")
                + " the reference balance against " + against + ": " + (above ? "pull its fader down" : "push its "
                + "fader up") + " about " + Feedback.about(e) + " dB";
        return first ? Feedback.cap(s) : s;
    }

    private static List<String> names(Session s, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add(SettingSelector.parse("track:" + id + "/gainDb").stripWords(s));
        }
        return out;
    }

    private static final double[][] REGIONS = {{20, 200}, {250, 1000}, {1250, 5000}, {6300, 20_000}};
    private static final String[] REGION_WORDS = {"in the lows below 250 Hz", "in the low mids from 250 Hz to 1 kHz",
        "in the upper mids from 1 to 5 kHz", "in the highs above 6 kHz"};

    private static CriterionResult tonal(Criterion c, ReferenceProfile s, ReferenceProfile r) {
        List<Integer> idx = new ArrayList<>();
        List<Integer> idx2 = new ArrayList<>();
        double[] a = s.normalisedBands(r, c.minHz(), c.maxHz(), idx);
        double[] b = r.normalisedBands(s, c.minHz(), c.maxHz(), idx2);
        double[] centres = ReferenceProfile.bandCentresHz();
        double mad = 0;
        double[] regionSum = new double[REGIONS.length];
        int[] regionN = new int[REGIONS.length];
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            mad += Math.abs(d);
            double f = centres[idx.get(i)];
            for (int k = 0; k < REGIONS.length; k++) {
                if (f >= REGIONS[k][0] && f <= REGIONS[k][1]) {
                    regionSum[k] += d;
                    regionN[k]++;
                }
            }
        }
        mad = a.length == 0 ? Double.POSITIVE_INFINITY : mad / a.length;
        double pts = c.points(mad);
        String label = c.label() != null ? c.label() : "tonal balance";
        String fb;
        if (pts >= 100) {
            fb = "Good: the tonal balance is within " + Feedback.num(c.tolerance()) + " dB of the reference on average"
                    + " (" + Feedback.num(mad) + " dB).";
        } else {
            int k1 = -1;
            int k2 = -1;
            double[] mean = new double[REGIONS.length];
            for (int k = 0; k < REGIONS.length; k++) {
                mean[k] = regionN[k] == 0 ? 0 : regionSum[k] / regionN[k];
                if (k1 < 0 || Math.abs(mean[k]) > Math.abs(mean[k1])) {
                    k2 = k1;
                    k1 = k;
                } else if (k2 < 0 || Math.abs(mean[k]) > Math.abs(mean[k2])) {
                    k2 = k;
                }
            }
            StringBuilder sb = new StringBuilder("Your tonal balance is " + Feedback.num(mad)
                    + " dB from the reference on average: " + region(mean[k1], k1));
            if (k2 >= 0 && Math.abs(mean[k2]) > 1 && Math.signum(mean[k2]) != Math.signum(mean[k1])) {
                sb.append(", and ").append(region(mean[k2], k2));
            }
            fb = sb.append('.').toString();
        }
        return new CriterionResult(c.id(), c.kind().json(), label, c.weight(), mad, 0, mad, "dB", pts, fb);
    }

    private static String region(double mean, int k) {
        return (mean > 0 ? "about " + Feedback.about(mean) + " dB too much " : "about " + Feedback.about(mean)
                + " dB too little ") + REGION_WORDS[k] + " (" + (mean > 0 ? "cut" : "boost") + " there)";
    }
}
