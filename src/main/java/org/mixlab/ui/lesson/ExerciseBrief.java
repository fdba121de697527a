package org.mixlab.ui.lesson;

import java.nio.file.Path;

/**
 * What the exercise screen shows before grading (taken from a scoring Exercise).
 *
 * @param id                      exercise id, e.g. "tone-1"
 * @param title                   title
 * @param tool                    the tool practised (balance, pan, ...)
 * @param difficulty              1 (easy) to 3 (hard)
 * @param briefMarkdown           the brief, Markdown
 * @param dir                     the exercise folder (images in the brief resolve against it)
 * @param startFile               the start session file the exercise opens
 * @param timeLimitMin            suggested time limit in minutes, or null for none
 * @param allowReferenceListening true when the learner may listen to the reference while working
 * @param passScore               score needed to pass, 0..100
 */
public record ExerciseBrief(String id, String title, String tool, int difficulty, String briefMarkdown, Path dir,
                            Path startFile, Double timeLimitMin, boolean allowReferenceListening, double passScore) {
}
