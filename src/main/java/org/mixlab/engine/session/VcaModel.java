package org.mixlab.engine.session;

import java.util.ArrayList;
import java.util.List;

/** A VCA-style group fader: its gain adds to each member's fader without summing audio. */
public final class VcaModel {
    /** Identifier. */
    public String id;
    /** Display name. */
    public String name;
    /** Offset in dB added to every member's fader, -100 to +12; default 0. */
    public double gainDb;
    /** Ids of member tracks or buses. */
    public List<String> members = new ArrayList<>();

    /** A deep copy. */
    public VcaModel copy() {
        VcaModel c = new VcaModel();
        c.id = id;
        c.name = name;
        c.gainDb = gainDb;
        c.members = new ArrayList<>(members);
        return c;
    }
}
