package org.mixlab.engine.graph;

/** Pan laws for a mono source: the level each side gets at a pan position, and balance for stereo sources. */
public final class PanLaw {
    private PanLaw() {}

    /** Constant power: each side -3 dB at centre. */
    public static final int MINUS_3 = 0;
    /** Compromise: each side -4.5 dB at centre. */
    public static final int MINUS_4_5 = 1;
    /** Constant voltage (linear): each side -6 dB at centre. */
    public static final int MINUS_6 = 2;
    /** Balance: centre at unity on both sides, the far side turned down as the pan moves. */
    public static final int ZERO = 3;

    /** Left gain of a mono source at {@code pan} (-100..100 %) under {@code law}. */
    public static double left(double pan, int law) {
        return right(-pan, law);
    }

    /** Right gain of a mono source at {@code pan} (-100..100 %) under {@code law}. */
    public static double right(double pan, int law) {
        double p = Math.max(-1, Math.min(1, pan / 100.0));
        double theta = (p + 1) * Math.PI / 4;
        switch (law) {
            case MINUS_4_5:
                return Math.sqrt(Math.sin(theta) * (1 + p) / 2);
            case MINUS_6:
                return (1 + p) / 2;
            case ZERO:
                return Math.min(1, 1 + p);
            default:
                return Math.sin(theta);
        }
    }

    /** Left gain of a stereo source (balance) at {@code pan}: unity until the pan moves right. */
    public static double balanceLeft(double pan) {
        double p = Math.max(-1, Math.min(1, pan / 100.0));
        return Math.min(1, 1 - p);
    }

    /** Right gain of a stereo source (balance) at {@code pan}. */
    public static double balanceRight(double pan) {
        double p = Math.max(-1, Math.min(1, pan / 100.0));
        return Math.min(1, 1 + p);
    }
}
