package org.mixlab.ui.mixer;

/** What a channel strip controls; decides which sections it shows and its background colour. */
public enum StripKind {
    /** An audio track: inserts, sends, pan, mute/solo, fader. */
    TRACK,
    /** A group bus: as a track. */
    BUS,
    /** An aux (effect) return: inserts, pan, mute/solo, fader. */
    AUX,
    /** The master: the mastering chain and the final fader. */
    MASTER
}
