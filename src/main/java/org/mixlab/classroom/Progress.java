package org.mixlab.classroom;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One student's progress (file {@code progress.json}, format "mixlab-progress" version 1): lesson steps completed per
 * pack, the current threshold of each ear-training drill type, and the best score and attempt count per exercise.
 * Timestamps are ISO-8601 UTC strings. Plain data: not thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Progress {
    /** The format tag, always "mixlab-progress". */
    public String format = "mixlab-progress";
    /** Format version, 1. */
    public int version = 1;
    /** When this progress was first created. */
    public String createdAt;
    /** When anything last changed. */
    public String updatedAt;
    /** Completed steps per lesson pack id: step id to completion time. */
    public Map<String, Map<String, String>> lessons = new TreeMap<>();
    /** Drill state per drill type id (e.g. "eq-band", "level-difference"). */
    public Map<String, Drill> drills = new TreeMap<>();
    /** Exercise results per exercise id. */
    public Map<String, ExerciseResult> exercises = new TreeMap<>();

    /** The adaptive threshold reached in one drill type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Drill {
        /** Current threshold in the drill's own unit (e.g. dB or octaves); finite. */
        public double threshold;
        /** Trials answered so far, 0 or more. */
        public int trials;
        /** When the threshold last changed. */
        public String updatedAt;
    }

    /** Best score and attempts for one exercise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ExerciseResult {
        /** Best score so far, 0 to 100; null before the first graded attempt. */
        public Double bestScore;
        /** Attempts submitted or graded so far, 0 or more. */
        public int attempts;
        /** Time of the first attempt. */
        public String firstAttemptAt;
        /** Time of the latest attempt. */
        public String lastAttemptAt;
        /** Time the best score was reached. */
        public String bestAt;
    }

    /** Creates empty progress stamped with {@code now}. */
    public static Progress empty(Instant now) {
        Progress p = new Progress();
        p.createdAt = now.toString();
        p.updatedAt = p.createdAt;
        return p;
    }

    /** Marks a lesson step completed (keeps the first completion time). */
    public void completeStep(String packId, String stepId, Instant now) {
        lessons.computeIfAbsent(packId, k -> new TreeMap<>()).putIfAbsent(stepId, now.toString());
        updatedAt = now.toString();
    }

    /** True when the step of the pack was completed. */
    public boolean isStepCompleted(String packId, String stepId) {
        Map<String, String> m = lessons.get(packId);
        return m != null && m.containsKey(stepId);
    }

    /** The ids of the pack's completed steps (empty when none). */
    @JsonIgnore
    public Set<String> completedSteps(String packId) {
        Map<String, String> m = lessons.get(packId);
        return m == null ? Set.of() : Set.copyOf(m.keySet());
    }

    /** Records a drill type's new threshold after one more trial. */
    public void updateDrill(String drillType, double threshold, Instant now) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("drill '" + drillType + "': threshold must be a finite number");
        }
        Drill d = drills.computeIfAbsent(drillType, k -> new Drill());
        d.threshold = threshold;
        d.trials++;
        d.updatedAt = now.toString();
        updatedAt = d.updatedAt;
    }

    /** The drill type's current threshold, or empty before its first trial. */
    public OptionalDouble drillThreshold(String drillType) {
        Drill d = drills.get(drillType);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d.threshold);
    }

    /** The attempt number the next submission of the exercise gets (1 for the first). */
    public int nextAttempt(String exerciseId) {
        ExerciseResult r = exercises.get(exerciseId);
        return r == null ? 1 : r.attempts + 1;
    }

    /**
     * Records a graded attempt.
     *
     * @param score 0 to 100
     * @return the attempt's number (1 for the first)
     */
    public int recordAttempt(String exerciseId, double score, Instant now) {
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("exercise '" + exerciseId + "': score " + score + " is not 0..100");
        }
        ExerciseResult r = exercises.computeIfAbsent(exerciseId, k -> new ExerciseResult());
        r.attempts++;
        String t = now.toString();
        if (r.firstAttemptAt == null) {
            r.firstAttemptAt = t;
        }
        r.lastAttemptAt = t;
        if (r.bestScore == null || score > r.bestScore) {
            r.bestScore = score;
            r.bestAt = t;
        }
        updatedAt = t;
        return r.attempts;
    }

    /** The exercise's best score, or empty before the first attempt. */
    public OptionalDouble bestScore(String exerciseId) {
        ExerciseResult r = exercises.get(exerciseId);
        return r == null || r.bestScore == null ? OptionalDouble.empty() : OptionalDouble.of(r.bestScore);
    }

    /** The first problem that makes this progress unusable, one line, or null when it is consistent. */
    public String problem() {
        if (lessons == null || drills == null || exercises == null) {
            return "lessons, drills and exercises must be present";
        }
        String bad = time("createdAt", createdAt, true);
        if (bad == null) {
            bad = time("updatedAt", updatedAt, true);
        }
        if (bad != null) {
            return bad;
        }
        for (var e : lessons.entrySet()) {
            if (e.getKey().isBlank() || e.getValue() == null) {
                return "lessons: empty pack id or missing steps";
            }
            for (var s : e.getValue().entrySet()) {
                String t = time("lessons." + e.getKey() + "." + s.getKey(), s.getValue(), true);
                if (t != null) {
                    return t;
                }
            }
        }
        for (var e : drills.entrySet()) {
            Drill d = e.getValue();
            if (d == null || !Double.isFinite(d.threshold) || d.trials < 0) {
                return "drills." + e.getKey() + ": threshold must be finite and trials 0 or more";
            }
        }
        for (var e : exercises.entrySet()) {
            ExerciseResult r = e.getValue();
            if (r == null || r.attempts < 0) {
                return "exercises." + e.getKey() + ": attempts must be 0 or more";
            }
            if (r.bestScore != null && !(r.bestScore >= 0 && r.bestScore <= 100)) {
                return "exercises." + e.getKey() + ": best score " + r.bestScore + " is not 0..100";
            }
            String t = time("exercises." + e.getKey() + ".lastAttemptAt", r.lastAttemptAt, false);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String time(String field, String v, boolean required) {
        if (v == null) {
            return required ? field + ": missing timestamp" : null;
        }
        try {
            Instant.parse(v);
            return null;
        } catch (DateTimeParseException e) {
            return field + ": '" + v + "' is not an ISO-8601 time";
        }
    }
}
