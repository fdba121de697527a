package org.mixlab.engine.session;

/** A send from a track or bus to an aux return. */
public final class SendModel {
    /** Id of the aux return fed by this send. */
    public String to;
    /** Send level in dB, -100 (off) to +6; default -12. */
    public double levelDb = -12;
    /** True for a pre-fader send; default false (post-fader). */
    public boolean pre;

    /** A copy. */
    public SendModel copy() {
        SendModel c = new SendModel();
        c.to = to;
        c.levelDb = levelDb;
        c.pre = pre;
        return c;
    }
}
