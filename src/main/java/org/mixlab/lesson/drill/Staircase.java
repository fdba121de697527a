package org.mixlab.lesson.drill;

/**
 * A transformed up-down staircase (Levitt 1971): two correct answers in a row make the task harder (the level
 * moves down by one step), one wrong answer makes it easier (up by one step). This rule converges on the level
 * answered correctly 70.7 % of the time. The step halves after every second reversal, down to a minimum; the
 * threshold estimate is the mean level at the last four reversals. Not thread-safe; allocation-free per trial.
 */
public final class Staircase {
    private final double minStep;
    private final double minLevel;
    private final double maxLevel;
    private final int maxReversals;
    private final int maxTrials;
    private final double[] reversalLevels;

    private double level;
    private double step;
    private int correctRun;
    private int lastDirection;
    private int reversals;
    private int trials;

    /**
     * Creates a staircase.
     *
     * @param startLevel   first level presented (for example a 9 dB boost), clamped to [minLevel, maxLevel]
     * @param startStep    first step size, > 0
     * @param minStep      smallest step size after halving, > 0 and <= startStep
     * @param minLevel     lowest level (hardest), e.g. 0.25 dB
     * @param maxLevel     highest level (easiest)
     * @param maxReversals stop after this many reversals, 4 or more (typically 8-12)
     * @param maxTrials    stop after this many trials at the latest, 1 or more (typically 40-60)
     */
    public Staircase(double startLevel, double startStep, double minStep, double minLevel, double maxLevel,
                     int maxReversals, int maxTrials) {
        if (!(startStep > 0) || !(minStep > 0) || minStep > startStep) {
            throw new IllegalArgumentException("steps must satisfy 0 < minStep <= startStep, got " + minStep
                    + " and " + startStep);
        }
        if (!(minLevel < maxLevel)) {
            throw new IllegalArgumentException("minLevel must be below maxLevel");
        }
        if (maxReversals < 4 || maxTrials < 1) {
            throw new IllegalArgumentException("need at least 4 reversals and 1 trial");
        }
        this.minStep = minStep;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.maxReversals = maxReversals;
        this.maxTrials = maxTrials;
        this.reversalLevels = new double[maxReversals];
        this.level = Math.max(minLevel, Math.min(maxLevel, startLevel));
        this.step = startStep;
    }

    /** The level to present on the next trial. */
    public double level() {
        return level;
    }

    /** The current step size. */
    public double step() {
        return step;
    }

    /** Trials answered so far. */
    public int trials() {
        return trials;
    }

    /** Reversals so far. */
    public int reversals() {
        return reversals;
    }

    /** True when the reversal or trial limit is reached. */
    public boolean isFinished() {
        return reversals >= maxReversals || trials >= maxTrials;
    }

    /** Records the answer to the trial at {@link #level()} and moves the level; ignored once finished. */
    public void record(boolean correct) {
        if (isFinished()) {
            return;
        }
        trials++;
        int direction = 0;
        if (correct) {
            correctRun++;
            if (correctRun == 2) {
                correctRun = 0;
                direction = -1;
            }
        } else {
            correctRun = 0;
            direction = 1;
        }
        if (direction == 0) {
            return;
        }
        if (lastDirection != 0 && direction != lastDirection) {
            reversalLevels[reversals] = level;
            reversals++;
            if (reversals % 2 == 0) {
                step = Math.max(minStep, step / 2);
            }
        }
        lastDirection = direction;
        level = Math.max(minLevel, Math.min(maxLevel, level + direction * step));
    }

    /** The level at reversal {@code i} (0-based). */
    public double reversalLevel(int i) {
        if (i < 0 || i >= reversals) {
            throw new IndexOutOfBoundsException("reversal " + i + " of " + reversals);
        }
        return reversalLevels[i];
    }

    /**
     * The threshold estimate: the mean level at the last four reversals (fewer if there are fewer), or the
     * current level when there has been no reversal yet.
     */
    public double threshold() {
        if (reversals == 0) {
            return level;
        }
        int n = Math.min(4, reversals);
        double sum = 0;
        for (int i = reversals - n; i < reversals; i++) {
            sum += reversalLevels[i];
        }
        return sum / n;
    }
}
