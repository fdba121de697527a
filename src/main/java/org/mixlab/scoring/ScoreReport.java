package org.mixlab.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The grade of one submission: the weighted score, pass or fail, and every criterion's result.
 *
 * @param exerciseId the exercise graded
 * @param score      weighted mean of the criteria points, 0..100
 * @param passScore  the score needed to pass
 * @param criteria   each rubric line's result, in rubric order
 * @param notes      remarks about the submission itself (ignored tracks, cleared solos), possibly empty
 */
public record ScoreReport(String exerciseId, double score, double passScore, List<CriterionResult> criteria,
                          List<String> notes) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** True when the score reaches the pass mark. */
    public boolean passed() {
        return score >= passScore - 1e-9;
    }

    /** A criterion's result by id, or null. */
    public CriterionResult criterion(String id) {
        for (CriterionResult r : criteria) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Plain-text report: the score, then one line per criterion with its points and feedback. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %.0f / 100 (%s, pass mark %.0f)%n", exerciseId, score,
                passed() ? "passed" : "not passed yet", passScore));
        for (CriterionResult r : criteria) {
            b.append(String.format(Locale.ROOT, "  %3.0f  %-24s %s%n", r.points(), r.id(), r.feedback()));
        }
        for (String n : notes) {
            b.append("  note: ").append(n).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The report as JSON (undefined numbers are null). */
    public String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("exercise", exerciseId);
        put(o, "score", score);
        put(o, "passScore", passScore);
        o.put("passed", passed());
        ArrayNode a = o.putArray("criteria");
        for (CriterionResult r : criteria) {
            ObjectNode c = a.addObject();
            c.put("id", r.id());
            c.put("kind", r.kind());
            c.put("label", r.label());
            put(c, "weight", r.weight());
            put(c, "measured", r.measured());
            put(c, "reference", r.reference());
            put(c, "difference", r.difference());
            c.put("unit", r.unit());
            put(c, "points", r.points());
            c.put("feedback", r.feedback());
        }
        ArrayNode n = o.putArray("notes");
        notes.forEach(n::add);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written: " + e.getOriginalMessage(), e);
        }
    }

    private static void put(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) {
            o.put(k, Math.rint(v * 100) / 100);
        } else {
            o.putNull(k);
        }
    }
}
