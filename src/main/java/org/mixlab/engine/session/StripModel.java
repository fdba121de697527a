package org.mixlab.engine.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** Fields every channel strip shares: tracks, buses, aux returns and the master. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class StripModel {
    /** Identifier unique across the session, e.g. "bass". */
    public String id;
    /** Display name. */
    public String name;
    /** Fader level in dB, -100 (silence) to +12; default 0. */
    public double gainDb;
    /** Pan position in percent, -100 (left) to +100 (right); default 0. */
    public double pan;
    /** Mute; default false. */
    public boolean mute;
    /** Solo; default false. */
    public boolean solo;
    /** Insert chain, processed top to bottom. */
    public List<InsertModel> inserts = new ArrayList<>();

    /** Finds an insert by id, or null. */
    public InsertModel insert(String insertId) {
        for (InsertModel i : inserts) {
            if (insertId.equals(i.id)) {
                return i;
            }
        }
        return null;
    }

    /** Finds the first insert of a type, or null. */
    public InsertModel firstOfType(String type) {
        for (InsertModel i : inserts) {
            if (type.equals(i.type)) {
                return i;
            }
        }
        return null;
    }

    /** Copies the shared fields into {@code c} (deep). */
    protected void copyInto(StripModel c) {
        c.id = id;
        c.name = name;
        c.gainDb = gainDb;
        c.pan = pan;
        c.mute = mute;
        c.solo = solo;
        c.inserts = new ArrayList<>();
        for (InsertModel i : inserts) {
            c.inserts.add(i.copy());
        }
    }
}
