package org.mixlab.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mixlab.dsp.ParamSpec;

/**
 * A parsed check selector: a path from a session to one number (docs/lesson-format.md, "Selectors").
 *
 * <pre>
 * selector  := strip [ "/" field | "/insert:" type [ "#" insertId ] [ "/" param ] | "/send:" auxId "/" sendField ]
 * strip     := "track:" idOrRole | "bus:" id | "aux:" id | "master"
 * </pre>
 *
 * @param stripKind  which kind of strip
 * @param stripRef   track id or role, bus id or aux id; "master" for the master
 * @param field      strip field (gainDb, pan, trimDb, mute, solo, polarity) or null
 * @param insertType processor type when the selector names an insert, else null
 * @param insertId   insert id after '#', or null for "first insert of that type"
 * @param param      parameter id (or "bypass"/"mix") of the insert, or null for the insert itself
 * @param sendTo     aux id of a send, or null
 * @param sendField  "levelDb" or "pre" for a send, else null
 */
public record Selector(StripKind stripKind, String stripRef, String field, String insertType, String insertId,
                       String param, String sendTo, String sendField) {

    /** The four kinds of strip a selector can start from. */
    public enum StripKind { TRACK, BUS, AUX, MASTER }

    /** Fields each strip kind has (values as numbers: booleans are 0 or 1). */
    static final List<String> TRACK_FIELDS = List.of("gainDb", "pan", "trimDb", "mute", "solo", "polarity");
    static final List<String> BUS_FIELDS = List.of("gainDb", "pan", "mute", "solo");
    static final List<String> AUX_FIELDS = List.of("gainDb", "pan", "mute");
    static final List<String> MASTER_FIELDS = List.of("gainDb");
    static final List<String> SEND_FIELDS = List.of("levelDb", "pre");

    /** The result of parsing: a selector or a one-line problem. */
    public record Parsed(Selector selector, String problem) {
        /** True when parsing succeeded. */
        public boolean ok() {
            return selector != null;
        }
    }

    /** True when the selector names an insert (with or without a parameter). */
    public boolean isInsert() {
        return insertType != null;
    }

    /** True when the selector ends at a number (a field, an insert parameter or a send field). */
    public boolean isValue() {
        return field != null || param != null || sendField != null;
    }

    /**
     * Parses and validates a selector against the known processor types and parameter ids.
     *
     * @param text          the selector text
     * @param valueRequired true when the selector must end at a number; false when it must name an insert
     *                      (exists/eqBand checks) - null means either is fine
     */
    public static Parsed parse(String text, Boolean valueRequired) {
        if (text == null || text.isBlank()) {
            return fail("empty selector");
        }
        String[] parts = text.trim().split("/", -1);
        StripKind kind;
        String ref;
        String head = parts[0];
        if (head.equals("master")) {
            kind = StripKind.MASTER;
            ref = "master";
        } else if (head.startsWith("track:")) {
            kind = StripKind.TRACK;
            ref = head.substring(6);
        } else if (head.startsWith("bus:")) {
            kind = StripKind.BUS;
            ref = head.substring(4);
        } else if (head.startsWith("aux:")) {
            kind = StripKind.AUX;
            ref = head.substring(4);
        } else {
            return fail("selector must start with track:<id>, bus:<id>, aux:<id> or master, not '" + head + "'");
        }
        if (ref.isEmpty()) {
            return fail("missing strip id after '" + head + "'");
        }
        if (parts.length < 2 || parts[1].isEmpty()) {
            return fail("selector '" + text + "' names a strip but no field, insert or send");
        }
        String second = parts[1];
        Selector sel;
        if (second.startsWith("insert:")) {
            String ref2 = second.substring(7);
            String type = ref2;
            String id = null;
            int hash = ref2.indexOf('#');
            if (hash >= 0) {
                type = ref2.substring(0, hash);
                id = ref2.substring(hash + 1);
                if (id.isEmpty()) {
                    return fail("missing insert id after '#'");
                }
            }
            if (!KnownParams.isType(type)) {
                return fail("unknown processor type '" + type + "'");
            }
            String param = null;
            if (parts.length == 3) {
                param = parts[2];
                if (!KnownParams.SLOT_PSEUDO_PARAMS.contains(param) && KnownParams.param(type, param).isEmpty()) {
                    return fail("unknown parameter '" + param + "' for processor type '" + type + "'");
                }
            } else if (parts.length > 3) {
                return fail("too many parts after the insert parameter in '" + text + "'");
            }
            sel = new Selector(kind, ref, null, type, id, param, null, null);
        } else if (second.startsWith("send:")) {
            if (kind != StripKind.TRACK && kind != StripKind.BUS) {
                return fail("only tracks and buses have sends");
            }
            String aux = second.substring(5);
            if (aux.isEmpty()) {
                return fail("missing aux id after 'send:'");
            }
            if (parts.length != 3 || !SEND_FIELDS.contains(parts[2])) {
                return fail("a send selector must end with /levelDb or /pre");
            }
            sel = new Selector(kind, ref, null, null, null, null, aux, parts[2]);
        } else {
            if (parts.length > 2) {
                return fail("unexpected '/" + parts[2] + "' after field '" + second + "'");
            }
            List<String> fields = switch (kind) {
                case TRACK -> TRACK_FIELDS;
                case BUS -> BUS_FIELDS;
                case AUX -> AUX_FIELDS;
                case MASTER -> MASTER_FIELDS;
            };
            if (!fields.contains(second)) {
                return fail("unknown field '" + second + "' for " + kind.name().toLowerCase(Locale.ROOT)
                        + " (known: " + String.join(", ", fields) + ")");
            }
            sel = new Selector(kind, ref, second, null, null, null, null, null);
        }
        if (Boolean.TRUE.equals(valueRequired) && !sel.isValue()) {
            return fail("selector '" + text + "' names an insert, not a value: add /<parameter id>");
        }
        if (Boolean.FALSE.equals(valueRequired) && !(sel.isInsert() && sel.param == null)) {
            return fail("selector '" + text + "' must name an insert, like track:lead/insert:compressor");
        }
        return new Parsed(sel, null);
    }

    private static Parsed fail(String problem) {
        return new Parsed(null, problem);
    }

    /** The spec of the selected insert parameter, when there is one. */
    public Optional<ParamSpec> paramSpec() {
        return param == null ? Optional.empty() : KnownParams.param(insertType, param);
    }

    /** The unit of the selected value for messages ("dB", "Hz", "%", ...), possibly empty. */
    public String unit() {
        if (field != null) {
            return switch (field) {
                case "gainDb", "trimDb" -> "dB";
                case "pan" -> "%";
                default -> "";
            };
        }
        if (sendField != null) {
            return sendField.equals("levelDb") ? "dB" : "";
        }
        if ("mix".equals(param)) {
            return "";
        }
        return paramSpec().map(ParamSpec::unit).orElse("");
    }

    /** A learner-facing name of the strip, e.g. "the bass" or "the master". */
    public String stripLabel() {
        return switch (stripKind) {
            case TRACK -> "the " + stripRef;
            case BUS -> "the " + stripRef + " bus";
            case AUX -> "the " + stripRef + " return";
            case MASTER -> "the master";
        };
    }

    /** A learner-facing name of the value, e.g. "the bass fader" or "the guitar's eq High-pass frequency". */
    public String label() {
        if (field != null) {
            String f = switch (field) {
                case "gainDb" -> "fader";
                case "trimDb" -> "trim";
                default -> field;
            };
            return stripLabel() + " " + f;
        }
        if (sendField != null) {
            return stripLabel() + "'s send to " + sendTo + (sendField.equals("levelDb") ? "" : " (pre-fader)");
        }
        String what = insertType + (insertId == null ? "" : " '" + insertId + "'");
        if (param == null) {
            return "a " + what + " on " + stripLabel();
        }
        String p = switch (param) {
            case "bypass" -> "bypass";
            case "mix" -> "mix";
            default -> paramSpec().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(param);
        };
        return stripLabel() + "'s " + what + " " + p;
    }
}
