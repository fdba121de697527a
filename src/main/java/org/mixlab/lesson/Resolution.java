package org.mixlab.lesson;

import java.util.OptionalDouble;

/**
 * What a selector resolved to in a session.
 *
 * @param status OK with a value, INACTIVE (switched off or bypassed), MISSING (no such strip/insert/send) or
 *               INVALID (the selector text is malformed)
 * @param value  the value when status is OK or INACTIVE (the stored setting), NaN otherwise
 * @param reason a learner-facing sentence explaining INACTIVE/MISSING/INVALID, empty when OK
 */
public record Resolution(Status status, double value, String reason) {

    /** Resolution outcomes. */
    public enum Status { OK, INACTIVE, MISSING, INVALID }

    /** An active value. */
    public static Resolution ok(double value) {
        return new Resolution(Status.OK, value, "");
    }

    /** A value that is stored but has no effect (switched-off band, bypassed insert). */
    public static Resolution inactive(double value, String reason) {
        return new Resolution(Status.INACTIVE, value, reason);
    }

    /** Nothing to read. */
    public static Resolution missing(String reason) {
        return new Resolution(Status.MISSING, Double.NaN, reason);
    }

    /** A malformed selector. */
    public static Resolution invalid(String reason) {
        return new Resolution(Status.INVALID, Double.NaN, reason);
    }

    /** True when the value is present and in effect. */
    public boolean isOk() {
        return status == Status.OK;
    }

    /** The value when it is in effect, else empty. */
    public OptionalDouble active() {
        return isOk() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
