package org.mixlab.dsp;

/** How a parameter's range maps to a control's travel (0..1). */
public enum Taper {
    /** Even steps in the parameter's own unit (pan, percentages, dB ranges that are symmetric). */
    LINEAR,
    /** Even steps in log(value): frequencies, times, ratios. Requires min &gt; 0. */
    LOG,
    /** A mixing-console fader: dB above -60 mapped so that 0 dB sits at 75 % of travel; the bottom is -inf. */
    FADER,
    /** A choice among {@link ParamSpec#choices()}; the value is the index. */
    CHOICE,
    /** Off (0) or on (1). */
    TOGGLE
}
