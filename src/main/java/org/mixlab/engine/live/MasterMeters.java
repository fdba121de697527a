package org.mixlab.engine.live;

import java.util.concurrent.atomic.AtomicBoolean;
import org.mixlab.analysis.CorrelationMeter;
import org.mixlab.analysis.LevelMeter;
import org.mixlab.analysis.LoudnessMeter;
import org.mixlab.analysis.TruePeakMeter;
import org.mixlab.dsp.DspMath;

/**
 * The master meters on the audio thread, published to the UI through a snapshot hand-off: the audio thread fills
 * its own {@link MeterSnapshot} only when the UI has taken the previous one (a volatile "ready" flag), so neither
 * side ever waits and nothing is allocated after construction.
 */
final class MasterMeters {
    private final LoudnessMeter loudness;
    private final TruePeakMeter truePeak;
    private final LevelMeter level;
    private final CorrelationMeter correlation;
    private final float[][] planar;
    private final MeterSnapshot shared = new MeterSnapshot();
    private volatile boolean ready;
    private final AtomicBoolean resetRequested = new AtomicBoolean();
    private final float[] peak = new float[2];
    private final float[] gonioMid = new float[MeterSnapshot.GONIO_CAPACITY];
    private final float[] gonioSide = new float[MeterSnapshot.GONIO_CAPACITY];
    private int gonioPos;

    MasterMeters(double sampleRate, int maxBlock) {
        loudness = new LoudnessMeter(2, sampleRate);
        truePeak = new TruePeakMeter(2, sampleRate);
        level = new LevelMeter(2, sampleRate, 300);
        correlation = new CorrelationMeter(sampleRate, 300);
        planar = new float[2][];
    }

    /** Any thread: asks the audio thread to restart integrated loudness, LRA and the true-peak hold. */
    void requestReset() {
        resetRequested.set(true);
    }

    /** Audio thread: measures {@code n} frames of l/r from {@code offset}, then publishes if the UI is ready. */
    void add(float[] l, float[] r, int offset, int n, double positionS, Source source) {
        if (resetRequested.getAndSet(false)) {
            loudness.reset();
            truePeak.reset();
            level.reset();
            correlation.reset();
        }
        planar[0] = l;
        planar[1] = r;
        loudness.add(planar, offset, n);
        truePeak.add(planar, offset, n);
        level.add(planar, offset, n);
        correlation.add(l, r, offset, n);
        for (int i = offset; i < offset + n; i++) {
            float al = Math.abs(l[i]);
            float ar = Math.abs(r[i]);
            if (al > peak[0]) {
                peak[0] = al;
            }
            if (ar > peak[1]) {
                peak[1] = ar;
            }
            if ((i & 1) == 0) {
                gonioMid[gonioPos] = 0.70710677f * (l[i] + r[i]);
                gonioSide[gonioPos] = 0.70710677f * (l[i] - r[i]);
                gonioPos = (gonioPos + 1) % gonioMid.length;
            }
        }
        if (!ready) {
            MeterSnapshot s = shared;
            s.peakDbfs[0] = DspMath.gainToDb(peak[0]);
            s.peakDbfs[1] = DspMath.gainToDb(peak[1]);
            s.rmsDb[0] = level.windowRmsDb(0);
            s.rmsDb[1] = level.windowRmsDb(1);
            s.truePeakDbtp = truePeak.truePeakDbtp();
            s.momentaryLufs = loudness.momentaryLufs();
            s.shortTermLufs = loudness.shortTermLufs();
            s.integratedLufs = loudness.integratedLufs();
            s.loudnessRangeLu = loudness.loudnessRangeLu();
            s.correlation = correlation.correlation();
            int count = gonioMid.length;
            for (int k = 0; k < count; k++) {
                int idx = (gonioPos + k) % count;
                s.gonioMid[k] = gonioMid[idx];
                s.gonioSide[k] = gonioSide[idx];
            }
            s.gonioCount = count;
            s.positionS = positionS;
            s.source = source;
            peak[0] = 0;
            peak[1] = 0;
            ready = true;
        }
    }

    /** UI thread: copies the latest snapshot into {@code into} if a new one is ready; returns whether it did. */
    boolean read(MeterSnapshot into) {
        if (!ready) {
            return false;
        }
        MeterSnapshot s = shared;
        into.peakDbfs[0] = s.peakDbfs[0];
        into.peakDbfs[1] = s.peakDbfs[1];
        into.rmsDb[0] = s.rmsDb[0];
        into.rmsDb[1] = s.rmsDb[1];
        into.truePeakDbtp = s.truePeakDbtp;
        into.momentaryLufs = s.momentaryLufs;
        into.shortTermLufs = s.shortTermLufs;
        into.integratedLufs = s.integratedLufs;
        into.loudnessRangeLu = s.loudnessRangeLu;
        into.correlation = s.correlation;
        System.arraycopy(s.gonioMid, 0, into.gonioMid, 0, s.gonioCount);
        System.arraycopy(s.gonioSide, 0, into.gonioSide, 0, s.gonioCount);
        into.gonioCount = s.gonioCount;
        into.positionS = s.positionS;
        into.source = s.source;
        ready = false;
        return true;
    }
}
