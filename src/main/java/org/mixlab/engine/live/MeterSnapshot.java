package org.mixlab.engine.live;

/**
 * The master meters at one moment, copied out of the audio thread's double buffer by {@link MixEngine#readMeters}.
 * Owned and reused by the reader (the UI thread); plain fields. Levels are -inf when silent or undefined.
 */
public final class MeterSnapshot {
    /** Number of goniometer points held, at most {@link #GONIO_CAPACITY}. */
    public static final int GONIO_CAPACITY = 1024;

    /** Sample peak per channel over the last UI frame, dBFS. */
    public final double[] peakDbfs = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    /** RMS per channel over a 300 ms window, dBFS (full-scale sine = -3.01). */
    public final double[] rmsDb = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    /** Highest true peak since playback started (or reset), dBTP. */
    public double truePeakDbtp = Double.NEGATIVE_INFINITY;
    /** Momentary loudness (400 ms), LUFS. */
    public double momentaryLufs = Double.NEGATIVE_INFINITY;
    /** Short-term loudness (3 s), LUFS. */
    public double shortTermLufs = Double.NEGATIVE_INFINITY;
    /** Integrated loudness since reset, LUFS. */
    public double integratedLufs = Double.NEGATIVE_INFINITY;
    /** Loudness range since reset, LU. */
    public double loudnessRangeLu;
    /** Stereo correlation, -1 to +1. */
    public double correlation;
    /** Goniometer points: mid (x) and side (y) sample pairs, {@link #gonioCount} valid. */
    public final float[] gonioMid = new float[GONIO_CAPACITY];
    /** Side values paired with {@link #gonioMid}. */
    public final float[] gonioSide = new float[GONIO_CAPACITY];
    /** Valid goniometer points. */
    public int gonioCount;
    /** Playback position in seconds when the snapshot was taken. */
    public double positionS;
    /** Source being heard. */
    public Source source = Source.MIX;
}
