package org.mixlab.classroom;

import java.nio.file.Path;

/**
 * What the classroom needs to know about an exercise.
 *
 * @param id     the exercise id (its folder name)
 * @param title  the title shown to people, or the id when the exercise has none
 * @param folder the exercise folder ({@code exercises/<id>})
 */
public record ExerciseInfo(String id, String title, Path folder) {}
