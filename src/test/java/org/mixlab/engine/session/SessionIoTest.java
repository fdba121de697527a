package org.mixlab.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionIoTest {
    @TempDir
    Path dir;

    static final String HEAD = "{\"format\":\"mixlab-session\",\"version\":1,";

    List<String> problems(String json) {
        try {
            SessionIo.parse(json, "t.session.json", dir, List.of(dir));
            return List.of();
        } catch (SessionException e) {
            return e.problems();
        }
    }

    @Test
    @DisplayName("unknown keys are reported with their JSON path")
    void unknownKeys() {
        List<String> p = problems(HEAD + "\"tracks\":[{\"id\":\"a\",\"file\":\"a.wav\",\"volume\":3,"
                + "\"inserts\":[{\"type\":\"eq\",\"colour\":\"red\"}]}],\"extra\":1}");
        assertThat(p).anyMatch(s -> s.startsWith("t.session.json: $.tracks[0].volume: unknown key"));
        assertThat(p).anyMatch(s -> s.startsWith("t.session.json: $.tracks[0].inserts[0].colour: unknown key"));
        assertThat(p).anyMatch(s -> s.startsWith("t.session.json: $.extra: unknown key"));
    }

    @Test
    @DisplayName("out-of-range parameters, unknown types and parameters, bad routes: every problem, one line each")
    void everyProblem() {
        List<String> p = problems(HEAD + "\"tracks\":[{\"id\":\"a\",\"file\":\"a.wav\",\"output\":\"nowhere\","
                + "\"inserts\":[{\"type\":\"compressor\",\"params\":{\"ratio\":500,\"wobble\":1}},{\"type\":\"eqq\"}],"
                + "\"sends\":[{\"to\":\"verb\"}]},{\"id\":\"a\",\"file\":\"b.wav\"}]}");
        assertThat(p).contains(
                "t.session.json: $.tracks[0].output: no bus 'nowhere' (use \"master\" or a bus id)",
                "t.session.json: $.tracks[0].inserts[0].params.ratio: 500 is outside 1 to 100 :1",
                "t.session.json: $.tracks[0].inserts[0].params.wobble: compressor has no parameter 'wobble'",
                "t.session.json: $.tracks[0].sends[0].to: no aux return 'verb'",
                "t.session.json: $.tracks[1].id: id 'a' is used twice");
        assertThat(p).anyMatch(s -> s.startsWith("t.session.json: $.tracks[0].inserts[1].type: unknown processor type 'eqq'"));
        assertThat(p).allMatch(s -> !s.contains("\n"));
    }

    @Test
    @DisplayName("switches and names of the wrong type are reported with their path, not as a mapper error")
    void wrongTypes() {
        List<String> p = problems(HEAD + "\"title\":{\"a\":1},\"auxes\":[{\"id\":\"verb\"}],"
                + "\"tracks\":[{\"id\":\"a\",\"file\":\"a.wav\",\"name\":[1],\"role\":7,\"mute\":\"yes\","
                + "\"solo\":1,\"polarity\":2,\"sends\":[{\"to\":\"verb\",\"pre\":\"no\"}],"
                + "\"inserts\":[{\"type\":\"eq\",\"bypass\":\"on\"}]}]}");
        assertThat(p).containsExactlyInAnyOrder(
                "t.session.json: $.title: must be a string",
                "t.session.json: $.tracks[0].name: must be a string",
                "t.session.json: $.tracks[0].mute: must be true or false",
                "t.session.json: $.tracks[0].solo: must be true or false",
                "t.session.json: $.tracks[0].inserts[0].bypass: must be true or false",
                "t.session.json: $.tracks[0].polarity: must be true or false",
                "t.session.json: $.tracks[0].role: must be a string",
                "t.session.json: $.tracks[0].sends[0].pre: must be true or false");
    }

    @Test
    @DisplayName("a value the checks miss but the model cannot hold still gets its JSON path and the type it needs")
    void mappingErrorsNameThePath() {
        var mapper = SessionIo.mapper();
        String[][] cases = {
            {"{\"tracks\":[{\"id\":\"a\"},{\"mute\":\"yes\"}]}", "$.tracks[1].mute: must be true or false"},
            {"{\"tempoBpm\":\"fast\"}", "$.tempoBpm: must be a number"},
            {"{\"vcas\":[{\"members\":[{\"a\":1}]}]}", "$.vcas[0].members[0]: must be a string"},
            {"{\"loop\":[1]}", "$.loop: must be an object"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> mapper.treeToValue(mapper.readTree(c[0]), Session.class))
                    .isInstanceOfSatisfying(com.fasterxml.jackson.core.JsonProcessingException.class,
                            e -> assertThat(SessionIo.mappingProblem(e, "$")).isEqualTo(c[1]));
        }
    }

    @Test
    @DisplayName("paths that leave the allowed folders are refused: .., absolute, and symlinks pointing out")
    void pathEscapes() throws Exception {
        Path inside = Files.createDirectories(dir.resolve("proj"));
        Path outside = Files.createDirectories(dir.resolve("secret"));
        Files.writeString(outside.resolve("x.wav"), "x");
        Files.createSymbolicLink(inside.resolve("link.wav"), outside.resolve("x.wav"));
        for (String f : new String[] {"../secret/x.wav", "/etc/passwd", "link.wav", "C:/Windows/win.ini"}) {
            assertThatThrownBy(() -> SessionIo.parse(HEAD + "\"tracks\":[{\"id\":\"a\",\"file\":\"" + f + "\"}]}",
                    "t.session.json", inside, List.of(inside)))
                    .isInstanceOf(SessionException.class)
                    .hasMessageContaining("$.tracks[0].file");
        }
    }

    @Test
    @DisplayName("saving is atomic, leaves no temporary file, and loads back equal")
    void saveRoundTrip() throws Exception {
        Files.writeString(dir.resolve("a.wav"), "not audio, never read here");
        Session s = SessionIo.parse(HEAD + "\"title\":\"Demo\",\"tracks\":[{\"id\":\"a\",\"file\":\"a.wav\",\"gainDb\":-3.5,"
                + "\"inserts\":[{\"type\":\"eq\",\"params\":{\"hpOn\":1,\"hpFreqHz\":120}}]}]}", "t", dir, List.of(dir));
        assertThat(s.tracks.get(0).inserts.get(0).id).isEqualTo("eq1");
        Path f = dir.resolve("demo.session.json");
        SessionIo.save(s, f);
        SessionIo.save(s, f);
        try (var list = Files.list(dir)) {
            assertThat(list.map(x -> x.getFileName().toString())).containsExactlyInAnyOrder("a.wav", "demo.session.json");
        }
        Session back = SessionIo.load(f, List.of());
        assertThat(SessionIo.toJson(back)).isEqualTo(SessionIo.toJson(s));
        assertThat(back.tracks.get(0).gainDb).isEqualTo(-3.5);
    }

    @Test
    @DisplayName("broken JSON names the line; a huge file is refused before reading")
    void brokenAndHuge() throws Exception {
        assertThat(problems("{\n\"format\": \"mixlab-session\",\n  oops\n}")).singleElement().asString()
                .startsWith("t.session.json: not valid JSON at line 3");
        Path big = dir.resolve("big.session.json");
        Files.write(big, new byte[(int) SessionIo.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> SessionIo.load(big, List.of())).hasMessageContaining("a session is at most");
    }

    @Test
    @DisplayName("saving into another folder rewrites the stem paths for it: the saved session opens on the same files")
    void saveAsElsewhereRebasesStemPaths() throws Exception {
        Path songDir = Files.createDirectories(dir.resolve("songs/one"));
        Files.createDirectories(songDir.resolve("stems"));
        Files.write(songDir.resolve("stems/kick.wav"), new byte[] {1});
        Path original = songDir.resolve("mix.session.json");
        Files.writeString(original, HEAD + "\"sampleRate\":48000,\"tracks\":[{\"id\":\"k\",\"name\":\"Kick\","
                + "\"file\":\"stems/kick.wav\"}]}");
        Session s = SessionIo.load(original, List.of(dir));
        Path elsewhere = Files.createDirectories(dir.resolve("students/ana")).resolve("my mix.session.json");
        SessionIo.save(s, elsewhere);
        assertThat(Files.readString(elsewhere)).contains("\"file\" : \"../../songs/one/stems/kick.wav\"");
        assertThat(s.tracks.get(0).file).isEqualTo("../../songs/one/stems/kick.wav");
        assertThat(s.baseDir).isEqualTo(elsewhere.getParent().toAbsolutePath().normalize());
        Session again = SessionIo.load(elsewhere, List.of(dir));
        assertThat(PathGuard.resolve(again.baseDir, again.tracks.get(0).file, List.of(dir)))
                .isEqualTo(songDir.resolve("stems/kick.wav").toAbsolutePath().normalize());
        // saving back in place leaves the paths as they are
        SessionIo.save(again, elsewhere.resolveSibling("copy.session.json"));
        assertThat(again.tracks.get(0).file).isEqualTo("../../songs/one/stems/kick.wav");
        assertThat(Files.readString(original)).contains("\"stems/kick.wav\"");
    }
}
