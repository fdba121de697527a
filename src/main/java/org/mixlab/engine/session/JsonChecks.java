package org.mixlab.engine.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;
import java.util.function.DoubleFunction;

/**
 * Field checks shared by the JSON file validators (sessions, exercises): each reads one field of an object, reports
 * a one-line problem as (JSON path, what is wrong) to the sink, and returns the value or a "nothing usable" marker.
 */
public final class JsonChecks {
    private final BiConsumer<String, String> problems;
    private final DoubleFunction<String> numberFormat;

    /**
     * Checks that report to {@code problems} (JSON path such as "$.tracks[0].gainDb", then the problem) and write
     * numbers in messages with {@code numberFormat}.
     */
    public JsonChecks(BiConsumer<String, String> problems, DoubleFunction<String> numberFormat) {
        this.problems = problems;
        this.numberFormat = numberFormat;
    }

    /** The list at {@code n.field} (path {@code p.field}); null, reported if required, when absent or not a list. */
    public JsonNode array(JsonNode n, String p, String field, boolean required) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            if (required) {
                problems.accept(p + "." + field, "missing");
            }
            return null;
        }
        if (!a.isArray()) {
            problems.accept(p + "." + field, "must be a list");
            return null;
        }
        return a;
    }

    /** The non-blank string at {@code n.field}; null, reported if required or present but wrong, otherwise. */
    public String text(JsonNode n, String p, String field, boolean required) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            if (required) {
                problems.accept(p + "." + field, "missing");
            }
            return null;
        }
        if (!a.isTextual() || a.asText().isBlank()) {
            problems.accept(p + "." + field, "must be a non-empty string");
            return null;
        }
        return a.asText();
    }

    /** Reports {@code n.field} when present but not true or false (a JSON boolean). */
    public void flag(JsonNode n, String p, String field) {
        JsonNode a = n.get(field);
        if (a != null && !a.isNull() && !a.isBoolean()) {
            problems.accept(p + "." + field, "must be true or false");
        }
    }

    /** Reports {@code n.field} when present but not a string (an empty string is allowed). */
    public void string(JsonNode n, String p, String field) {
        JsonNode a = n.get(field);
        if (a != null && !a.isNull() && !a.isTextual()) {
            problems.accept(p + "." + field, "must be a string");
        }
    }

    /**
     * The number at {@code n.field}, reported when outside min..max but still returned; NaN (reported if required or
     * present but not a number) when there is no number.
     */
    public double number(JsonNode n, String p, String field, double min, double max, boolean required) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            if (required) {
                problems.accept(p + "." + field, "missing");
            }
            return Double.NaN;
        }
        if (!a.isNumber()) {
            problems.accept(p + "." + field, "must be a number");
            return Double.NaN;
        }
        double v = a.asDouble();
        if (!(v >= min && v <= max)) {
            problems.accept(p + "." + field, numberFormat.apply(v) + " is outside " + numberFormat.apply(min) + " to "
                    + numberFormat.apply(max));
        }
        return v;
    }

    /** Like {@link #number} but null for anything reported (absent, not a number, or outside min..max). */
    public Double numberInRange(JsonNode n, String p, String field, double min, double max, boolean required) {
        double v = number(n, p, field, min, max, required);
        JsonNode a = n.get(field);
        return a != null && a.isNumber() && v >= min && v <= max ? v : null;
    }
}
