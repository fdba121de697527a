package org.mixlab.scoring;

import java.nio.file.Path;
import java.util.List;
import org.mixlab.engine.session.Session;

/**
 * A graded exercise, loaded and validated by {@link ExerciseLoader} (docs/exercise-format.md).
 *
 * @param id                      identifier, the folder name, e.g. "balance-1"
 * @param title                   title shown in the exercise list
 * @param tool                    balance, pan, tone, dynamics, saturation, effects or mastering
 * @param difficulty              1 (easy) to 3 (hard)
 * @param timeLimitMin            suggested time limit in minutes, or null
 * @param brief                   Markdown shown to the student
 * @param dir                     the exercise folder
 * @param startFile               the start session file
 * @param start                   the start session (its track files are the only audio a grade renders)
 * @param referenceSessionFile    the reference session file, or null (exam mode)
 * @param referenceSession        the reference session, or null
 * @param referenceAudioFile      a reference mix WAV, or null
 * @param referenceProfileFile    a measured profile JSON, or null
 * @param referenceProfile        the profile, or null
 * @param allowReferenceListening whether the student may listen to the reference while working
 * @param passScore               score needed to pass, 0..100 (default 70)
 * @param criteria                the rubric
 */
public record Exercise(String id, String title, String tool, int difficulty, Double timeLimitMin, String brief,
                       Path dir, Path startFile, Session start, Path referenceSessionFile, Session referenceSession,
                       Path referenceAudioFile, Path referenceProfileFile, ReferenceProfile referenceProfile,
                       boolean allowReferenceListening, double passScore, List<Criterion> criteria) {

    /** The tools exercises are grouped by. */
    public static final List<String> TOOLS =
            List.of("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");

    /** True in exam mode: no reference settings are available, only audio and/or a measured profile. */
    public boolean examMode() {
        return referenceSession == null;
    }

    /** Sum of the criteria weights. */
    public double totalWeight() {
        double w = 0;
        for (Criterion c : criteria) {
            w += c.weight();
        }
        return w;
    }
}
