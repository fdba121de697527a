package org.mixlab.lesson;

/**
 * The outcome of one check.
 *
 * @param status  PASSED, FAILED, INACTIVE (the setting is there but switched off/bypassed), MISSING (no such
 *                strip/insert), NOT_MEASURED (an audio check without measurements yet) or ERROR (bad check)
 * @param value   the measured or resolved number, NaN when there is none
 * @param message one learner-facing line saying what to change (or confirming success)
 */
public record CheckResult(Status status, double value, String message) {

    /** Check outcomes. */
    public enum Status { PASSED, FAILED, INACTIVE, MISSING, NOT_MEASURED, ERROR }

    /** True only for PASSED. */
    public boolean passed() {
        return status == Status.PASSED;
    }
}
