package org.mixlab.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.ProcessorRegistry;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.engine.session.BusModel;

/**
 * A path to one number in a session, for rubrics and lesson checks. Grammar (docs/exercise-format.md):
 *
 * <pre>
 * selector := strip "/" field
 * strip    := "track:" id | "bus:" id | "aux:" id | "master"
 * field    := "gainDb" | "pan" | "trimDb" | "mute" | "polarity"
 *           | "send:" auxId "/levelDb"
 *           | "insert:" ref "/" ( paramId | "mix" | "band@" freqHz "/" ( "freqHz" | "gainDb" | "q" ) )
 * ref      := type            first insert of that type that is in use (not bypassed, mix above 0)
 *           | type "#" n      the n-th insert of that type (1-based)
 *           | "@" insertId    the insert with that id
 * </pre>
 *
 * A value that is not really in use resolves as missing, never as a number: a bypassed insert (or one mixed out to
 * 0 %), a parameter of an EQ section that is switched off (hpFreqHz while hpOn is 0, b2GainDb while b2On is 0, and
 * in general any "xyz..." parameter while a toggle "xyzOn" is 0), a send or strip that does not exist. The "band"
 * form finds, among the switched-on peaking bands b1..b4 of the strip's EQs in use, the one nearest in octaves to
 * the given frequency (within 2 octaves). Parameters a session leaves out read as the processor's default. A track's
 * or bus's gainDb is its effective fader: the fader plus the offsets of the VCAs it belongs to.
 * Immutable and thread-safe.
 */
public final class SettingSelector {
    /** Octaves within which a "band@f" selector looks for a band. */
    public static final double BAND_SEARCH_OCTAVES = 2.0;

    /** The processor type ids of the shared contract (docs/processors.md), known even before they are registered. */
    public static final java.util.Set<String> KNOWN_TYPES = java.util.Set.of("gain", "pan", "midside", "eq",
            "compressor", "gate", "saturation", "clipper", "limiter", "reverb", "delay", "chorus", "flanger", "phaser");

    /** Which kind of strip a selector starts from. */
    public enum StripKind {
        /** A track, by id. */
        TRACK,
        /** A group bus, by id. */
        BUS,
        /** An aux return, by id. */
        AUX,
        /** The master strip. */
        MASTER
    }

    private final String text;
    private final StripKind stripKind;
    private final String stripId;
    private final String field;       // gainDb, pan, trimDb, mute, polarity, send, insert
    private final String sendTo;
    private final String insertType;  // null when by id
    private final int insertIndex;    // 0 = first in use, else n-th (1-based)
    private final String insertId;
    private final double bandHz;      // NaN unless band form
    private final String param;       // insert parameter id, "mix", or band field freqHz/gainDb/q

    private SettingSelector(String text, StripKind kind, String stripId, String field, String sendTo,
                            String insertType, int insertIndex, String insertId, double bandHz, String param) {
        this.text = text;
        this.stripKind = kind;
        this.stripId = stripId;
        this.field = field;
        this.sendTo = sendTo;
        this.insertType = insertType;
        this.insertIndex = insertIndex;
        this.insertId = insertId;
        this.bandHz = bandHz;
        this.param = param;
    }

