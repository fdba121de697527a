package org.mixlab.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** Grading on a synthetic three-stem project (1.5 s stems, renders take milliseconds). */
class ScorerTest {
    @TempDir
    static Path dir;
    static SyntheticProject project;
    static ExerciseLoader loader;
    static Scorer scorer;
    static Exercise settings;
    static Exercise audio;

    static final String SETTINGS_CRITERIA = "["
            + "{\"id\":\"kick-fader\",\"kind\":\"setting\",\"selector\":\"track:kick/gainDb\",\"tolerance\":1,\"falloff\":6},"
            + "{\"id\":\"bass-fader\",\"kind\":\"setting\",\"selector\":\"track:bass/gainDb\",\"tolerance\":1,\"falloff\":6},"
            + "{\"id\":\"hats-fader\",\"kind\":\"setting\",\"selector\":\"track:hats/gainDb\",\"tolerance\":1,\"falloff\":6},"
            + "{\"id\":\"hats-pan\",\"kind\":\"setting\",\"selector\":\"track:hats/pan\",\"tolerance\":10,\"falloff\":40,"
            + "\"weight\":0.5},"
            + "{\"id\":\"bass-pan\",\"kind\":\"setting\",\"selector\":\"track:bass/pan\",\"tolerance\":5,\"falloff\":30}]";

    static final String AUDIO_CRITERIA = "["
            + "{\"id\":\"bass-vs-kick\",\"kind\":\"relative-setting\",\"selector\":\"track:bass/gainDb\","
            + "\"minus\":\"track:kick/gainDb\",\"tolerance\":1,\"falloff\":6},"
            + "{\"id\":\"balance\",\"kind\":\"stem-balance\",\"stems\":[\"kick\",\"bass\",\"hats\"],\"tolerance\":1,"
            + "\"falloff\":6,\"weight\":2},"
            + "{\"id\":\"width\",\"kind\":\"stereo-width\",\"metric\":\"correlation\",\"tolerance\":0.05,\"falloff\":0.3},"
            + "{\"id\":\"tone\",\"kind\":\"tonal-balance\",\"tolerance\":1,\"falloff\":6},"
            + "{\"id\":\"peak\",\"kind\":\"true-peak\",\"max\":-1,\"tolerance\":0,\"falloff\":3}]";

    @BeforeAll
    static void setUp() throws Exception {
        project = new SyntheticProject(dir);
        String start = SyntheticProject.session(0, 0, 0, 0, 0, 0);
        String ref = SyntheticProject.session(-6, -9, -12, 0, 0, 30);
        project.exercise("syn-settings", SyntheticProject.exerciseJson("syn-settings", SETTINGS_CRITERIA), start, ref);
        project.exercise("syn-audio", SyntheticProject.exerciseJson("syn-audio", AUDIO_CRITERIA), start, ref);
        loader = new ExerciseLoader(dir);
        scorer = new Scorer(new StemCache(List.of(dir)));
        settings = loader.load(dir.resolve("exercises/syn-settings"));
        audio = loader.load(dir.resolve("exercises/syn-audio"));
    }

    static Session withFaders(Exercise ex, double kick, double bass, double hats, double hatsPan) {
        Session s = ex.start().copy();
        s.track("kick").gainDb = kick;
        s.track("bass").gainDb = bass;
        s.track("hats").gainDb = hats;
        s.track("hats").pan = hatsPan;
        return s;
    }

    @Test
    @DisplayName("the reference scores 100 against itself; the start scores clearly lower")
    void referenceScoresFull() throws Exception {
        for (Exercise ex : List.of(settings, audio)) {
            ScoreReport r = scorer.grade(ex, ex.referenceSession());
            assertThat(r.score()).as(ex.id() + " reference: " + r.toText()).isGreaterThanOrEqualTo(99.0);
            assertThat(r.passed()).isTrue();
            ScoreReport s = scorer.grade(ex, ex.start());
            assertThat(s.score()).as(ex.id() + " start: " + s.toText()).isLessThan(70.0).isLessThan(r.score() - 30);
            assertThat(s.passed()).isFalse();
        }
    }

    @Test
    @DisplayName("each distinct session is rendered once: grading again renders nothing")
    void rendersAreCached() throws Exception {
        Session sub = withFaders(audio, -3, -3, -3, 10);
        scorer.grade(audio, sub);
        int before = scorer.renderCount();
        ScoreReport again = scorer.grade(audio, sub.copy());
        assertThat(scorer.renderCount()).isEqualTo(before);
        assertThat(again.score()).isEqualTo(scorer.grade(audio, sub).score());
    }

