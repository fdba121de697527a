package org.mixlab.engine.session;

/** A loop region in seconds. */
public final class LoopModel {
    /** Start of the loop, seconds, 0 or more; default 0. */
    public double startS;
    /** End of the loop, seconds, after start; 0 means the end of the longest track. */
    public double endS;

    /** A copy. */
    public LoopModel copy() {
        LoopModel c = new LoopModel();
        c.startS = startS;
        c.endS = endS;
        return c;
    }
}
