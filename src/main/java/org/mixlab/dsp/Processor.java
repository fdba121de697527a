package org.mixlab.dsp;

import java.util.List;

/**
 * A processor described by {@link ParamSpec}s: the unit of the mixer's insert slots and the session format.
 * <p>
 * {@link #setParameter(int, double)} is called on the audio thread (by the engine, once per block, for values the UI
 * changed); it clamps, stores and calls {@link #onParameterChanged(int, double)}, which only sets smoothing targets
 * or marks coefficients dirty: never allocates. The same class can also be used off the audio thread (by the UI, on
 * its own instance) to compute what to draw.
 */
public abstract class Processor implements AudioProcessor {
    private final ParamSpec[] specs;
    private final List<ParamSpec> specList;
    /** Current parameter values, in the units of their specs. */
    protected final double[] values;

    /** Creates the processor with the given parameters, each at its default. */
    protected Processor(List<ParamSpec> params) {
        this.specs = params.toArray(new ParamSpec[0]);
        this.specList = List.copyOf(params);
        this.values = new double[specs.length];
        for (int i = 0; i < specs.length; i++) {
            values[i] = specs[i].defaultValue();
        }
    }

    /** The type id used in session files, e.g. {@code "eq"}. */
    public abstract String typeId();

    /** Human-readable name, e.g. "Equalizer". */
    public abstract String displayName();

    /** This processor's parameters, in index order. */
    public final List<ParamSpec> params() {
        return specList;
    }

    /** Index of the parameter with this id, or -1. */
    public final int paramIndex(String id) {
        for (int i = 0; i < specs.length; i++) {
            if (specs[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets parameter {@code index}, clamped to its range (NaN becomes the default). Never allocates. */
    public final void setParameter(int index, double value) {
        double v = specs[index].clamp(value);
        if (v != values[index]) {
            values[index] = v;
            onParameterChanged(index, v);
        }
    }

    /** Sets a parameter by id; returns false when there is no such parameter. */
    public final boolean setParameter(String id, double value) {
        int i = paramIndex(id);
        if (i < 0) {
            return false;
        }
        setParameter(i, value);
        return true;
    }

    /** The current (target) value of parameter {@code index}. */
    public final double getParameter(int index) {
        return values[index];
    }

    /** The current value of the parameter with this id; throws when there is none. */
    public final double getParameter(String id) {
        int i = paramIndex(id);
        if (i < 0) {
            throw new IllegalArgumentException(typeId() + " has no parameter " + id);
        }
        return values[i];
    }

    /**
     * Called after a parameter changed (value already clamped and stored in {@link #values}). Set smoothing targets
     * or mark coefficients for recomputation here; never allocate.
     */
    protected abstract void onParameterChanged(int index, double value);

    /** True when a dry/wet mix control makes sense for this processor (the engine's insert slot provides it). */
    public boolean supportsMix() {
        return true;
    }

    /**
     * Dry/wet mix (0..1, default 1) a new insert of this type starts at on a track, bus or the master. Effects whose
     * output is 100 % wet start lower there, so adding one does not replace the dry sound; on an aux return every
     * insert starts at 1.
     */
    public double insertMixDefault() {
        return 1.0;
    }
}