    @Test
    @DisplayName("moving all graded settings toward the reference never lowers the score (settings and audio)")
    void interpolationIsMonotone() throws Exception {
        Session start = audio.start();
        Session ref = audio.referenceSession();
        double prev = -1;
        List<Double> scores = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            double t = k / 5.0;
            Session s = start.copy();
            for (TrackModel tr : s.tracks) {
                TrackModel a = start.track(tr.id);
                TrackModel b = ref.track(tr.id);
                tr.gainDb = a.gainDb + t * (b.gainDb - a.gainDb);
                tr.pan = a.pan + t * (b.pan - a.pan);
            }
            double score = scorer.grade(audio, s).score();
            scores.add(score);
            assertThat(score).as("t=" + t + " scores " + scores).isGreaterThanOrEqualTo(prev - 1e-6);
            prev = score;
        }
        assertThat(scores.get(5)).isGreaterThanOrEqualTo(99.0);
        assertThat(scores.get(0)).isLessThan(scores.get(5) - 30);
    }

    @Test
    @DisplayName("property: from 200 random mixes, moving one graded setting toward the reference never lowers the score")
    void singleSettingMovesAreMonotone() throws Exception {
        Random rnd = new Random(42);
        Session ref = settings.referenceSession();
        String[] ids = {"kick", "bass", "hats"};
        for (int trial = 0; trial < 200; trial++) {
            Session s = settings.start().copy();
            for (String id : ids) {
                s.track(id).gainDb = -30 + 36 * rnd.nextDouble();
                s.track(id).pan = -100 + 200 * rnd.nextDouble();
            }
            double before = scorer.grade(settings, s).score();
            String id = ids[rnd.nextInt(3)];
            boolean pan = rnd.nextBoolean();
            double frac = rnd.nextDouble();
            TrackModel t = s.track(id);
            if (pan) {
                t.pan += frac * (ref.track(id).pan - t.pan);
            } else {
                t.gainDb += frac * (ref.track(id).gainDb - t.gainDb);
            }
            double after = scorer.grade(settings, s).score();
            assertThat(after).as("trial " + trial + " moving " + id + (pan ? " pan" : " fader"))
                    .isGreaterThanOrEqualTo(before - 1e-9);
        }
        assertThat(scorer.renderCount()).as("settings-only rubrics render nothing").isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("points: 100 within tolerance, linear fall-off, 0 beyond tolerance + falloff")
    void pointsFallLinearly() throws Exception {
        // kick reference -6, tolerance 1, falloff 6
        assertThat(scorer.grade(settings, withFaders(settings, -6.8, -9, -12, 30)).criterion("kick-fader").points())
                .isEqualTo(100.0);
        assertThat(scorer.grade(settings, withFaders(settings, -2, -9, -12, 30)).criterion("kick-fader").points())
                .isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scorer.grade(settings, withFaders(settings, 1.5, -9, -12, 30)).criterion("kick-fader").points())
                .isEqualTo(0.0);
        ScoreReport r = scorer.grade(settings, withFaders(settings, -2, -9, -12, 30));
        // weights 1,1,1,0.5,1: (50 + 100 + 100 + 50 + 100) / 4.5
        assertThat(r.score()).isCloseTo((50 + 100 + 100 + 0.5 * 100 + 100) / 4.5,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("feedback names the track and the direction, with the amount")
    void feedbackSaysWhatToDo() throws Exception {
        ScoreReport r = scorer.grade(settings, withFaders(settings, -6, -9, -12, -20));
        assertThat(r.criterion("hats-pan").feedback()).contains("hats").contains("20 % left").contains("30 % right")
                .contains("to the right").contains("50 %");
        ScoreReport k = scorer.grade(settings, withFaders(settings, -2, -9, -20, 30));
        assertThat(k.criterion("kick-fader").feedback()).contains("kick").contains("4 dB above")
                .contains("pull it down about 4 dB");
        assertThat(k.criterion("hats-fader").feedback()).contains("hats").contains("8 dB below")
                .contains("push it up about 8 dB");
        ScoreReport a = scorer.grade(audio, withFaders(audio, -6, -3, -12, 30));
        assertThat(a.criterion("bass-vs-kick").feedback())
                .isEqualTo("The bass sits 6 dB above the reference balance against the kick: pull its fader down"
                        + " about 6 dB.");
        assertThat(a.criterion("balance").feedback()).startsWith("The bass sits").contains("above")
                .contains("pull its fader down");
        assertThat(a.criterion("balance").points()).isLessThan(60);
        ScoreReport good = scorer.grade(settings, settings.referenceSession());
        assertThat(good.criterion("kick-fader").feedback()).startsWith("Good:");
    }

    @Test
    @DisplayName("stem balance ignores overall level: the reference 6 dB quieter everywhere still balances")
    void stemBalanceIsRelative() throws Exception {
        ScoreReport r = scorer.grade(audio, withFaders(audio, -12, -15, -18, 30));
        assertThat(r.criterion("balance").points()).isEqualTo(100.0);
        assertThat(r.criterion("bass-vs-kick").points()).isEqualTo(100.0);
        assertThat(Math.abs(r.criterion("balance").difference())).isLessThan(0.2);
    }

    @Test
    @DisplayName("a submission cannot swap audio files: its track files are replaced by the exercise's")
    void submissionFilesAreIgnored() throws Exception {
        Session sub = audio.referenceSession().copy();
        for (TrackModel t : sub.tracks) {
            t.file = "../../audio/syn/other.wav";
        }
        assertThat(scorer.grade(audio, sub).score()).isGreaterThanOrEqualTo(99.0);
        String json = org.mixlab.engine.session.SessionIo.toJson(sub).replace("../../audio/syn/other.wav",
                "/etc/passwd");
        Session parsed = Scorer.parseSubmission(audio, json, "sub.session.json", loader.roots());
        assertThat(parsed.track("kick").file).isEqualTo("../../audio/syn/kick.wav");
        assertThat(scorer.grade(audio, parsed).score()).isGreaterThanOrEqualTo(99.0);
    }

    @Test
    @DisplayName("extra tracks are dropped with a note, solos are cleared with a note")
    void submissionIsNormalised() throws Exception {
        Session sub = settings.referenceSession().copy();
        TrackModel extra = sub.track("kick").copy();
        extra.id = "extra";
        sub.tracks.add(extra);
        sub.track("hats").solo = true;
        ScoreReport r = scorer.grade(settings, sub);
        assertThat(r.score()).isGreaterThanOrEqualTo(99.0);
        assertThat(r.notes()).hasSize(2);
        assertThat(r.notes().get(0)).contains("extra");
        assertThat(r.notes().get(1)).contains("solo");
    }

    @Test
    @DisplayName("exam mode: a profile measured from the reference grades like the reference session")
    void profileRoundTrip() throws Exception {
        ReferenceProfile p = scorer.referenceProfile(audio, List.of("kick", "bass", "hats"));
        ReferenceProfile back = ReferenceProfile.parse(p.toJson(), "p.json");
        assertThat(back.integratedLufs).isCloseTo(p.integratedLufs, org.assertj.core.data.Offset.offset(0.001));
        assertThat(back.stem("bass")).isCloseTo(p.stem("bass"), org.assertj.core.data.Offset.offset(0.001));
        assertThat(back.bandsDb()[20]).isCloseTo(p.bandsDb()[20], org.assertj.core.data.Offset.offset(0.001));
        Path d = dir.resolve("exercises/syn-exam");
        Files.createDirectories(d);
        Files.writeString(d.resolve("start.session.json"), SyntheticProject.session(0, 0, 0, 0, 0, 0));
        p.save(d.resolve("reference.profile.json"));
        String crit = "[{\"id\":\"balance\",\"kind\":\"stem-balance\",\"stems\":[\"kick\",\"bass\",\"hats\"],"
                + "\"tolerance\":1,\"falloff\":6},{\"id\":\"tone\",\"kind\":\"tonal-balance\",\"tolerance\":1,"
                + "\"falloff\":6}]";
        String json = SyntheticProject.exerciseJson("syn-exam", crit)
                .replace("{\"session\":\"reference.session.json\"}", "{\"profile\":\"reference.profile.json\"}")
                .replace("\"allowReferenceListening\":true", "\"allowReferenceListening\":false");
        Files.writeString(d.resolve("exercise.json"), json);
        Exercise exam = loader.load(d);
        assertThat(exam.examMode()).isTrue();
        assertThat(scorer.grade(exam, audio.referenceSession()).score()).isGreaterThanOrEqualTo(99.0);
        assertThat(scorer.grade(exam, exam.start()).score()).isLessThan(80.0);
    }

    @Test
    @DisplayName("stem levels follow the direct path: a bus or VCA doing the fader's job measures the same balance")
    void stemBalanceFollowsBusesAndVcas() throws Exception {
        Session sub = audio.referenceSession().copy();
        org.mixlab.engine.session.BusModel drums = new org.mixlab.engine.session.BusModel();
        drums.id = "drums";
        drums.name = "Drums";
        drums.gainDb = sub.track("kick").gainDb; // -6 dB on the bus instead of the fader
        sub.buses.add(drums);
        sub.track("kick").gainDb = 0;
        sub.track("kick").output = "drums";
        org.mixlab.engine.session.VcaModel vca = new org.mixlab.engine.session.VcaModel();
        vca.id = "low";
        vca.gainDb = -3;
        vca.members.add("bass");
        sub.vcas.add(vca);
        sub.track("bass").gainDb += 3; // the VCA takes 3 dB back off
        ScoreReport r = scorer.grade(audio, sub);
        assertThat(r.criterion("balance").points()).isEqualTo(100.0);
        assertThat(Math.abs(r.criterion("balance").difference())).isLessThan(0.05);
        ReferenceProfile p = scorer.measure(Scorer.prepare(audio, sub, null), List.of("kick", "bass"));
        ReferenceProfile q = scorer.measure(Scorer.prepare(audio, audio.referenceSession(), null),
                List.of("kick", "bass"));
        assertThat(p.stem("kick")).isCloseTo(q.stem("kick"), org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.stem("bass")).isCloseTo(q.stem("bass"), org.assertj.core.data.Offset.offset(0.01));
        // the direct path leaves out the aux returns and the master chain: a muted stem is silent
        Session muted = audio.referenceSession().copy();
        muted.track("hats").mute = true;
        ScoreReport m = scorer.grade(audio, muted);
        assertThat(m.criterion("balance").points()).isZero();
        assertThat(m.criterion("balance").feedback()).startsWith("The hats sits").contains("below")
                .contains("push its fader up");
    }
}
