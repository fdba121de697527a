package org.mixlab.ui.lesson;

import java.nio.file.Path;
import java.util.List;
import org.mixlab.lesson.LessonPack;
import org.mixlab.lesson.LessonPackLoader;
import org.mixlab.lesson.LoadResult;

/** Shared set-up for the lesson GUI tests: properties before Swing starts, and the shipped packs. */
final class GuiTestSupport {
    private static List<LessonPack> packs;

    private GuiTestSupport() {}

    /** Sets the scale and the silent audio before any Swing class is touched. */
    static void properties() {
        System.setProperty("flatlaf.uiScale", "1x");
        System.setProperty("mixlab.audio", "none");
    }

    /** The project's shipped lesson packs (loaded once). */
    static synchronized List<LessonPack> packs() {
        if (packs == null) {
            LoadResult r = new LessonPackLoader(Path.of("").toAbsolutePath(), false).loadAll();
            packs = r.packs();
        }
        return packs;
    }

    /** The pack with this id. */
    static LessonPack pack(String id) {
        return packs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
