package org.mixlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.engine.io.AudioData;
import org.mixlab.engine.io.AudioFileReader;
import org.mixlab.engine.io.WavWriter;

class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Result(code, o.toString(), e.toString());
    }

    Path sineWav(String name, double amp, int channels, double seconds) throws Exception {
        int n = (int) (48_000 * seconds);
        float[][] a = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                a[c][i] = (float) (amp * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
            }
        }
        Path p = dir.resolve(name);
        WavWriter.write(p, a, 48_000, WavWriter.Format.FLOAT32, 1);
        return p;
    }

    @Test
    @DisplayName("analyze reads a -23 dBFS stereo 1 kHz tone as -23.0 LUFS and prints JSON on request")
    void analyzeMeasuresLoudness() throws Exception {
        Path p = sineWav("tone.wav", Math.pow(10, -23 / 20.0), 2, 5);
        Result r = run("analyze", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Integrated loudness").contains("-23.0 LUFS");
        Result j = run("analyze", "--json", p.toString());
        assertThat(j.code()).isZero();
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
        assertThat(n.get("integrated_lufs").asDouble()).isCloseTo(-23.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(n.get("momentary_max_lufs").asDouble()).isCloseTo(-23.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(n.get("short_term_max_lufs").asDouble()).isCloseTo(-23.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(n.get("true_peak_dbtp").asDouble()).isCloseTo(-23.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(n.get("sample_rate").asInt()).isEqualTo(48_000);
        assertThat(n.get("channels").asInt()).isEqualTo(2);
        assertThat(n.get("file").asText()).isEqualTo("tone.wav");
        assertThat(n.get("correlation").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.001));
        assertThat(n.fieldNames()).toIterable().containsExactlyInAnyOrder("integrated_lufs", "momentary_max_lufs",
                "short_term_max_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs", "rms_dbfs", "crest_db",
                "plr_db", "correlation", "duration_s", "sample_rate", "channels", "file");
    }

    @Test
    @DisplayName("analyze --json prints null (never -Infinity or NaN) for silence's loudness and a mono file's correlation")
    void analyzeJsonNulls() throws Exception {
        Path p = sineWav("silent-mono.wav", 0.0, 1, 5);
        Result j = run("analyze", "--json", p.toString());
        assertThat(j.code()).as(j.err()).isZero();
        assertThat(j.out()).doesNotContain("Infinity").doesNotContain("NaN");
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
        assertThat(n.get("integrated_lufs").isNull()).isTrue();
        assertThat(n.get("true_peak_dbtp").isNull()).isTrue();
        assertThat(n.get("plr_db").isNull()).isTrue();
        assertThat(n.get("correlation").isNull()).isTrue();
        assertThat(n.get("channels").asInt()).isEqualTo(1);
        assertThat(n.get("duration_s").asDouble()).isEqualTo(5.0);
        Result text = run("analyze", p.toString());
        assertThat(text.out()).contains("n/a (mono)");
    }

    @Test
    @DisplayName("a missing or corrupt file gives exit 2 and one line naming the file, no stack trace")
    void badFilesAreOneLine() throws Exception {
        Result missing = run("analyze", dir.resolve("nope.wav").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().trim().lines().count()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.wav").doesNotContain("Exception").doesNotContain("\tat ");
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Result corrupt = run("analyze", junk.toString());
        assertThat(corrupt.code()).isEqualTo(2);
        assertThat(corrupt.err()).startsWith("mixlab: junk.wav");
        assertThat(corrupt.err().trim().lines().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("validate lists every problem with its JSON path and exits 2")
    void validateReportsProblems() throws Exception {
        Path s = dir.resolve("bad.session.json");
        Files.writeString(s, "{\"format\":\"mixlab-session\",\"version\":1,\"sampleRate\":5,"
                + "\"tracks\":[{\"id\":\"a\",\"file\":\"/etc/passwd\",\"gainDb\":40}]}");
        Result r = run("validate", s.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.session.json: $.sampleRate: 5 is outside 8000 to 192000")
                .contains("$.tracks[0].file: '/etc/passwd' is an absolute path")
                .contains("$.tracks[0].gainDb: 40 is outside -100 to 12");
        Path broken = dir.resolve("broken.session.json");
        Files.writeString(broken, "{\n\"format\": \"mixlab-session\",\n\"version\": 1,,\n}");
        Result b = run("validate", broken.toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("broken.session.json: not valid JSON at line 3");
    }

    /** Writes a 48 kHz session file holding {@code tracksJson} (the "tracks" entry, key included) to {@code file}. */
    static Path writeSession(Path file, String tracksJson) throws Exception {
        Files.writeString(file, "{\"format\":\"mixlab-session\",\"version\":1,\"sampleRate\":48000," + tracksJson
                + "}");
        return file;
    }

    @Test
    @DisplayName("analyze prints -inf for the levels of silence but n/a for a range, crest and PLR that have no value")
    void analyzeSilence() throws Exception {
        Path p = dir.resolve("silence.wav");
        WavWriter.write(p, new float[2][48_000], 48_000, WavWriter.Format.FLOAT32, 1);
        Result r = run("analyze", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Integrated loudness      -inf LUFS", "Sample peak              -inf dBFS",
                "Loudness range            n/a LU", "Crest factor              n/a dB", "PLR                       n/a dB");
        Result tone = run("analyze", sineWav("tone.wav", 0.5, 2, 1).toString());
        assertThat(tone.out()).contains("Loudness range            n/a LU", "Crest factor              3.0 dB");
    }

    @Test
    @DisplayName("render writes the session's mix as a WAV of the right length")
    void renderWritesWav() throws Exception {
        sineWav("a.wav", 0.25, 1, 1);
        Path s = writeSession(dir.resolve("mix.session.json"),
                "\"tracks\":[{\"id\":\"a\",\"name\":\"A\",\"file\":\"a.wav\",\"gainDb\":-6}]");
        Path out = dir.resolve("out.wav");
        Result r = run("render", s.toString(), "-o", out.toString(), "--tail", "0.5", "--bits", "24");
        assertThat(r.code()).as(r.err()).isZero();
        AudioData a = AudioFileReader.read(out);
        assertThat(a.channels()).isEqualTo(2);
        assertThat(a.frames()).isEqualTo(72_000);
        assertThat(a.bitsPerSample()).isEqualTo(24);
        // 0.25 at -6 dB fader and -3 dB pan law
        float peak = 0;
        for (float x : a.samples()[0]) {
            peak = Math.max(peak, Math.abs(x));
        }
        assertThat(20 * Math.log10(peak)).isCloseTo(20 * Math.log10(0.25) - 6 - 3.01, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    @DisplayName("render refuses a stem with more than two channels instead of playing its first two")
    void renderRefusesSurroundStems() throws Exception {
        sineWav("six.wav", 0.25, 6, 0.2);
        Path s = writeSession(dir.resolve("mix.session.json"), "\"tracks\":[{\"id\":\"pad\",\"file\":\"six.wav\"}]");
        Result r = run("render", s.toString(), "-o", dir.resolve("out.wav").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mixlab: six.wav: 6 channels (track 'pad'); a track is a mono or stereo file"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("render and validate accept stems in the home folder as the app does, and refuse stems elsewhere")
    void stemsFromTheHomeFolder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("stems"));
        Files.move(sineWav("a.wav", 0.25, 1, 1), home.resolve("stems/a.wav"));
        Path sessions = Files.createDirectories(home.resolve("class"));
        Path s = writeSession(sessions.resolve("mix.session.json"),
                "\"tracks\":[{\"id\":\"a\",\"name\":\"A\",\"file\":\"../stems/a.wav\"}]");
        String oldHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Result v = run("validate", s.toString());
            assertThat(v.code()).as(v.out() + v.err()).isZero();
            Result r = run("render", s.toString(), "-o", dir.resolve("out.wav").toString(), "--tail", "0");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(AudioFileReader.read(dir.resolve("out.wav")).frames()).isEqualTo(48_000);
            System.setProperty("user.home", sessions.toString()); // now ../stems leaves every allowed folder
            Result refused = run("render", s.toString(), "-o", dir.resolve("out2.wav").toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("mix.session.json").contains("../stems/a.wav");
            assertThat(refused.err().strip().lines().count()).isLessThanOrEqualTo(2);
        } finally {
            System.setProperty("user.home", oldHome);
        }
    }

    @Test
    @DisplayName("--help works on every command and unknown options exit 2 with a hint")
    void helpAndBadOptions() {
        for (String c : new String[] {"analyze", "render", "validate", "process"}) {
            Result r = run(c, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: mixlab " + c);
        }
        Result bad = run("analyze", "--frobnicate", "x.wav");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option");
    }
    @Test
    @DisplayName("validate checks the shipped packs and exercises, and lists a broken pack's problems with exit 2")
    void validatePacksAndExercises() throws Exception {
        Result ok = run("validate", "lessons", "exercises");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("7 pack(s), 24 exercise(s)").contains(": 0 problem(s)");
        Path pack = Files.createDirectories(dir.resolve("broken-pack"));
        Files.writeString(pack.resolve("pack.json"), "{\"format\": \"mixlab-lesson-pack\", \"version\": 1, \"steps\": 3}");
        Result bad = run("validate", pack.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("pack.json");
        assertThat(bad.err().lines()).allMatch(l -> !l.contains("\tat "));
    }

    float[] processMono(String chainJson, String... extra) throws Exception {
        Path in = dir.resolve("in.wav");
        Path chain = dir.resolve("chain.json");
        Files.writeString(chain, chainJson);
        Path out = dir.resolve("processed.wav");
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"process", in.toString(), "-o", out.toString(), "--chain=" + chain}, 0, args, 0,
                5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        Result r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote");
        AudioData a = AudioFileReader.read(out);
        assertThat(a.frames()).isEqualTo(AudioFileReader.read(in).frames());
        return a.samples()[a.channels() - 1];
    }

    @Test
    @DisplayName("process applies a chain sample-exactly: a -6 dB gain through a look-ahead limiter comes out aligned")
    void processRemovesLatency() throws Exception {
        Path in = sineWav("in.wav", 0.05, 1, 1);
        float[] x = AudioFileReader.read(in).samples()[0];
        // the limiter (1.5 ms look-ahead) does not act on a -26 dBFS tone; its delay must be taken out again
        float[] y = processMono("[{\"type\":\"gain\",\"params\":{\"gainDb\":-6}},{\"type\":\"limiter\"}]",
                "--bits", "32f");
        double g = Math.pow(10, -6 / 20.0);
        double worst = 0;
        for (int i = 4_800; i < 43_200; i++) {
            worst = Math.max(worst, Math.abs(y[i] - g * x[i]));
        }
        // one sample of misalignment would leave an error of about 0.05 * 0.5 * 2 pi 1000 / 48000 = 3.3e-3
        assertThat(worst).isLessThan(1e-5);
    }

    @Test
    @DisplayName("process takes {\"inserts\": [...]} too, and a pan turns a mono file stereo")
    void processPansMonoToStereo() throws Exception {
        sineWav("in.wav", 0.25, 1, 0.5);
        float[] right = processMono("{\"inserts\": [{\"type\":\"pan\",\"params\":{\"pan\":100}}]}");
        AudioData a = AudioFileReader.read(dir.resolve("processed.wav"));
        assertThat(a.channels()).isEqualTo(2);
        float peakL = 0;
        float peakR = 0;
        for (int i = 0; i < a.frames(); i++) {
            peakL = Math.max(peakL, Math.abs(a.samples()[0][i]));
            peakR = Math.max(peakR, Math.abs(right[i]));
        }
        assertThat(peakL).isLessThan(1e-4f);
        assertThat((double) peakR).isCloseTo(0.25, org.assertj.core.api.Assertions.within(0.002));
    }

    @Test
    @DisplayName("process --tempo sets the tempo of synced delays: a quarter note is 500 ms at 120 BPM, 1 s at 60")
    void processTempo() throws Exception {
        float[][] click = new float[1][96_000];
        click[0][4_800] = 0.5f;
        WavWriter.write(dir.resolve("in.wav"), click, 48_000, WavWriter.Format.FLOAT32, 1);
        String chain = "[{\"type\":\"delay\",\"params\":{\"sync\":1,\"note\":4,\"feedbackPct\":0,"
                + "\"lowCutHz\":20,\"highCutHz\":20000}}]";
        assertThat(loudestSample(processMono(chain)) - 4_800).isEqualTo(24_000);
        assertThat(loudestSample(processMono(chain, "--tempo", "60")) - 4_800).isEqualTo(48_000);
        Result bad = run("process", dir.resolve("in.wav").toString(), "-o", dir.resolve("x.wav").toString(),
                "--chain", dir.resolve("chain.json").toString(), "--tempo", "1000");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("mixlab: --tempo: 1000.0 BPM is outside 20 to 300" + System.lineSeparator());
    }

    @Test
    @DisplayName("process --tail lets a delay ring out past the end of the input")
    void processTail() throws Exception {
        float[][] click = new float[1][24_000];
        click[0][23_000] = 0.5f;
        Path in = dir.resolve("in.wav");
        WavWriter.write(in, click, 48_000, WavWriter.Format.FLOAT32, 1);
        Path chain = dir.resolve("chain.json");
        Files.writeString(chain, "[{\"type\":\"delay\",\"params\":{\"timeMs\":500,\"feedbackPct\":0,"
                + "\"lowCutHz\":20,\"highCutHz\":20000}}]");
        Path out = dir.resolve("tail.wav");
        Result cut = run("process", in.toString(), "-o", out.toString(), "--chain", chain.toString(), "--bits", "32f");
        assertThat(cut.code()).as(cut.err()).isZero();
        AudioData a = AudioFileReader.read(out);
        assertThat(a.frames()).isEqualTo(24_000);
        float peak = 0;
        for (float x : a.samples()[0]) {
            peak = Math.max(peak, Math.abs(x));
        }
        assertThat(peak).as("the echo falls after the end without --tail").isZero();
        Result rung = run("process", in.toString(), "-o", out.toString(), "--chain", chain.toString(), "--bits", "32f",
                "--tail", "1");
        assertThat(rung.code()).as(rung.err()).isZero();
        AudioData b = AudioFileReader.read(out);
        assertThat(b.frames()).isEqualTo(72_000);
        assertThat(loudestSample(b.samples()[0])).isEqualTo(23_000 + 24_000);
        assertThat((double) b.samples()[0][47_000]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-6));
        Result bad = run("process", in.toString(), "-o", out.toString(), "--chain", chain.toString(), "--tail", "-1");
        assertThat(bad.err()).isEqualTo("mixlab: --tail: -1.0 s is outside 0 to 30" + System.lineSeparator());
    }

    @Test
    @DisplayName("process takes several files into --out-dir, goes on past a bad one, and never overwrites an input")
    void processBatch() throws Exception {
        Path a = sineWav("a.wav", 0.1, 1, 0.3);
        Path b = sineWav("b.wav", 0.2, 2, 0.4);
        Path broken = dir.resolve("broken.wav");
        Files.write(broken, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path chain = dir.resolve("chain.json");
        Files.writeString(chain, "[{\"type\":\"gain\",\"params\":{\"gainDb\":-6}}]");
        Path outDir = dir.resolve("out");
        Result r = run("process", a.toString(), broken.toString(), b.toString(), "--out-dir", outDir.toString(),
                "--chain", chain.toString(), "--bits", "32f");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out().lines()).containsExactly("wrote " + outDir.resolve("a.wav"), "wrote " + outDir.resolve("b.wav"));
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("mixlab: broken.wav: ");
        assertThat(r.err()).contains("mixlab: 1 of 3 files not processed");
        for (Path in : new Path[] {a, b}) {
            AudioData src = AudioFileReader.read(in);
            AudioData res = AudioFileReader.read(outDir.resolve(in.getFileName()));
            assertThat(res.channels()).isEqualTo(src.channels());
            assertThat(res.frames()).isEqualTo(src.frames());
            assertThat((double) res.samples()[0][1_000]).isCloseTo(src.samples()[0][1_000] * Math.pow(10, -6 / 20.0),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(outDir.resolve("broken.wav")).doesNotExist();

        Result twoToOne = run("process", a.toString(), b.toString(), "-o", dir.resolve("x.wav").toString(),
                "--chain", chain.toString());
        assertThat(twoToOne.err()).isEqualTo("mixlab: -o takes one input; for 2 files give --out-dir DIR"
                + System.lineSeparator());
        Result neither = run("process", a.toString(), "--chain", chain.toString());
        assertThat(neither.err()).startsWith("mixlab: give either -o OUT (one input) or --out-dir DIR");
        byte[] before = Files.readAllBytes(a);
        Result overwrite = run("process", a.toString(), "--out-dir", dir.toString(), "--chain", chain.toString());
        assertThat(overwrite.code()).isEqualTo(2);
        assertThat(overwrite.err()).startsWith("mixlab: a.wav: would be overwritten by its result");
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
        Files.copy(a, dir.resolve("a.aiff"));
        Result clash = run("process", a.toString(), dir.resolve("a.aiff").toString(), "--out-dir", outDir.toString(),
                "--chain", chain.toString());
        assertThat(clash.err()).startsWith("mixlab: a.aiff: another input would also be written to a.wav");
    }

    private static int loudestSample(float[] y) {
        int at = 0;
        for (int i = 1; i < y.length; i++) {
            if (Math.abs(y[i]) > Math.abs(y[at])) {
                at = i;
            }
        }
        return at;
    }

    @Test
    @DisplayName("process checks the chain like a session: one line naming the file, the JSON path and the problem")
    void processRefusesBadChains() throws Exception {
        Path in = sineWav("in.wav", 0.25, 1, 0.2);
        Path out = dir.resolve("out.wav");
        String[][] cases = {
            {"[{\"type\":\"eq\",\"params\":{\"b1GainDb\":\"loud\"}}]", "$[0].params.b1GainDb: must be a number"},
            {"[{\"type\":\"eq\",\"params\":{\"b1GainDb\":true}}]", "$[0].params.b1GainDb: must be a number"},
            {"[{\"type\":\"eq\",\"params\":{\"b1GainDb\":null}}]", "$[0].params.b1GainDb: must be a number"},
            {"[{\"type\":\"eq\",\"params\":[1, 2]}]", "$[0].params: must be an object of parameter values"},
            {"[{\"type\":\"eq\",\"bypass\":\"yes\"}]", "$[0].bypass: must be true or false"},
            {"[{\"type\":\"eq\",\"colour\":\"red\"}]", "$[0].colour: unknown key"},
            {"[{\"type\":\"eq\",\"mix\":2}]", "$[0].mix: 2 is outside 0 to 1"},
            {"[{\"type\":\"compressor\",\"params\":{\"thresholdDb\":-3000}}]",
                "$[0].params.thresholdDb: -3000 is outside -60 to 0 dB"},
            {"[{\"type\":\"eq\",\"params\":{\"wobble\":1}}]", "$[0].params.wobble: eq has no parameter 'wobble'"},
            {"[{\"type\":\"eqq\"}]", "$[0].type: unknown processor type 'eqq'"},
            {"[\"eq\"]", "$[0]: must be an object"},
            {"{\"inserts\": [{\"params\": {}}]}", "$.inserts[0].type: missing"},
            {"{\"type\":\"eq\"}", "$: expected a list of inserts"},
            {"[{\"type\":\"eq\",", "not valid JSON at line 1"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("bad.json"), c[0]);
            Result r = run("process", in.toString(), "-o", out.toString(), "--chain", dir.resolve("bad.json").toString());
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).startsWith("mixlab: bad.json: " + c[1]);
            assertThat(r.err().strip().lines().count()).as(c[0]).isEqualTo(1);
        }
        Result missing = run("process", in.toString(), "-o", out.toString(), "--chain",
                dir.resolve("nochain.json").toString());
        assertThat(missing.err()).isEqualTo("mixlab: nochain.json: file not found" + System.lineSeparator());
        Files.writeString(dir.resolve("ok.json"), "[]");
        Path six = sineWav("six.wav", 0.25, 6, 0.1);
        Result surround = run("process", six.toString(), "-o", out.toString(), "--chain",
                dir.resolve("ok.json").toString());
        assertThat(surround.code()).isEqualTo(2);
        assertThat(surround.err()).isEqualTo("mixlab: six.wav: 6 channels; process takes mono or stereo files"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }
}
