package org.mixlab.engine.live;

/** What the listener hears: the learner's mix, the unprocessed stems, or the reference. */
public enum Source {
    /** The learner's mix, with every setting. */
    MIX,
    /** The same stems summed at unity with no processing. */
    UNPROCESSED,
    /** The reference: a reference session or an audio file. */
    REFERENCE
}
