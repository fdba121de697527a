package org.mixlab.engine.gen;

/**
 * One note of an arrangement, timed in beats from the loop start.
 *
 * @param startBeat   onset in beats from the loop start, 0 .. loop length
 * @param lengthBeats time until the note-off in beats, greater than 0
 * @param pitch       MIDI note number 0..127 (60 = C4)
 * @param velocity    MIDI velocity 1..127
 */
public record NoteEvent(double startBeat, double lengthBeats, int pitch, int velocity) {
    /** Checks the ranges. */
    public NoteEvent {
        if (lengthBeats <= 0 || startBeat < 0) {
            throw new IllegalArgumentException("note " + pitch + " at beat " + startBeat + " has a bad start/length");
        }
        if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("note " + pitch + " velocity " + velocity + " is out of MIDI range");
        }
    }

    /** Beat at which the note-off is sent. */
    public double endBeat() {
        return startBeat + lengthBeats;
    }
}
