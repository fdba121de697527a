package org.mixlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.ProjectPaths;

/** The grade and profile commands on shipped exercises (settings-only, so nothing is rendered). */
class GradeCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Result(code, o.toString(), e.toString());
    }

    static Path exercise(String id) {
        return ProjectPaths.root().resolve("exercises").resolve(id);
    }

    @Test
    @DisplayName("grade prints the score and one feedback line per criterion; --json gives the same as JSON")
    void gradesSubmissions() throws Exception {
        Path ex = exercise("balance-1");
        Result ref = run("grade", ex.toString(), ex.resolve("reference.session.json").toString());
        assertThat(ref.code()).as(ref.err()).isZero();
        assertThat(ref.out()).startsWith("balance-1: 100 / 100 (passed");
        Result start = run("grade", ex.toString(), ex.resolve("start.session.json").toString(), "--json");
        assertThat(start.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(start.out());
        assertThat(j.get("passed").asBoolean()).isFalse();
        assertThat(j.get("score").asDouble()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(j.get("criteria")).hasSize(3);
        assertThat(j.get("criteria").get(0).get("feedback").asText()).contains("bass").contains("pull its fader down");
    }

    @Test
    @DisplayName("a submission saved elsewhere with foreign file paths still grades: its files are ignored")
    void foreignPathsAreIgnored() throws Exception {
        Path ex = exercise("pan-1");
        String json = Files.readString(ex.resolve("reference.session.json"))
                .replaceAll("\"file\" ?: ?\"[^\"]*\"", "\"file\": \"../../../../somewhere/else.wav\"");
        Path sub = dir.resolve("mine.session.json");
        Files.writeString(sub, json);
        Result r = run("grade", ex.toString(), sub.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("pan-1: 100 / 100");
    }

    @Test
    @DisplayName("bad submissions and exercise folders give exit 2 and one line per problem, no stack trace")
    void badInput() throws Exception {
        Path ex = exercise("balance-1");
        Path sub = dir.resolve("bad.session.json");
        Files.writeString(sub, "{\"format\":\"mixlab-session\",\"version\":1,\"tracks\":[{\"id\":\"kick\","
                + "\"gainDb\":99}]}");
        Result r = run("grade", ex.toString(), sub.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("bad.session.json: $.tracks[0].gainDb: 99 is outside -100 to 12");
        Result missing = run("grade", ex.toString(), dir.resolve("nope.session.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().trim()).isEqualTo("mixlab: nope.session.json: file not found");
        Files.writeString(dir.resolve("junk.session.json"), "{oops");
        Result junk = run("grade", ex.toString(), dir.resolve("junk.session.json").toString());
        assertThat(junk.code()).isEqualTo(2);
        assertThat(junk.err().trim().lines().count()).isEqualTo(1);
        assertThat(junk.err()).startsWith("junk.session.json: not valid JSON");
        Files.write(dir.resolve("ansi.session.json"), "{\"title\": \"Caf\u00e9\"}"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Result ansi = run("grade", ex.toString(), dir.resolve("ansi.session.json").toString());
        assertThat(ansi.code()).isEqualTo(2);
        assertThat(ansi.err().trim()).isEqualTo("mixlab: ansi.session.json: not UTF-8 text (save it with UTF-8 encoding)");
        Result noEx = run("grade", dir.resolve("exercises/none").toString(), sub.toString());
        assertThat(noEx.code()).isEqualTo(2);
        assertThat(noEx.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("profile measures the reference and writes reference.profile.json that exam mode can read")
    void writesProfile() throws Exception {
        Path audio = dir.resolve("audio/t");
        Files.createDirectories(audio);
        float[] tone = new float[4 * 44_100];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.25 * Math.sin(2 * Math.PI * 220 * i / 44_100.0));
        }
        org.mixlab.engine.io.WavWriter.write(audio.resolve("tone.wav"), new float[][] {tone}, 44_100,
                org.mixlab.engine.io.WavWriter.Format.FLOAT32, 1);
        Path ex = dir.resolve("exercises/p1");
        Files.createDirectories(ex);
        String session = "{\"format\":\"mixlab-session\",\"version\":1,\"tracks\":[{\"id\":\"tone\","
                + "\"file\":\"../../audio/t/tone.wav\",\"gainDb\":-6}]}";
        Files.writeString(ex.resolve("start.session.json"), session);
        Files.writeString(ex.resolve("reference.session.json"), session);
        Files.writeString(ex.resolve("exercise.json"), "{\"format\":\"mixlab-exercise\",\"version\":1,"
                + "\"id\":\"p1\",\"title\":\"T\",\"tool\":\"mastering\",\"difficulty\":1,\"brief\":\"Level it.\","
                + "\"start\":\"start.session.json\",\"reference\":{\"session\":\"reference.session.json\"},"
                + "\"rubric\":{\"criteria\":[{\"id\":\"l\",\"kind\":\"integrated-loudness\",\"tolerance\":1,"
                + "\"falloff\":3}]}}");
        Result r = run("profile", ex.toString());
        assertThat(r.code()).as(r.err()).isZero();
        org.mixlab.scoring.ReferenceProfile p = org.mixlab.scoring.ReferenceProfile.parse(
                Files.readString(ex.resolve("reference.profile.json")), "reference.profile.json");
        // sine RMS -15.05 dB, fader -6, -3 dB pan law on each side: -24.06 dB per channel; two channels add 3.01 dB
        // and BS.1770 subtracts 0.691 dB (K-weighting is within 0.2 dB of flat at 220 Hz): -21.7 LUFS; the three
        // gating blocks reaching into the 1 s render tail lower the 4 s mean by 0.17 dB: about -21.9 LUFS
        assertThat(p.integratedLufs).isCloseTo(-21.9, org.assertj.core.data.Offset.offset(0.3));
        assertThat(p.stem("tone")).isNotNull();
        assertThat(p.correlation).isGreaterThan(0.99);
    }
}