    /**
     * Parses a selector.
     *
     * @throws IllegalArgumentException with a one-line description of what is wrong
     */
    public static SettingSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty selector");
        }
        String[] parts = text.trim().split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("selector '" + text + "' has an empty part");
            }
        }
        StripKind kind;
        String id;
        String head = parts[0];
        if (head.equals("master")) {
            kind = StripKind.MASTER;
            id = "master";
        } else if (head.startsWith("track:")) {
            kind = StripKind.TRACK;
            id = head.substring(6);
        } else if (head.startsWith("bus:")) {
            kind = StripKind.BUS;
            id = head.substring(4);
        } else if (head.startsWith("aux:")) {
            kind = StripKind.AUX;
            id = head.substring(4);
        } else {
            throw new IllegalArgumentException("selector '" + text
                    + "' must start with track:<id>, bus:<id>, aux:<id> or master");
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("selector '" + text + "' names no strip id");
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("selector '" + text + "' names no setting after the strip");
        }
        String f = parts[1];
        switch (f) {
            case "gainDb":
            case "pan":
            case "mute":
                return simple(text, parts, kind, id, f);
            case "trimDb":
            case "polarity":
                if (kind != StripKind.TRACK) {
                    throw new IllegalArgumentException("selector '" + text + "': " + f + " exists on tracks only");
                }
                return simple(text, parts, kind, id, f);
            default:
                break;
        }
        if (f.startsWith("send:")) {
            if (kind != StripKind.TRACK && kind != StripKind.BUS) {
                throw new IllegalArgumentException("selector '" + text + "': only tracks and buses have sends");
            }
            String to = f.substring(5);
            if (to.isEmpty() || parts.length != 3 || !parts[2].equals("levelDb")) {
                throw new IllegalArgumentException("selector '" + text + "': a send is selected as send:<aux>/levelDb");
            }
            return new SettingSelector(text, kind, id, "send", to, null, 0, null, Double.NaN, "levelDb");
        }
        if (f.startsWith("insert:")) {
            String ref = f.substring(7);
            String type = null;
            String iid = null;
            int index = 0;
            if (ref.startsWith("@")) {
                iid = ref.substring(1);
                if (iid.isEmpty()) {
                    throw new IllegalArgumentException("selector '" + text + "': insert:@ needs an insert id");
                }
            } else {
                int hash = ref.indexOf('#');
                type = hash < 0 ? ref : ref.substring(0, hash);
                if (hash >= 0) {
                    try {
                        index = Integer.parseInt(ref.substring(hash + 1));
                    } catch (NumberFormatException e) {
                        index = -1;
                    }
                    if (index < 1) {
                        throw new IllegalArgumentException("selector '" + text
                                + "': insert:<type>#<n> needs a whole number n of 1 or more");
                    }
                }
                if (type.isEmpty()) {
                    throw new IllegalArgumentException("selector '" + text + "': insert: needs a processor type");
                }
                if (!ProcessorRegistry.has(type) && !KNOWN_TYPES.contains(type)) {
                    throw new IllegalArgumentException("selector '" + text + "': unknown processor type '" + type + "'");
                }
            }
            if (parts.length < 3) {
                throw new IllegalArgumentException("selector '" + text + "' names no parameter after the insert");
            }
            String p = parts[2];
            if (p.startsWith("band@")) {
                if (type != null && !type.equals("eq")) {
                    throw new IllegalArgumentException("selector '" + text + "': band@ works on eq inserts only");
                }
                double hz;
                try {
                    hz = Double.parseDouble(p.substring(5));
                } catch (NumberFormatException e) {
                    hz = Double.NaN;
                }
                if (!(hz >= 20 && hz <= 20_000)) {
                    throw new IllegalArgumentException("selector '" + text + "': band@<Hz> needs 20 to 20000 Hz");
                }
                if (parts.length != 4 || !(parts[3].equals("freqHz") || parts[3].equals("gainDb")
                        || parts[3].equals("q"))) {
                    throw new IllegalArgumentException("selector '" + text
                            + "': a band is read as band@<Hz>/freqHz, /gainDb or /q");
                }
                return new SettingSelector(text, kind, id, "insert", null, type, index, iid, hz, parts[3]);
            }
            if (parts.length != 3) {
                throw new IllegalArgumentException("selector '" + text + "' has too many parts");
            }
            if (type != null && !p.equals("mix") && ProcessorRegistry.has(type)
                    && ProcessorRegistry.prototype(type).paramIndex(p) < 0) {
                throw new IllegalArgumentException("selector '" + text + "': " + type + " has no parameter '" + p + "'");
            }
            return new SettingSelector(text, kind, id, "insert", null, type, index, iid, Double.NaN, p);
        }
        throw new IllegalArgumentException("selector '" + text + "': unknown setting '" + f
                + "' (use gainDb, pan, trimDb, mute, polarity, send:<aux>/levelDb or insert:<type>/<param>)");
    }

    private static SettingSelector simple(String text, String[] parts, StripKind kind, String id, String f) {
        if (parts.length != 2) {
            throw new IllegalArgumentException("selector '" + text + "' has too many parts");
        }
        if (kind == StripKind.MASTER && f.equals("pan")) {
            throw new IllegalArgumentException("selector '" + text + "': the master has no pan");
        }
        return new SettingSelector(text, kind, id, f, null, null, 0, null, Double.NaN, f);
    }

    /** The selector text as parsed. */
    public String text() {
        return text;
    }

    /** The kind of strip. */
    public StripKind stripKind() {
        return stripKind;
    }

    /** The strip id ("master" for the master). */
    public String stripId() {
        return stripId;
    }

    /** True when this selects a strip's fader (gainDb). */
    public boolean isFader() {
        return field.equals("gainDb");
    }

    /** True when this selects a strip's pan. */
    public boolean isPan() {
        return field.equals("pan");
    }

    /** The parameter id at the end of the selector, e.g. "gainDb", "hpFreqHz", "levelDb", "q". */
    public String paramId() {
        return param;
    }

    /** The processor type named by an insert selector, or null. */
    public String insertType() {
        return insertType;
    }

    /** True for the "band@f" form. */
    public boolean isBand() {
        return !Double.isNaN(bandHz);
    }

    /** The scale this setting is naturally compared on. */
    public Scale naturalScale() {
        if (isBand()) {
            return param.equals("freqHz") ? Scale.OCTAVE : param.equals("gainDb") ? Scale.DB : Scale.LOG2;
        }
        if (field.equals("insert") && !param.equals("mix") && insertType != null
                && ProcessorRegistry.has(insertType)) {
            Processor proto = ProcessorRegistry.prototype(insertType);
            int i = proto.paramIndex(param);
            if (i >= 0) {
                ParamSpec spec = proto.params().get(i);
                switch (spec.taper()) {
                    case CHOICE:
                    case TOGGLE:
                        return Scale.CHOICE;
                    default:
                        break;
                }
            }
        }
        return Scale.forParamId(param);
    }

    /** The strip named in plain words, e.g. "the bass", "the master", "the Reverb return". */
    public String stripWords(Session s) {
        StripModel st = findStrip(s);
        String name = st == null || st.name == null || st.name.isBlank() ? stripId : st.name;
        switch (stripKind) {
            case MASTER:
                return "the master";
            case AUX:
                return "the " + name + " return";
            case BUS:
                return "the " + name + " bus";
            default:
                return "the " + name.toLowerCase(Locale.ROOT);
        }
    }

    /** The setting named in plain words without the strip, e.g. "fader", "high-pass", "EQ band near 2.5 kHz gain". */
    public String settingWords() {
        switch (field) {
            case "gainDb":
                return "fader";
            case "pan":
                return "pan";
            case "trimDb":
                return "trim";
            case "mute":
                return "mute";
            case "polarity":
                return "polarity";
            case "send":
                return "send to " + sendTo;
            default:
                break;
        }
        String proc = insertType == null ? "insert " + insertId : processorWords(insertType);
        if (isBand()) {
            String b = " of the EQ band near " + Feedback.hz(bandHz);
            return (param.equals("freqHz") ? "frequency" : param.equals("gainDb") ? "gain" : "Q") + b;
        }
        if (param.equals("mix")) {
            return proc + " mix";
        }
        String p = paramWords(param);
        if (insertType != null && insertType.equals("eq") && (param.startsWith("hp") || param.startsWith("lp"))) {
            return p;
        }
        return proc + " " + p;
    }

    private static String processorWords(String type) {
        switch (type) {
            case "eq":
                return "EQ";
            case "compressor":
                return "compressor";
            case "midside":
                return "mid/side";
            default:
                return type;
        }
    }

    /** Plain words for a section toggle, e.g. "hpOn" -> "high-pass", "b2On" -> "band 2". */
    static String sectionWords(String toggle) {
        switch (toggle) {
            case "hpOn":
                return "high-pass";
            case "lpOn":
                return "low-pass";
            case "lowShelfOn":
                return "low shelf";
            case "highShelfOn":
                return "high shelf";
            case "monoOn":
                return "mono-below switch";
            case "scHpOn":
                return "side-chain high-pass";
            default:
                if (toggle.matches("b[0-9]On")) {
                    return "EQ band " + toggle.charAt(1);
                }
                return paramWords(toggle.substring(0, toggle.length() - 2));
        }
    }

    /** Plain words for a parameter id. */
    static String paramWords(String p) {
        switch (p) {
            case "hpFreqHz":
                return "high-pass";
            case "lpFreqHz":
                return "low-pass";
            case "thresholdDb":
                return "threshold";
            case "ratio":
                return "ratio";
            case "attackMs":
                return "attack";
            case "releaseMs":
                return "release";
            case "makeupDb":
                return "make-up gain";
            case "driveDb":
                return "drive";
            case "ceilingDb":
                return "ceiling";
            case "inputDb":
                return "input gain";
            case "widthPct":
                return "width";
            case "monoBelowHz":
                return "mono-below frequency";
            case "decayS":
                return "decay time";
            case "preDelayMs":
                return "pre-delay";
            case "timeMs":
                return "delay time";
            case "feedbackPct":
                return "feedback";
            case "lowShelfGainDb":
                return "low-shelf gain";
            case "lowShelfFreqHz":
                return "low-shelf frequency";
            case "highShelfGainDb":
                return "high-shelf gain";
            case "highShelfFreqHz":
                return "high-shelf frequency";
            case "outputDb":
                return "output gain";
            case "monoOn":
                return "mono-below switch";
            case "sync":
                return "tempo sync";
            case "note":
                return "note value";
            case "type":
                return "character";
            case "lowShelfOn":
            case "highShelfOn":
            case "hpOn":
            case "lpOn":
                return sectionWords(p) + " switch";
            default:
                break;
        }
        // drop the unit suffix and split camelCase: "lowCutHz" -> "low cut", "b2GainDb" -> "b2 gain"
        String q = p.replaceAll("(Hz|Db|Ms|Pct)$", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append(' ');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** Unit for display of this setting's values, e.g. "dB", "Hz", "%", ":1", "ms". */
    public String valueUnit() {
        if (param.equals("pan")) {
            return "%";
        }
        if (param.equals("mix")) {
            return "%";
        }
        if (param.equals("ratio")) {
            return ":1";
        }
        if (param.equals("q") || param.endsWith("Q")) {
            return "";
        }
        if (param.endsWith("Db")) {
            return "dB";
        }
        if (param.endsWith("Hz")) {
            return "Hz";
        }
        if (param.endsWith("Ms")) {
            return "ms";
        }
        if (param.endsWith("S")) {
            return "s";
        }
        if (param.endsWith("Pct")) {
            return "%";
        }
        return "";
    }

    /** Formats a value of this setting for people, e.g. "-6.0 dB", "160 Hz", "30 % left", "4:1", "Tube". */
    public String format(double v) {
        if (param.equals("pan")) {
            return Feedback.pan(v);
        }
        if (naturalScale() == Scale.CHOICE) {
            if (field.equals("insert") && insertType != null && ProcessorRegistry.has(insertType)) {
                Processor proto = ProcessorRegistry.prototype(insertType);
                int i = proto.paramIndex(param);
                if (i >= 0) {
                    return "'" + proto.params().get(i).format(v) + "'";
                }
            }
            return v >= 0.5 ? "on" : "off";
        }
        String u = valueUnit();
        if (u.equals("Hz")) {
            return Feedback.hz(v);
        }
        if (u.equals(":1")) {
            return v >= 99.5 ? "inf:1" : Feedback.num(v) + ":1";
        }
        if (u.equals("dB") && v <= -100) {
            return "-inf dB";
        }
        return Feedback.num(v) + (u.isEmpty() ? "" : (u.equals("%") ? " %" : " " + u));
    }

    /** The result of resolving a selector: a value, or the reason there is none. */
    public record Value(double value, String missingReason) {
        /** True when the setting is not in use. */
        public boolean missing() {
            return missingReason != null;
        }

        static Value of(double v) {
            return new Value(v, null);
        }

        static Value none(String why) {
            return new Value(Double.NaN, why);
        }
    }

    /** Reads this setting from {@code s}; never throws. */
    public Value resolve(Session s) {
        StripModel st = findStrip(s);
        if (st == null) {
            return Value.none("there is no " + stripKind.name().toLowerCase(Locale.ROOT) + " '" + stripId + "'");
        }
        switch (field) {
            case "gainDb": {
                double g = st.gainDb;
                for (org.mixlab.engine.session.VcaModel v : s.vcas) {
                    if (v.members.contains(stripId) && stripKind != StripKind.MASTER) {
                        g += v.gainDb;
                    }
                }
                return Value.of(Math.max(-100, g));
            }
            case "pan":
                return Value.of(st.pan);
            case "mute":
                return Value.of(st.mute ? 1 : 0);
            case "trimDb":
                return Value.of(((TrackModel) st).trimDb);
            case "polarity":
                return Value.of(((TrackModel) st).polarity ? 1 : 0);
            case "send":
                return send(st);
            default:
                return insert(st);
        }
    }

    private StripModel findStrip(Session s) {
        switch (stripKind) {
            case MASTER:
                return s.master;
            case TRACK:
                return s.track(stripId);
            case BUS:
                for (BusModel b : s.buses) {
                    if (stripId.equals(b.id)) {
                        return b;
                    }
                }
                return null;
            default:
                StripModel a = s.strip(stripId);
                return a instanceof org.mixlab.engine.session.AuxModel ? a : null;
        }
    }

    private Value send(StripModel st) {
        List<SendModel> sends = st instanceof TrackModel t ? t.sends : ((BusModel) st).sends;
        for (SendModel sd : sends) {
            if (sendTo.equals(sd.to)) {
                return sd.levelDb <= -100 ? Value.none("the send to " + sendTo + " is off") : Value.of(sd.levelDb);
            }
        }
        return Value.none("there is no send to " + sendTo);
    }

    /** Inserts this selector may read, in chain order; for the plain type form only those in use. */
    private List<InsertModel> candidates(StripModel st, List<String> skipped) {
        List<InsertModel> out = new ArrayList<>();
        if (insertId != null) {
            InsertModel m = st.insert(insertId);
            if (m != null) {
                out.add(m);
            }
            return out;
        }
        int n = 0;
        for (InsertModel m : st.inserts) {
            if (!insertType.equals(m.type)) {
                continue;
            }
            n++;
            if (insertIndex > 0) {
                if (n == insertIndex) {
                    out.add(m);
                }
            } else if (inUse(m)) {
                out.add(m);
            } else {
                skipped.add(m.id == null ? m.type : m.id);
            }
        }
        return out;
    }

    private static boolean inUse(InsertModel m) {
        return !m.bypass && !(m.mix <= 0 && supportsMix(m.type));
    }

    private static boolean supportsMix(String type) {
        return !ProcessorRegistry.has(type) || ProcessorRegistry.prototype(type).supportsMix();
    }

    private Value insert(StripModel st) {
        List<String> skipped = new ArrayList<>();
        List<InsertModel> cands = candidates(st, skipped);
        String what = insertType == null ? "insert '" + insertId + "'" : processorWords(insertType);
        if (cands.isEmpty()) {
            if (!skipped.isEmpty()) {
                return Value.none("the " + what + " is bypassed");
            }
            return Value.none("there is no " + what + (insertIndex > 1 ? " #" + insertIndex : ""));
        }
        if (isBand()) {
            return band(cands);
        }
        InsertModel m = cands.get(0);
        if (!inUse(m)) {
            return Value.none("the " + what + " is bypassed");
        }
        if (param.equals("mix")) {
            return Value.of(m.mix * 100);
        }
        String toggle = sectionToggle(m.type, param);
        if (toggle != null && read(m, toggle) < 0.5) {
            return Value.none("the " + sectionWords(toggle) + " is switched off");
        }
        double v = read(m, param);
        if (Double.isNaN(v)) {
            return Value.none(m.type + " has no value for '" + param + "'");
        }
        return Value.of(v);
    }

    private Value band(List<InsertModel> eqs) {
        double bestDist = Double.POSITIVE_INFINITY;
        InsertModel best = null;
        int bestBand = 0;
        for (InsertModel m : eqs) {
            if (!inUse(m) || !"eq".equals(m.type)) {
                continue;
            }
            for (int b = 1; b <= 4; b++) {
                if (read(m, "b" + b + "On") < 0.5) {
                    continue;
                }
                double f = read(m, "b" + b + "FreqHz");
                if (!(f > 0)) {
                    continue;
                }
                double d = Math.abs(Math.log(f / bandHz) / Math.log(2));
                if (d < bestDist) {
                    bestDist = d;
                    best = m;
                    bestBand = b;
                }
            }
        }
        if (best == null || bestDist > BAND_SEARCH_OCTAVES) {
            return Value.none("no EQ band is switched on near " + Feedback.hz(bandHz));
        }
        String p = "b" + bestBand + (param.equals("freqHz") ? "FreqHz" : param.equals("gainDb") ? "GainDb" : "Q");
        return Value.of(read(best, p));
    }

    /** The value of a parameter: the session's, else the processor default, else NaN. */
    private static double read(InsertModel m, String p) {
        Double v = m.params.get(p);
        if (v != null) {
            return v;
        }
        if (ProcessorRegistry.has(m.type)) {
            Processor proto = ProcessorRegistry.prototype(m.type);
            int i = proto.paramIndex(p);
            if (i >= 0) {
                return proto.params().get(i).defaultValue();
            }
            return Double.NaN;
        }
        return p.endsWith("On") ? 0 : Double.NaN;
    }

    /**
     * The on/off toggle that governs a parameter, e.g. "hpOn" for "hpFreqHz", "b2On" for "b2GainDb", "monoOn" for
     * "monoBelowHz", or null when none does.
     */
    static String sectionToggle(String type, String p) {
        List<String> toggles = new ArrayList<>();
        if (ProcessorRegistry.has(type)) {
            for (ParamSpec sp : ProcessorRegistry.prototype(type).params()) {
                if (sp.id().endsWith("On") && sp.id().length() > 2) {
                    toggles.add(sp.id());
                }
            }
        } else if (type.equals("eq")) {
            toggles.addAll(List.of("hpOn", "lpOn", "lowShelfOn", "b1On", "b2On", "b3On", "b4On", "highShelfOn"));
        } else if (type.equals("compressor")) {
            toggles.add("scHpOn");
        } else if (type.equals("midside")) {
            toggles.add("monoOn");
        }
        String best = null;
        for (String t : toggles) {
            String prefix = t.substring(0, t.length() - 2);
            if (!p.equals(t) && p.startsWith(prefix) && p.length() > prefix.length()
                    && Character.isUpperCase(p.charAt(prefix.length()))
                    && (best == null || prefix.length() > best.length() - 2)) {
                best = t;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return text;
    }
}
