package org.mixlab.lesson;

import java.util.List;

/**
 * Measurements of the rendered mix that "audio" checks compare, implemented by the app or the scorer.
 * Implementations return NaN when a measurement is not available yet.
 */
public interface AudioMeasurements {

    /** Measurement names accepted in pack.json "measure" (units in brackets). */
    List<String> MEASURES = List.of(
            "integratedLufs",     // integrated loudness, ITU-R BS.1770 [LUFS]; target "master" or a strip
            "shortTermLufsMax",   // loudest 3 s short-term loudness [LUFS]
            "loudnessRangeLu",    // EBU Tech 3342 loudness range [LU]
            "truePeakDbtp",       // 4x-oversampled true peak [dBTP]
            "samplePeakDbfs",     // highest sample [dBFS]
            "stemLevelDiff",      // integrated loudness of target minus other, both strips [LU]
            "gainReductionDb",    // average gain reduction of an insert selector, positive dB [dB]
            "correlation",        // stereo phase correlation of the target, -1..1
            "lowCorrelation");    // phase correlation below 150 Hz of the target, -1..1

    /** Measure names whose target must be an insert selector. */
    List<String> INSERT_MEASURES = List.of("gainReductionDb");

    /** Measure names that need a second strip in "other". */
    List<String> PAIR_MEASURES = List.of("stemLevelDiff");

    /**
     * Measures the rendered audio.
     *
     * @param measure one of {@link #MEASURES}
     * @param target  "master", a strip selector such as "track:bass", or an insert selector for gainReductionDb
     * @param other   the second strip for stemLevelDiff, else null
     * @return the value in the measure's unit, or NaN when unavailable
     */
    double measure(String measure, String target, String other);
}
