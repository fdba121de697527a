package org.mixlab.analysis;

/** Whole-signal (offline) analysis: runs every meter over a buffer and returns an {@link AnalysisResult}. */
public final class Analysis {
    /** Frames handed to the meters per call, as a real-time host would. */
    private static final int CHUNK = 4096;

    private Analysis() {}

    /**
     * Measures {@code planar} (1 to 8 channels of equal length, 5 = L R C Ls Rs, 6 = L R C LFE Ls Rs) at
     * {@code sampleRate} Hz (8,000 to 384,000): loudness, range, peaks, RMS, crest and stereo correlation (NaN for mono).
     *
     * @throws IllegalArgumentException with a one-line message when the input is empty, ragged or the rate is bad
     */
    public static AnalysisResult analyze(float[][] planar, double sampleRate) {
        if (planar == null || planar.length == 0) {
            throw new IllegalArgumentException("analysis needs at least one channel of audio");
        }
        if (planar.length > 8) {
            throw new IllegalArgumentException("analysis supports 1 to 8 channels, got " + planar.length);
        }
        if (!(sampleRate >= 8_000 && sampleRate <= 384_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8,000 to 384,000 Hz");
        }
        int frames = planar[0] == null ? -1 : planar[0].length;
        for (int c = 0; c < planar.length; c++) {
            if (planar[c] == null || planar[c].length != frames) {
                throw new IllegalArgumentException("channel " + c + " is missing or not the same length as channel 0");
            }
        }
        int channels = planar.length;
        LoudnessMeter loudness = new LoudnessMeter(channels, sampleRate);
        TruePeakMeter truePeak = new TruePeakMeter(channels, sampleRate);
        LevelMeter level = new LevelMeter(channels, sampleRate);
        CorrelationMeter correlation = new CorrelationMeter(sampleRate);
        float[] left = planar[0];
        float[] right = channels > 1 ? planar[1] : planar[0];
        for (int pos = 0; pos < frames; pos += CHUNK) {
            int n = Math.min(CHUNK, frames - pos);
            loudness.add(planar, pos, n);
            truePeak.add(planar, pos, n);
            level.add(planar, pos, n);
            correlation.add(left, right, pos, n);
        }
        double corr = channels == 1 ? Double.NaN : correlation.overallCorrelation();
        return new AnalysisResult(loudness.integratedLufs(), loudness.loudnessRangeLu(), loudness.maxMomentaryLufs(),
                loudness.maxShortTermLufs(), truePeak.truePeakDbtp(), level.samplePeakDbfs(), level.rmsDb(),
                level.crestFactorDb(), corr, frames / sampleRate);
    }
}
