package org.mixlab.engine.gen;

import java.util.List;

/**
 * One stem of a song: which General MIDI sound plays which notes, and which problems are baked in.
 *
 * @param file         file name inside the song folder, e.g. "bass.wav"
 * @param role         kick, snare, hats, bass, guitar, keys, pad or lead
 * @param name         display name, e.g. "Bass"
 * @param percussion   true when the notes play on the GM drum channel (channel 10)
 * @param program      GM program 0..127 (for percussion: the drum kit preset, e.g. 25 = TR-808)
 * @param targetPeakDb sample peak the finished stem is scaled to, in dBFS (-14 .. -1.5; the unbalanced levels)
 * @param problemEq    tonal problem applied before scaling, or null
 * @param problems     problem ids listed in song.json (e.g. "too-loud", "boomy-150hz", "dry", "mono-centred")
 * @param notes        the humanised notes, sorted by start
 */
public record StemSpec(String file, String role, String name, boolean percussion, int program,
                       double targetPeakDb, ProblemEq problemEq, List<String> problems, List<NoteEvent> notes) {
    /** Makes the lists unmodifiable. */
    public StemSpec {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }
}
