package org.mixlab.engine.session;

import java.util.ArrayList;
import java.util.List;

/** A group bus that tracks can be routed into. */
public final class BusModel extends StripModel {
    /** Where the bus goes; only "master" is supported in format v1. */
    public String output = "master";
    /** Sends to aux returns. */
    public List<SendModel> sends = new ArrayList<>();

    /** A deep copy. */
    public BusModel copy() {
        BusModel c = new BusModel();
        copyInto(c);
        c.output = output;
        c.sends = new ArrayList<>();
        for (SendModel s : sends) {
            c.sends.add(s.copy());
        }
        return c;
    }
}
