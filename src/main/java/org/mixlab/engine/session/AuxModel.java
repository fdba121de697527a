package org.mixlab.engine.session;

/** An aux (effect) return, fed by sends, going to the master. Solo-safe: soloing a track never mutes it. */
public final class AuxModel extends StripModel {
    /** A deep copy. */
    public AuxModel copy() {
        AuxModel c = new AuxModel();
        copyInto(c);
        return c;
    }
}
