package org.mixlab.dsp;

/** A processor whose behaviour follows the session tempo (tempo-synced delays, modulation). */
public interface TempoAware {
    /** Sets the tempo in beats per minute, 20 to 300; default 120. Audio thread; never allocates. */
    void setTempoBpm(double bpm);
}
