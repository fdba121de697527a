package org.mixlab.ui.editor;

/** Something that can tell the magnitude response of its current settings (the EQ). */
@FunctionalInterface
public interface CurveSource {
    /** Fills {@code outDb[i]} with the gain in dB at {@code freqsHz[i]}. */
    void magnitudeDb(double[] freqsHz, double[] outDb);
}
