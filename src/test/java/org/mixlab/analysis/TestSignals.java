package org.mixlab.analysis;

import java.util.Random;

/** Generators for the synthesizable EBU Tech 3341/3342 test signals and other known-answer inputs. */
final class TestSignals {
    private TestSignals() {}

    /**
     * A 1 kHz sine (continuous phase) in every one of {@code channels} channels, made of segments: {@code levels[i]}
     * dBFS peak for {@code seconds[i]} s each; a level of -inf gives silence.
     */
    static float[][] sineSegments(int channels, double sampleRate, double freqHz, double[] levelsDbfs, double[] seconds) {
        int total = 0;
        for (double s : seconds) {
            total += (int) Math.round(s * sampleRate);
        }
        float[][] out = new float[channels][total];
        int pos = 0;
        for (int seg = 0; seg < levelsDbfs.length; seg++) {
            int n = (int) Math.round(seconds[seg] * sampleRate);
            double amp = Math.pow(10, levelsDbfs[seg] / 20);
            for (int i = 0; i < n; i++, pos++) {
                float v = (float) (amp * Math.sin(2 * Math.PI * freqHz * pos / sampleRate));
                for (int c = 0; c < channels; c++) {
                    out[c][pos] = v;
                }
            }
        }
        return out;
    }

    /** Stereo 1 kHz sine at 48 kHz made of segments (see {@link #sineSegments}). */
    static float[][] stereo(double[] levelsDbfs, double[] seconds) {
        return sineSegments(2, 48_000, 1000, levelsDbfs, seconds);
    }

    /** One channel of a sine of amplitude {@code amp}, frequency {@code freqHz} and start phase {@code phaseRad}. */
    static float[] sine(int frames, double sampleRate, double freqHz, double amp, double phaseRad) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / sampleRate + phaseRad));
        }
        return x;
    }

    /** Gaussian white noise with the given RMS, seeded for reproducibility. */
    static float[] whiteNoise(int frames, double rms, long seed) {
        Random r = new Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (rms * r.nextGaussian());
        }
        return x;
    }

    /** Repeats {@code pattern} (a list of level/duration pairs) {@code times} times. */
    static double[][] repeat(double[] levels, double[] seconds, int times) {
        double[] l = new double[levels.length * times];
        double[] s = new double[seconds.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(levels, 0, l, t * levels.length, levels.length);
            System.arraycopy(seconds, 0, s, t * seconds.length, seconds.length);
        }
        return new double[][] {l, s};
    }
}
