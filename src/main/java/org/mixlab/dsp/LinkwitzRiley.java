package org.mixlab.dsp;

/**
 * A Linkwitz-Riley two-way crossover. LR4 cascades two 2nd-order Butterworth sections per band (24 dB/oct), LR8 two
 * 4th-order Butterworth filters per band (48 dB/oct). Both bands are in phase, so low + high is an all-pass: flat in
 * magnitude. Coefficients are recomputed in place; no allocation after construction.
 */
public final class LinkwitzRiley {
    /** Crossover steepness. */
    public enum Order {
        /** 24 dB/oct per band. */
        LR4,
        /** 48 dB/oct per band. */
        LR8
    }

    private final Biquad[] low = new Biquad[4];
    private final Biquad[] high = new Biquad[4];
    private int sections = 4;
    private Order order = Order.LR8;

    /** Creates a crossover keeping state for {@code channels} channels. */
    public LinkwitzRiley(int channels) {
        for (int i = 0; i < 4; i++) {
            low[i] = new Biquad(channels);
            high[i] = new Biquad(channels);
        }
    }

    /** Sets the crossover frequency and order; keeps the filter state (glides stay smooth). */
    public void setup(double sampleRate, double freqHz, Order newOrder) {
        order = newOrder;
        if (newOrder == Order.LR4) {
            sections = 2;
            double q = Biquad.butterworthQ(2, 0);
            for (int i = 0; i < 2; i++) {
                low[i].setLowpass(sampleRate, freqHz, q);
                high[i].setHighpass(sampleRate, freqHz, q);
            }
        } else {
            sections = 4;
            for (int i = 0; i < 4; i++) {
                double q = Biquad.butterworthQ(4, i % 2);
                low[i].setLowpass(sampleRate, freqHz, q);
                high[i].setHighpass(sampleRate, freqHz, q);
            }
        }
    }

    /** The order set last. */
    public Order order() {
        return order;
    }

    /**
     * Splits {@code len} samples of {@code in} starting at {@code from} (state of {@code channel}) into
     * {@code lowOut[0..len)} and {@code highOut[0..len)}.
     */
    public void split(float[] in, int from, float[] lowOut, float[] highOut, int channel, int len) {
        System.arraycopy(in, from, lowOut, 0, len);
        System.arraycopy(in, from, highOut, 0, len);
        for (int i = 0; i < sections; i++) {
            low[i].process(lowOut, channel, 0, len);
            high[i].process(highOut, channel, 0, len);
        }
    }

    /** Clears all filter state. */
    public void reset() {
        for (int i = 0; i < 4; i++) {
            low[i].reset();
            high[i].reset();
        }
    }

    /** Analytic magnitude of the low band at {@code freqHz}, in dB. */
    public double lowMagnitudeDb(double freqHz, double sampleRate) {
        double db = 0;
        for (int i = 0; i < sections; i++) {
            db += low[i].magnitudeDb(freqHz, sampleRate);
        }
        return db;
    }

    /** Analytic magnitude of the high band at {@code freqHz}, in dB. */
    public double highMagnitudeDb(double freqHz, double sampleRate) {
        double db = 0;
        for (int i = 0; i < sections; i++) {
            db += high[i].magnitudeDb(freqHz, sampleRate);
        }
        return db;
    }
}
