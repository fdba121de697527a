package org.mixlab.ui.editor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.DoubleUnaryOperator;
import org.mixlab.dsp.Processor;

/**
 * The one adapter between processors and the curve views. It finds the agreed drawing methods by name and
 * signature ({@code magnitudeDb(double[], double[])} on the EQ, {@code staticCurveDb(double)} on the compressor,
 * {@code transfer(double)} on saturation), so the editors work with the processors the other helpers are writing
 * and with test fakes. Once EqProcessor, CompressorProcessor and SaturationProcessor are on main this can become
 * three {@code instanceof} checks.
 */
public final class ProcessorCurves {
    private ProcessorCurves() {}

    /** The EQ's magnitude response, or null when {@code p} has no {@code magnitudeDb(double[], double[])}. */
    public static CurveSource eqCurve(Processor p) {
        MethodHandle h = find(p, "magnitudeDb", MethodType.methodType(void.class, double[].class, double[].class));
        if (h == null) {
            return null;
        }
        return (f, out) -> {
            try {
                h.invoke(p, f, out);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    /** The compressor's static curve (input dB to output dB), or null. */
    public static DoubleUnaryOperator compressorCurve(Processor p) {
        return scalar(p, "staticCurveDb");
    }

    /** The saturation transfer curve (input sample to output sample), or null. */
    public static DoubleUnaryOperator saturationTransfer(Processor p) {
        return scalar(p, "transfer");
    }

    private static DoubleUnaryOperator scalar(Processor p, String name) {
        MethodHandle h = find(p, name, MethodType.methodType(double.class, double.class));
        if (h == null) {
            return null;
        }
        return x -> {
            try {
                return (double) h.invoke(p, x);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    private static MethodHandle find(Processor p, String name, MethodType type) {
        if (p == null) {
            return null;
        }
        try {
            return MethodHandles.publicLookup().findVirtual(p.getClass(), name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
