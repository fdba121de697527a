package org.mixlab.ui.widgets;

import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleConsumer;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Taper;

/**
 * The value behind a control: a {@link ParamSpec} (range, taper, default, formatting) and the current value.
 * Listeners hear every change made through {@link #setValue(double)}; {@link #setValueQuietly} updates the display
 * without telling them (used when the engine's model changed the value).
 */
public final class ParamModel {
    /** Size of a keyboard or wheel step. */
    public enum Step {
        /** Shift + arrow: a tenth of a normal step. */
        FINE,
        /** Arrow keys and one wheel notch. */
        NORMAL,
        /** Page Up / Page Down: ten normal steps. */
        COARSE
    }

    private final ParamSpec spec;
    private double value;
    private final CopyOnWriteArrayList<DoubleConsumer> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> viewListeners = new CopyOnWriteArrayList<>();

    /** A model at the spec's default value. */
    public ParamModel(ParamSpec spec) {
        this(spec, spec.defaultValue());
    }

    /** A model at {@code value} (clamped). */
    public ParamModel(ParamSpec spec, double value) {
        this.spec = spec;
        this.value = spec.clamp(value);
    }

    /** The parameter description. */
    public ParamSpec spec() {
        return spec;
    }

    /** The current value in the spec's unit. */
    public double value() {
        return value;
    }

    /** Sets the value (clamped) and, when it changed, tells the listeners. */
    public void setValue(double v) {
        double c = spec.clamp(v);
        if (c == value) {
            return;
        }
        value = c;
        for (DoubleConsumer l : listeners) {
            l.accept(c);
        }
        fireView();
    }

    /** Sets the value (clamped) without telling the value listeners; the view repaints. */
    public void setValueQuietly(double v) {
        double c = spec.clamp(v);
        if (c != value) {
            value = c;
            fireView();
        }
    }

    /** Control travel 0..1 of the current value. */
    public double normalized() {
        return spec.toNormalized(value);
    }

    /** Sets the value from control travel 0..1. */
    public void setNormalized(double t) {
        setValue(spec.fromNormalized(t));
    }

    /** Resets to the spec's default (double-click). */
    public void reset() {
        setValue(spec.defaultValue());
    }

    /** Moves by {@code direction} (+1 / -1) steps of the given size. */
    public void step(int direction, Step size) {
        int mult = size == Step.COARSE ? 10 : 1;
        switch (spec.taper()) {
            case CHOICE:
            case TOGGLE:
                setValue(value + direction);
                return;
            case FADER: {
                double stepDb = size == Step.FINE ? 0.1 : size == Step.COARSE ? 6.0 : 0.5;
                if (value <= ParamSpec.FADER_FLOOR_DB) {
                    setValue(direction > 0 ? ParamSpec.FADER_FLOOR_DB + stepDb : spec.min());
                } else {
                    double next = value + direction * stepDb;
                    setValue(next < ParamSpec.FADER_FLOOR_DB ? spec.min() : snap(next, 0.1));
                }
                return;
            }
            case LOG:
                setNormalized(normalized() + direction * (size == Step.FINE ? 0.002 : 0.01 * mult));
                return;
            default: {
                double range = spec.max() - spec.min();
                double s = size == Step.FINE ? range / 1000 : range / 100 * mult;
                setValue(value + direction * s);
            }
        }
    }

    private static double snap(double v, double step) {
        double inv = Math.rint(1 / step);
        return Math.rint(v * inv) / inv;
    }

    /** The value formatted with its unit ("-6.0 dB", "1.20 kHz", "-inf dB", "C", "L 30"). */
    public String formatted() {
        return format(value);
    }

    /** Formats {@code v} the way this control shows it. */
    public String format(double v) {
        if (spec.taper() == Taper.FADER && v <= spec.min()) {
            return "-inf dB";
        }
        if ("pan".equals(spec.id())) {
            long p = Math.round(v);
            return p == 0 ? "C" : p < 0 ? "L " + (-p) : "R " + p;
        }
        if (spec.taper() == Taper.FADER || ("dB".equals(spec.unit()) && spec.taper() == Taper.LINEAR)) {
            return String.format(Locale.ROOT, "%+.1f dB", v).replace("+0.0", "0.0").replace("-0.0", "0.0");
        }
        if (":1".equals(spec.unit())) {
            return v >= spec.max() && spec.max() >= 100 ? "inf:1" : String.format(Locale.ROOT, "%.1f:1", v);
        }
        return spec.format(v);
    }

    /** Parses typed text into a value in range; throws IllegalArgumentException with a readable message. */
    public double parse(String text) {
        return ValueParser.parse(spec, text);
    }

    /** Adds a listener that hears each new value set by the user. */
    public void addValueListener(DoubleConsumer l) {
        listeners.add(l);
    }

    /** Removes a value listener. */
    public void removeValueListener(DoubleConsumer l) {
        listeners.remove(l);
    }

    /** Adds a listener told about every change, quiet or not (views repaint from it). */
    public void addViewListener(Runnable r) {
        viewListeners.add(r);
    }

    private void fireView() {
        for (Runnable r : viewListeners) {
            r.run();
        }
    }
}
