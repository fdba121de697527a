package org.mixlab.analysis;

/**
 * The standard measurements of one piece of audio (see {@link Analysis#analyze}). Undefined values are
 * {@link Double#NEGATIVE_INFINITY} (for example loudness of silence, or short-term loudness of less than 3 s), except
 * the correlation of mono input, which is {@link Double#NaN}.
 *
 * @param integratedLufs   gated integrated loudness, LUFS (BS.1770-4)
 * @param loudnessRangeLu  loudness range, LU (EBU Tech 3342)
 * @param maxMomentaryLufs highest 400 ms momentary loudness, LUFS
 * @param maxShortTermLufs highest 3 s short-term loudness, LUFS
 * @param truePeakDbtp     highest 4x-oversampled true peak over all channels, dBTP
 * @param samplePeakDbfs   highest absolute sample over all channels, dBFS
 * @param rmsDb            RMS of the whole signal (power mean over channels), dB; a full-scale sine is -3.01
 * @param crestDb          sample peak minus RMS, dB
 * @param correlation      stereo phase correlation of channels 0 and 1 over the whole signal, -1..+1; NaN (undefined) for mono
 * @param durationS        length in seconds
 */
public record AnalysisResult(double integratedLufs, double loudnessRangeLu, double maxMomentaryLufs,
        double maxShortTermLufs, double truePeakDbtp, double samplePeakDbfs, double rmsDb, double crestDb,
        double correlation, double durationS) {

    /** Peak-to-loudness ratio (true peak minus integrated loudness), LU; -inf when undefined. */
    public double plrDb() {
        return LevelMeter.plrDb(truePeakDbtp, integratedLufs);
    }
}
