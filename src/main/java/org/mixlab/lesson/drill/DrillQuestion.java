package org.mixlab.lesson.drill;

import java.util.List;
import org.mixlab.engine.session.InsertModel;

/**
 * One drill trial, described as processor settings so the app can render it: a source signal, one or more
 * versions of it (each an insert chain plus gain, pan and reverb send), the answer choices and the right answer.
 *
 * @param type         the drill type
 * @param level        the adaptive level used (in the spec's unit)
 * @param source       "pink-noise" or "stem:<role>"
 * @param prompt       the question shown to the learner
 * @param versions     the versions to play, in order (labelled "A", "B" or just one "Listen")
 * @param choices      answer labels, e.g. ["A", "B"] or ["125 Hz", ..., "8 kHz"]
 * @param correctIndex index into choices of the right answer
 * @param stimulus     a one-line summary of the processing, e.g. "eq b1 at 1000 Hz +6.0 dB Q 1.4 on pink-noise"
 */
public record DrillQuestion(DrillType type, double level, String source, String prompt, List<Version> versions,
                            List<String> choices, int correctIndex, String stimulus) {

    /**
     * One playable version of the source.
     *
     * @param label          label shown on its play button
     * @param inserts        insert chain applied to the source (may be empty)
     * @param gainDb         fader gain in dB
     * @param pan            pan in percent, -100..100
     * @param reverbSendDb   level of a send to a reverb return, -100 for none
     */
    public record Version(String label, List<InsertModel> inserts, double gainDb, double pan, double reverbSendDb) {
    }

    /** True when {@code choiceIndex} is the right answer. */
    public boolean isCorrect(int choiceIndex) {
        return choiceIndex == correctIndex;
    }
}
