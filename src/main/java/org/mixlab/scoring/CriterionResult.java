package org.mixlab.scoring;

/**
 * How one rubric line went.
 *
 * @param id         the criterion id
 * @param kind       the criterion kind's file name, e.g. "setting"
 * @param label      plain words naming what was graded, e.g. "the bass fader"
 * @param weight     the criterion's weight
 * @param measured   the submission's value (NaN when the setting is not in use)
 * @param reference  the value aimed at: the reference's, the target, or the limit crossed (NaN when none)
 * @param difference the graded difference on the criterion's scale (NaN when not comparable)
 * @param unit       unit of measured and reference values, e.g. "dB", "Hz", "LUFS"
 * @param points     0..100
 * @param feedback   one plain sentence: what to change and by how much, or that it is right
 */
public record CriterionResult(String id, String kind, String label, double weight, double measured, double reference,
                              double difference, String unit, double points, String feedback) {
}
