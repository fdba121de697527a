package org.mixlab.engine.session;

/** The master strip: the mastering chain's inserts and the final fader. */
public final class MasterModel extends StripModel {
    /** Creates the master with id "master". */
    public MasterModel() {
        id = "master";
        name = "Master";
    }

    /** A deep copy. */
    public MasterModel copy() {
        MasterModel c = new MasterModel();
        copyInto(c);
        return c;
    }
}
