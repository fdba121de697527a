package org.mixlab.analysis;

/** Whole-signal (offline) analysis: runs every meter over a buffer and returns an {@link AnalysisResult}. */
public final class Analysis {
    /** Frames handed to the meters per call, as a real-time host would. */
    private static final int CHUNK = 4096;

    /** Input at least this long (seconds) measures true peak on a second thread. */
    private static final double PARALLEL_MIN_SECONDS = 10.0;

    private Analysis() {}

    private static void feed(TruePeakMeter meter, float[][] planar, int frames) {
        for (int pos = 0; pos < frames; pos += CHUNK) {
            meter.add(planar, pos, Math.min(CHUNK, frames - pos));
        }
    }

    /** Waits for {@code t} to finish; an interrupt is kept for the caller but does not abandon the result. */
    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Measures {@code planar} (1 to 8 channels of equal length, 5 = L R C Ls Rs, 6 = L R C LFE Ls Rs) at
     * {@code sampleRate} Hz (8,000 to 384,000): loudness, range, peaks, RMS, crest and stereo
     * correlation (NaN for mono).
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
        // The true-peak interpolation is the largest single cost; on long input it runs on a second thread while
        // this one does loudness, levels and correlation. Each meter is used by one thread only.
        Thread worker = null;
        if (frames >= PARALLEL_MIN_SECONDS * sampleRate && Runtime.getRuntime().availableProcessors() > 1) {
            worker = new Thread(() -> feed(truePeak, planar, frames), "mixlab-true-peak");
            worker.setDaemon(true);
            worker.start();
        }
        for (int pos = 0; pos < frames; pos += CHUNK) {
            int n = Math.min(CHUNK, frames - pos);
            loudness.add(planar, pos, n);
            if (worker == null) {
                truePeak.add(planar, pos, n);
            }
            level.add(planar, pos, n);
            correlation.add(left, right, pos, n);
        }
        if (worker != null) {
            joinUninterruptibly(worker);
        }
        double corr = channels == 1 ? Double.NaN : correlation.overallCorrelation();
        return new AnalysisResult(loudness.integratedLufs(), loudness.loudnessRangeLu(), loudness.maxMomentaryLufs(),
                loudness.maxShortTermLufs(), truePeak.truePeakDbtp(), level.samplePeakDbfs(), level.rmsDb(),
                level.crestFactorDb(), corr, frames / sampleRate);
    }
}
