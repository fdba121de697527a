package org.mixlab.lesson;

/**
 * One declarative check from a pack.json task step (docs/lesson-format.md, "Checks"). Immutable; built by
 * {@link LessonPackLoader} after validation, or in code.
 *
 * @param kind     what is checked
 * @param selector value selector (SETTING), insert selector (EXISTS, EQ_BAND) or null
 * @param a        first value selector of a RELATIVE check (a - b is compared), else null
 * @param b        second value selector of a RELATIVE check, else null
 * @param op       comparison; ignored by EXISTS
 * @param min      lower bound for BETWEEN, NaN otherwise
 * @param max      upper bound for BETWEEN, NaN otherwise
 * @param value    comparison value for the other ops (and the == target), NaN for BETWEEN
 * @param tolerance allowed distance for == and !=, 0 or more; default 0.001
 * @param present  EXISTS: true = an active insert must be there, false = none may be active
 * @param minHz    EQ_BAND: lowest band frequency that counts
 * @param maxHz    EQ_BAND: highest band frequency that counts
 * @param measure  AUDIO: measurement name (see {@link AudioMeasurements})
 * @param target   AUDIO: "master" or a strip/insert selector
 * @param other    AUDIO: second strip for stemLevelDiff, else null
 * @param hint     extra advice shown when the check fails; may be empty
 * @param label    short checklist text shown next to the live tick, e.g. "Bass level with the kick"; may be empty
 */
public record Check(Kind kind, String selector, String a, String b, Op op, double min, double max, double value,
                    double tolerance, boolean present, double minHz, double maxHz, String measure, String target,
                    String other, String hint, String label) {

    /** The check kinds. */
    public enum Kind {
        /** One setting compared with a value or range. */
        SETTING("setting"),
        /** The difference of two settings compared with a value or range. */
        RELATIVE("relative"),
        /** An active insert of a type is (or is not) on a strip. */
        EXISTS("exists"),
        /** Any switched-on peaking band of an EQ, within a frequency window, whose gain satisfies the op. */
        EQ_BAND("eqBand"),
        /** A measurement of the rendered audio, supplied by {@link AudioMeasurements}. */
        AUDIO("audio");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        /** The name used in pack.json. */
        public String json() {
            return json;
        }

        /** The kind for a pack.json name, or null. */
        public static Kind fromJson(String s) {
            for (Kind k : values()) {
                if (k.json.equals(s)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Comparison operators. */
    public enum Op {
        /** min <= x <= max. */
        BETWEEN("between"),
        /** x <= value. */
        LE("<="),
        /** x >= value. */
        GE(">="),
        /** x < value. */
        LT("<"),
        /** x > value. */
        GT(">"),
        /** |x - value| <= tolerance. */
        EQ("=="),
        /** |x - value| > tolerance. */
        NE("!=");

        private final String json;

        Op(String json) {
            this.json = json;
        }

        /** The symbol used in pack.json. */
        public String json() {
            return json;
        }

        /** The op for a pack.json symbol, or null. */
        public static Op fromJson(String s) {
            for (Op o : values()) {
                if (o.json.equals(s)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** Default tolerance for == and != comparisons. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    /** True when {@code x} satisfies this check's comparison. NaN never does. */
    public boolean compare(double x) {
        if (Double.isNaN(x)) {
            return false;
        }
        return switch (op) {
            case BETWEEN -> x >= min && x <= max;
            case LE -> x <= value;
            case GE -> x >= value;
            case LT -> x < value;
            case GT -> x > value;
            case EQ -> Math.abs(x - value) <= tolerance;
            case NE -> Math.abs(x - value) > tolerance;
        };
    }

    /** A setting check, e.g. setting("track:guitar/insert:eq/hpFreqHz", BETWEEN, 80, 250). */
    public static Check setting(String selector, Op op, double minOrValue, double max) {
        return new Check(Kind.SETTING, selector, null, null, op, op == Op.BETWEEN ? minOrValue : Double.NaN,
                op == Op.BETWEEN ? max : Double.NaN, op == Op.BETWEEN ? Double.NaN : minOrValue,
                DEFAULT_TOLERANCE, true, Double.NaN, Double.NaN, null, null, null, "", "");
    }

    /** A relative check on {@code a - b}. */
    public static Check relative(String a, String b, Op op, double minOrValue, double max) {
        return new Check(Kind.RELATIVE, null, a, b, op, op == Op.BETWEEN ? minOrValue : Double.NaN,
                op == Op.BETWEEN ? max : Double.NaN, op == Op.BETWEEN ? Double.NaN : minOrValue,
                DEFAULT_TOLERANCE, true, Double.NaN, Double.NaN, null, null, null, "", "");
    }

    /** An exists check on an insert selector. */
    public static Check exists(String insertSelector, boolean present) {
        return new Check(Kind.EXISTS, insertSelector, null, null, Op.EQ, Double.NaN, Double.NaN, Double.NaN,
                DEFAULT_TOLERANCE, present, Double.NaN, Double.NaN, null, null, null, "", "");
    }

    /** An eqBand check: some switched-on band between minHz and maxHz has a gain satisfying op. */
    public static Check eqBand(String eqSelector, double minHz, double maxHz, Op op, double minOrValue, double max) {
        return new Check(Kind.EQ_BAND, eqSelector, null, null, op, op == Op.BETWEEN ? minOrValue : Double.NaN,
                op == Op.BETWEEN ? max : Double.NaN, op == Op.BETWEEN ? Double.NaN : minOrValue,
                DEFAULT_TOLERANCE, true, minHz, maxHz, null, null, null, "", "");
    }

    /** An audio check. */
    public static Check audio(String measure, String target, String other, Op op, double minOrValue, double max) {
        return new Check(Kind.AUDIO, null, null, null, op, op == Op.BETWEEN ? minOrValue : Double.NaN,
                op == Op.BETWEEN ? max : Double.NaN, op == Op.BETWEEN ? Double.NaN : minOrValue,
                DEFAULT_TOLERANCE, true, Double.NaN, Double.NaN, measure, target, other, "", "");
    }

    /** A copy with a hint. */
    public Check withHint(String newHint) {
        return new Check(kind, selector, a, b, op, min, max, value, tolerance, present, minHz, maxHz, measure,
                target, other, newHint == null ? "" : newHint, label);
    }
}
