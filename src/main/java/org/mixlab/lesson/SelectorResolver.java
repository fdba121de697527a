package org.mixlab.lesson;

import java.util.Optional;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;

/**
 * Reads the value a {@link Selector} points to from a {@link Session}. A setting that has no audible effect
 * (its insert is bypassed, or its section's switch is off, e.g. hpFreqHz while hpOn = 0) resolves as INACTIVE,
 * so a check on it does not pass. Pure and allocation-light; safe to call on every UI change.
 */
public final class SelectorResolver {

    private SelectorResolver() {
    }

    /** Parses and resolves {@code selectorText}; a malformed selector gives INVALID. */
    public static Resolution resolve(Session session, String selectorText) {
        Selector.Parsed p = Selector.parse(selectorText, Boolean.TRUE);
        if (!p.ok()) {
            return Resolution.invalid(p.problem());
        }
        return resolve(session, p.selector());
    }

    /** Resolves a parsed value selector. */
    public static Resolution resolve(Session session, Selector sel) {
        StripModel strip = strip(session, sel);
        if (strip == null) {
            return Resolution.missing("there is no " + sel.stripKind().name().toLowerCase(java.util.Locale.ROOT) + " '" + sel.stripRef()
                    + "' in this session");
        }
        if (sel.field() != null) {
            return Resolution.ok(field(strip, sel.field()));
        }
        if (sel.sendTo() != null) {
            SendModel send = send(strip, sel.sendTo());
            if (send == null) {
                return Resolution.missing(sel.stripLabel() + " has no send to '" + sel.sendTo() + "'");
            }
            return Resolution.ok(sel.sendField().equals("pre") ? (send.pre ? 1 : 0) : send.levelDb);
        }
        InsertModel ins = insert(strip, sel);
        if (ins == null) {
            return Resolution.missing(missingInsertReason(sel));
        }
        if (sel.param() == null) {
            return Resolution.invalid("selector names an insert, not a value");
        }
        if (sel.param().equals("bypass")) {
            return Resolution.ok(ins.bypass ? 1 : 0);
        }
        double v = sel.param().equals("mix") ? ins.mix : paramValue(ins, sel.param());
        if (ins.bypass) {
            return Resolution.inactive(v, "the " + ins.type + " on " + sel.stripLabel() + " is bypassed");
        }
        Optional<KnownParams.Enabler> en = KnownParams.enabler(ins.type, sel.param());
        if (en.isPresent()) {
            double sw = paramValue(ins, en.get().paramId());
            if (Math.round(sw) != Math.round(en.get().requiredValue())) {
                String name = KnownParams.param(ins.type, en.get().paramId()).map(ParamSpec::name)
                        .orElse(en.get().paramId());
                String state = en.get().requiredValue() >= 0.5 ? "switched off" : "switched on";
                return Resolution.inactive(v, "the " + ins.type + " " + name + " on " + sel.stripLabel() + " is "
                        + state);
            }
        }
        return Resolution.ok(v);
    }

    /** Finds the insert an insert selector names, or null. */
    public static InsertModel findInsert(Session session, Selector sel) {
        StripModel strip = strip(session, sel);
        return strip == null ? null : insert(strip, sel);
    }

    /** A learner-facing sentence saying that the insert a selector names is absent. */
    public static String missingInsertReason(Selector sel) {
        return "there is no " + sel.insertType() + (sel.insertId() == null ? "" : " '" + sel.insertId() + "'")
                + " insert on " + sel.stripLabel();
    }

    /** The strip a selector starts from: tracks by id first, then by role. Null when absent. */
    public static StripModel strip(Session session, Selector sel) {
        if (session == null) {
            return null;
        }
        switch (sel.stripKind()) {
            case MASTER:
                return session.master;
            case TRACK:
                for (TrackModel t : session.tracks) {
                    if (sel.stripRef().equals(t.id)) {
                        return t;
                    }
                }
                for (TrackModel t : session.tracks) {
                    if (sel.stripRef().equals(t.role)) {
                        return t;
                    }
                }
                return null;
            case BUS:
                for (BusModel b : session.buses) {
                    if (sel.stripRef().equals(b.id)) {
                        return b;
                    }
                }
                return null;
            case AUX:
                for (AuxModel a : session.auxes) {
                    if (sel.stripRef().equals(a.id)) {
                        return a;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /** A parameter's stored value, or its contract default when the session leaves it out. */
    public static double paramValue(InsertModel ins, String paramId) {
        Double v = ins.params == null ? null : ins.params.get(paramId);
        if (v != null) {
            return v;
        }
        return KnownParams.param(ins.type, paramId).map(ParamSpec::defaultValue).orElse(Double.NaN);
    }

    private static InsertModel insert(StripModel strip, Selector sel) {
        if (strip.inserts == null) {
            return null;
        }
        for (InsertModel i : strip.inserts) {
            if (i == null || !sel.insertType().equals(i.type)) {
                continue;
            }
            if (sel.insertId() == null || sel.insertId().equals(i.id)) {
                return i;
            }
        }
        return null;
    }

    private static SendModel send(StripModel strip, String auxId) {
        java.util.List<SendModel> sends = strip instanceof TrackModel t ? t.sends
                : strip instanceof BusModel b ? b.sends : null;
        if (sends == null) {
            return null;
        }
        for (SendModel s : sends) {
            if (s != null && auxId.equals(s.to)) {
                return s;
            }
        }
        return null;
    }

    private static double field(StripModel s, String field) {
        switch (field) {
            case "gainDb":
                return s.gainDb;
            case "pan":
                return s.pan;
            case "mute":
                return s.mute ? 1 : 0;
            case "solo":
                return s.solo ? 1 : 0;
            case "trimDb":
                return s instanceof TrackModel t ? t.trimDb : 0;
            case "polarity":
                return s instanceof TrackModel t && t.polarity ? 1 : 0;
            default:
                return Double.NaN;
        }
    }
}
