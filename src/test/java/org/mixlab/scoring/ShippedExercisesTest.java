package org.mixlab.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;

/**
 * The exercises shipped in exercises/: every one loads and validates; its reference scores at least 99 and its start
 * clearly less. Audio criteria render 16 s sessions, so one scorer (with its render cache) serves the whole class.
 */
class ShippedExercisesTest {
    static Path root;
    static ExerciseLoader loader;
    static Scorer scorer;
    static final Map<String, Exercise> EXERCISES = new LinkedHashMap<>();

    @BeforeAll
    static void loadAll() throws Exception {
        root = ProjectPaths.root();
        loader = new ExerciseLoader(root);
        scorer = new Scorer(new StemCache(List.of(root)));
        List<String> problems = new ArrayList<>();
        for (Path d : loader.list()) {
            try {
                Exercise ex = loader.load(d);
                EXERCISES.put(ex.id(), ex);
            } catch (ExerciseException e) {
                problems.addAll(e.problems());
            }
        }
        assertThat(problems).as("problems in shipped exercises").isEmpty();
    }

    /** The answer: the reference session, or for exam exercises the hidden one kept with the tests. */
    static Session answer(Exercise ex) throws Exception {
        if (ex.referenceSession() != null) {
            return ex.referenceSession();
        }
        Path hidden = root.resolve("src/test/resources/exercises/" + ex.id() + ".reference.session.json");
        assertThat(hidden).as("hidden reference of exam exercise " + ex.id()).exists();
        return Scorer.parseSubmission(ex, Files.readString(hidden), hidden.getFileName().toString(), loader.roots());
    }

    @Test
    @DisplayName("at least 24 exercises: three per mixing tool and six for mastering, all valid, using all three songs")
    void catalogue() {
        assertThat(EXERCISES).hasSizeGreaterThanOrEqualTo(24);
        for (String tool : Exercise.TOOLS) {
            long n = EXERCISES.values().stream().filter(e -> e.tool().equals(tool)).count();
            assertThat(n).as(tool).isGreaterThanOrEqualTo(tool.equals("mastering") ? 6 : 3);
            for (int i = 1; i <= (tool.equals("mastering") ? 6 : 3); i++) {
                assertThat(EXERCISES).containsKey(tool + "-" + i);
            }
        }
        for (String song : List.of("pop-rock", "electronic", "ballad")) {
            assertThat(EXERCISES.values().stream().filter(e -> e.start().tracks.get(0).file.contains(song)).count())
                    .as(song).isGreaterThanOrEqualTo(6);
        }
        assertThat(EXERCISES.values().stream().filter(Exercise::examMode).count()).isGreaterThanOrEqualTo(1);
        for (Exercise ex : EXERCISES.values()) {
            assertThat(ex.brief()).as(ex.id()).hasSizeGreaterThan(150);
            if (ex.examMode()) {
                assertThat(ex.referenceProfile()).isNotNull();
                assertThat(ex.referenceAudioFile()).isNotNull();
            }
        }
    }

    @Test
    @DisplayName("every reference scores >= 99 and every start scores below 50, below the pass mark and 25+ points lower")
    void referenceFullStartLower() throws Exception {
        StringBuilder table = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Exercise ex : EXERCISES.values()) {
            ScoreReport ref = scorer.grade(ex, answer(ex));
            ScoreReport start = scorer.grade(ex, ex.start());
            table.append(String.format(Locale.ROOT, "%-14s reference %5.1f  start %5.1f%n", ex.id(), ref.score(),
                    start.score()));
            if (ref.score() < 99) {
                failures.add(ref.toText());
            }
            if (!(start.score() < 50 && start.score() < ex.passScore() && start.score() < ref.score() - 25)) {
                failures.add("start too good: " + start.toText());
            }
            for (CriterionResult r : start.criteria()) {
                assertThat(r.feedback()).as(ex.id() + "/" + r.id()).isNotBlank().doesNotContain("NaN");
            }
        }
        System.out.print(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }

    @Test
    @DisplayName("the start's feedback on a setting names the track and says which way to move")
    void startFeedbackIsActionable() throws Exception {
        ScoreReport b1 = scorer.grade(EXERCISES.get("balance-1"), EXERCISES.get("balance-1").start());
        assertThat(b1.criterion("bass-vs-kick").feedback()).startsWith("The bass sits 6 dB above the reference "
                + "balance against the kick: pull its fader down about 6 dB.");
        assertThat(b1.criterion("snare-vs-kick").feedback()).startsWith("The snare").contains("below")
                .contains("push its fader up about 7 dB");
        ScoreReport t1 = scorer.grade(EXERCISES.get("tone-1"), EXERCISES.get("tone-1").start());
        assertThat(t1.criterion("guitar-hp").feedback()).contains("high-pass").contains("rhythm guitar")
                .contains("add it").contains("100 Hz");
        ScoreReport m1 = scorer.grade(EXERCISES.get("mastering-1"), EXERCISES.get("mastering-1").start());
        assertThat(m1.criterion("loudness").feedback()).contains("-14 LUFS").contains("raise");
        Session loud = EXERCISES.get("mastering-1").referenceSession().copy();
        loud.master.inserts.get(0).params.put("ceilingDb", 0.0);
        loud.master.inserts.get(0).params.put("truePeak", 0.0);
        loud.master.gainDb = 3;
        ScoreReport hot = scorer.grade(EXERCISES.get("mastering-1"), loud);
        assertThat(hot.criterion("true-peak").points()).isLessThan(100);
        assertThat(hot.criterion("true-peak").feedback()).contains("above the -1 dBTP limit").contains("lower");
        assertThat(hot.criterion("ceiling").feedback()).contains("ceiling").contains("lower");
        assertThat(SessionIo.toJson(loud)).contains("ceilingDb");
    }
}
