package org.mixlab.lesson;

import java.util.List;

/**
 * What loading produced: the packs without errors, and every problem found (errors and warnings).
 *
 * @param packs    packs that loaded without errors, sorted by order then id
 * @param problems every problem, one line each
 */
public record LoadResult(List<LessonPack> packs, List<Problem> problems) {

    /** Only the errors. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** Only the warnings. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
