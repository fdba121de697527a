package org.mixlab.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** Small sessions, exercises and a fake grader for the classroom tests. */
final class ClassroomFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ClassroomFixtures() {}

    /** A two-track session: vox (with saturation) and bass, at the given vox fader. */
    static Session session(double voxDb) {
        Session s = new Session();
        s.title = "Mix";
        s.tracks.add(track("vox", voxDb));
        s.tracks.add(track("bass", -6));
        InsertModel sat = new InsertModel();
        sat.id = "saturation1";
        sat.type = "saturation";
        sat.params.put("driveDb", 9.0);
        sat.params.put("toneDb", 1.5);
        s.tracks.get(0).inserts.add(sat);
        return s;
    }

    static TrackModel track(String id, double gainDb) {
        TrackModel t = new TrackModel();
        t.id = id;
        t.name = id;
        t.file = "../../audio/" + id + ".wav";
        t.gainDb = gainDb;
        return t;
    }

    /** Fake grading rule: 100 at vox -3 dB, 10 points off per dB away, 0 at most. */
    static double fakeScore(Session s) {
        return Math.max(0, 100 - 10 * Math.abs(s.track("vox").gainDb + 3));
    }

    /** A grader applying {@link #fakeScore} to exercises whose id starts with "mix". */
    static Grader fakeGrader() {
        return (id, s) -> {
            if (!id.startsWith("mix")) {
                throw new GradingException(id + ": no rubric");
            }
            return new GradeResult(fakeScore(s), List.of("vox fader " + s.track("vox").gainDb + " dB"));
        };
    }

    /** Writes exercises/<id>/exercise.json (+ a start session) and returns the exercises folder. */
    static Path exercise(Path exercisesDir, String id, String title) throws IOException {
        Path d = exercisesDir.resolve(id);
        Files.createDirectories(d);
        Files.writeString(d.resolve("exercise.json"), "{\"format\":\"mixlab-exercise\",\"version\":1,\"id\":\""
                + id + "\",\"title\":\"" + title + "\",\"start\":\"start.session.json\"}\n", StandardCharsets.UTF_8);
        Files.writeString(d.resolve("start.session.json"),
                org.mixlab.engine.session.SessionIo.toJson(session(0)), StandardCharsets.UTF_8);
        return exercisesDir;
    }

    static StudentProfile student(String name, String id) {
        return new StudentProfile(name, id, "mt101");
    }

    /** A submission whose reported score is what the fake grader gives. */
    static Submission submission(StudentProfile st, String exercise, String hash, double voxDb, int attempt) {
        Session s = session(voxDb);
        return new Submission(st, exercise, hash, s, "0.1.0", T0, T0.plusSeconds(600L * attempt), attempt,
                fakeScore(s));
    }
}
