package org.mixlab.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, validated lesson pack (lessons/&lt;id&gt;/pack.json).
 *
 * @param id           pack id, equal to its folder name
 * @param title        title
 * @param tool         balance, pan, tone, dynamics, saturation, effects or mastering
 * @param summary      one or two sentences for the pack list
 * @param order        position in the pack list (ascending)
 * @param song         song folder name under audio/, e.g. "pop-rock"
 * @param startSession session file the pack opens (absolute, normalised)
 * @param dir          the pack folder (absolute, normalised)
 * @param steps        the steps in order
 */
public record LessonPack(String id, String title, String tool, String summary, int order, String song,
                         Path startSession, Path dir, List<LessonStep> steps) {
}
