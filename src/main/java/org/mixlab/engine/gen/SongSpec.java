package org.mixlab.engine.gen;

import java.util.List;

/**
 * A song of the lesson material: an 8-bar loop with its seven stems.
 *
 * @param id          folder name, e.g. "pop-rock"
 * @param title       display title, e.g. "Open Road"
 * @param style       style label, e.g. "pop-rock"
 * @param tempoBpm    tempo in quarter-note beats per minute
 * @param key         key, e.g. "G major"
 * @param beatsPerBar beats per bar (4 for 4/4, 3 for 3/4)
 * @param bars        number of bars in the loop
 * @param stems       the seven stems
 */
public record SongSpec(String id, String title, String style, double tempoBpm, String key, int beatsPerBar,
                       int bars, List<StemSpec> stems) {
    /** Makes the list unmodifiable. */
    public SongSpec {
        stems = List.copyOf(stems);
    }

    /** Loop length in beats. */
    public double loopBeats() {
        return (double) beatsPerBar * bars;
    }

    /** Loop length in seconds (16 for every song of the set). */
    public double lengthS() {
        return loopBeats() * 60.0 / tempoBpm;
    }

    /** Time signature as text, e.g. "4/4". */
    public String timeSignature() {
        return beatsPerBar + "/4";
    }

    /** Converts beats to seconds at this tempo. */
    public double beatsToSeconds(double beats) {
        return beats * 60.0 / tempoBpm;
    }
}
