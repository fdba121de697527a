package org.mixlab.lesson.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mixlab.engine.session.InsertModel;

/**
 * Makes drill questions from a spec, a level and a seeded {@link Random}: the same seed gives the same questions,
 * so a class can share a drill and results can be reproduced.
 */
public final class DrillGenerator {
    private final DrillSpec spec;
    private final String source;
    private final Map<String, Double> settings;
    private final Random random;

    /**
     * Creates a generator.
     *
     * @param spec     the drill's spec
     * @param source   "pink-noise" or "stem:<role>"
     * @param settings pack settings (see {@link DrillSpec#settings()}); missing ones use defaults
     * @param seed     random seed
     */
    public DrillGenerator(DrillSpec spec, String source, Map<String, Double> settings, long seed) {
        this.spec = spec;
        this.source = source == null || source.isBlank() ? "pink-noise" : source;
        this.settings = settings == null ? Map.of() : Map.copyOf(settings);
        this.random = new Random(seed);
    }

    /** The next question at {@code level} (clamped to the spec's range). */
    public DrillQuestion next(double level) {
        double lv = Math.max(spec.minLevel(), Math.min(spec.maxLevel(), level));
        return switch (spec.type()) {
            case EQ_BAND -> eqBand(lv);
            case COMPRESSION -> twoVersions(lv, compressor(lv), "compressor ratio " + num(lv) + ":1 at "
                    + num(setting("thresholdDb", -30)) + " dB");
            case SATURATION -> twoVersions(lv, saturation(lv), "saturation drive " + num(lv) + " dB");
            case LEVEL -> level(lv);
            case PAN -> pan(lv);
            case REVERB_AMOUNT -> reverb(lv);
        };
    }

    private double setting(String name, double def) {
        Double v = settings.get(name);
        return v == null || v.isNaN() ? def : v;
    }

    private DrillQuestion eqBand(double boostDb) {
        int count = (int) Math.round(setting("bands", DrillSpec.EQ_BAND_CENTRES_HZ.length));
        count = Math.max(2, Math.min(DrillSpec.EQ_BAND_CENTRES_HZ.length, count));
        int first = (DrillSpec.EQ_BAND_CENTRES_HZ.length - count) / 2;
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            choices.add(hz(DrillSpec.EQ_BAND_CENTRES_HZ[first + i]));
        }
        int answer = random.nextInt(count);
        double freq = DrillSpec.EQ_BAND_CENTRES_HZ[first + answer];
        double q = setting("q", 1.4);
        InsertModel eq = insert("eq", Map.of("b1On", 1.0, "b1FreqHz", freq, "b1GainDb", boostDb, "b1Q", q));
        List<DrillQuestion.Version> versions = List.of(
                new DrillQuestion.Version("Flat", List.of(), 0, 0, -100),
                new DrillQuestion.Version("Boosted", List.of(eq), 0, 0, -100));
        return new DrillQuestion(spec.type(), boostDb, source, spec.description(), versions, choices, answer,
                "eq b1 at " + num(freq) + " Hz +" + num(boostDb) + " dB Q " + num(q) + " on " + source);
    }

    private InsertModel compressor(double ratio) {
        return insert("compressor", Map.of("thresholdDb", setting("thresholdDb", -30), "ratio", ratio,
                "attackMs", setting("attackMs", 5), "releaseMs", 120.0, "autoMakeup", 1.0));
    }

    private InsertModel saturation(double driveDb) {
        return insert("saturation", Map.of("type", (double) Math.round(setting("satType", 0)), "driveDb", driveDb,
                "autoGain", 1.0));
    }

    private DrillQuestion twoVersions(double lv, InsertModel processed, String what) {
        int answer = random.nextInt(2);
        List<DrillQuestion.Version> versions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<InsertModel> chain = i == answer ? List.of(processed) : List.of();
            versions.add(new DrillQuestion.Version(i == 0 ? "A" : "B", chain, 0, 0, -100));
        }
        return new DrillQuestion(spec.type(), lv, source, spec.description(), List.copyOf(versions),
                List.of("A", "B"), answer, what + " on version " + (answer == 0 ? "A" : "B") + " of " + source
                + " (the other is unprocessed, loudness-matched)");
    }

    private DrillQuestion level(double diffDb) {
        int answer = random.nextInt(2);
        List<DrillQuestion.Version> versions = List.of(
                new DrillQuestion.Version("A", List.of(), answer == 0 ? diffDb : 0, 0, -100),
                new DrillQuestion.Version("B", List.of(), answer == 1 ? diffDb : 0, 0, -100));
        return new DrillQuestion(spec.type(), diffDb, source, spec.description(), versions, List.of("A", "B"),
                answer, "version " + (answer == 0 ? "A" : "B") + " of " + source + " is " + num(diffDb)
                + " dB louder");
    }

    private DrillQuestion pan(double offsetPct) {
        int answer = random.nextInt(2);
        double pan = answer == 0 ? -offsetPct : offsetPct;
        List<DrillQuestion.Version> versions = List.of(new DrillQuestion.Version("Listen", List.of(), 0, pan, -100));
        return new DrillQuestion(spec.type(), offsetPct, source, spec.description(), versions,
                List.of("Left", "Right"), answer, source + " panned " + num(offsetPct) + " % "
                + (answer == 0 ? "left" : "right"));
    }

    private DrillQuestion reverb(double diffDb) {
        int answer = random.nextInt(2);
        double base = setting("baseSendDb", -24);
        List<DrillQuestion.Version> versions = List.of(
                new DrillQuestion.Version("A", List.of(), 0, 0, answer == 0 ? base + diffDb : base),
                new DrillQuestion.Version("B", List.of(), 0, 0, answer == 1 ? base + diffDb : base));
        return new DrillQuestion(spec.type(), diffDb, source, spec.description(), versions, List.of("A", "B"),
                answer, "reverb send " + num(base) + " dB vs " + num(base + diffDb) + " dB (decay "
                + num(setting("decayS", 1.8)) + " s) on " + source);
    }

    private static InsertModel insert(String type, Map<String, Double> params) {
        InsertModel m = new InsertModel();
        m.id = type + "1";
        m.type = type;
        m.params.putAll(new java.util.TreeMap<>(params));
        return m;
    }

    private static String hz(double f) {
        return f >= 1000 ? num(f / 1000) + " kHz" : num(f) + " Hz";
    }

    private static String num(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%d", (long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
