package org.mixlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlab.lesson.drill.DrillType;

/** Malformed packs give one-line problems naming the file, and loading never throws. */
class LessonPackLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {
              "format": "mixlab-lesson-pack", "version": 1, "id": "demo", "title": "Demo", "tool": "tone",
              "summary": "A demo pack.", "order": 3, "song": "demo-song",
              "startSession": "../../audio/demo-song/unmixed.session.json",
              "steps": [
                {"id": "intro", "kind": "explain", "title": "Intro", "page": "intro.md"},
                {"id": "hpf", "kind": "task", "title": "High-pass", "page": "intro.md",
                 "checks": [
                   {"kind": "setting", "selector": "track:guitar/insert:eq/hpFreqHz", "op": "between",
                    "min": 80, "max": 250, "hint": "Switch the filter on."},
                   {"kind": "relative", "a": "track:bass/gainDb", "b": "track:kick/gainDb", "op": "between",
                    "min": -2, "max": 2},
                   {"kind": "exists", "selector": "track:lead/insert:compressor"},
                   {"kind": "eqBand", "selector": "track:bass/insert:eq", "minHz": 100, "maxHz": 250,
                    "op": "<=", "value": -2},
                   {"kind": "audio", "measure": "integratedLufs", "target": "master", "op": "between",
                    "min": -15, "max": -13}
                 ]},
                {"id": "drill", "kind": "drill", "title": "Drill",
                 "drill": {"type": "eq-band", "source": "pink-noise", "q": 1.4, "trials": 30}},
                {"id": "ex", "kind": "exercise", "title": "Exercises", "exercises": ["tone-1"]}
              ]
            }
            """;
    private static final String PAGE = "# Intro\n\nSome *text*.\n\n![diagram](img/eq.png)\n";

    @TempDir
    Path root;
    private Path pack;
    private LessonPackLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        pack = root.resolve("lessons/demo");
        Files.createDirectories(pack.resolve("img"));
        Files.writeString(pack.resolve("intro.md"), PAGE);
        Files.write(pack.resolve("img/eq.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path song = root.resolve("audio/demo-song");
        Files.createDirectories(song);
        Files.writeString(song.resolve("unmixed.session.json"), """
                {"format": "mixlab-session", "version": 1, "tracks": [
                  {"id": "guitar", "role": "guitar"}, {"id": "bass", "role": "bass"},
                  {"id": "kick", "role": "kick"}, {"id": "lead", "role": "lead"}]}
                """);
        Files.createDirectories(root.resolve("exercises"));
        Files.writeString(root.resolve("exercises/tone-1.json"), "{}");
        Files.writeString(pack.resolve("pack.json"), VALID);
        loader = new LessonPackLoader(root, false);
    }

    private LoadResult load() {
        return loader.load(pack);
    }

    private void write(ObjectNode n) throws IOException {
        Files.writeString(pack.resolve("pack.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }

    private ObjectNode valid() throws IOException {
        return (ObjectNode) JSON.readTree(VALID);
    }

    private ObjectNode step(ObjectNode n, int i) {
        return (ObjectNode) n.get("steps").get(i);
    }

    private ObjectNode check(ObjectNode n, int i) {
        return (ObjectNode) step(n, 1).get("checks").get(i);
    }

    /** Applies a mutation and asserts that the pack is refused with a one-line problem containing the text. */
    private void assertRefused(Consumer<ObjectNode> mutation, String expected) throws IOException {
        ObjectNode n = valid();
        mutation.accept(n);
        write(n);
        assertRefusedAsIs(expected);
    }

    private void assertRefusedAsIs(String expected) {
        LoadResult[] r = new LoadResult[1];
        assertThatCode(() -> r[0] = load()).doesNotThrowAnyException();
        assertThat(r[0].packs()).isEmpty();
        assertThat(r[0].errors()).isNotEmpty();
        for (Problem p : r[0].problems()) {
            assertThat(p.toString()).doesNotContain("\n").startsWith("lessons/demo/");
        }
        assertThat(r[0].errors()).map(Problem::toString).anyMatch(s -> s.contains(expected));
    }

    @Test
    void validPackLoadsWithoutProblems() {
        LoadResult r = load();
        assertThat(r.problems()).isEmpty();
        LessonPack p = r.packs().get(0);
        assertThat(p.id()).isEqualTo("demo");
        assertThat(p.steps()).hasSize(4);
        assertThat(p.steps().get(1).checks()).hasSize(5);
        assertThat(p.steps().get(1).checks().get(0).hint()).isEqualTo("Switch the filter on.");
        assertThat(p.steps().get(2).drill().type()).isEqualTo(DrillType.EQ_BAND);
        assertThat(p.steps().get(2).drill().settings()).containsEntry("q", 1.4);
        assertThat(p.startSession()).isEqualTo(root.resolve("audio/demo-song/unmixed.session.json"));
    }

    @Test
    void missingFields() throws IOException {
        assertRefused(n -> n.remove("title"), "lessons/demo/pack.json: $.title: missing required field");
        assertRefused(n -> n.remove("steps"), "$.steps: missing required field");
        assertRefused(n -> step(n, 1).remove("checks"), "$.steps[1].checks: missing required field");
        assertRefused(n -> step(n, 0).remove("page"), "$.steps[0].page: missing required field");
        assertRefused(n -> check(n, 0).remove("selector"), "$.steps[1].checks[0].selector: missing required field");
        assertRefused(n -> check(n, 1).remove("max"), "$.steps[1].checks[1].max: missing required field");
        assertRefused(n -> step(n, 2).remove("drill"), "$.steps[2].drill: missing required field");
    }

    @Test
    void wrongTypes() throws IOException {
        assertRefused(n -> n.put("title", 5), "$.title: expected a string, found a number");
        assertRefused(n -> n.put("order", "1"), "$.order: expected a whole number, found a string");
        assertRefused(n -> n.put("steps", "all"), "$.steps: expected an array, found a string");
        assertRefused(n -> check(n, 1).put("min", "low"), "$.steps[1].checks[1].min: expected a number");
        assertRefused(n -> step(n, 3).put("exercises", "tone-1"), "$.steps[3].exercises: expected a non-empty array");
        assertRefused(n -> ((ArrayNode) n.get("steps")).add(3), "$.steps[4]: expected a step object, found a number");
    }

    @Test
    void wrongValues() throws IOException {
        assertRefused(n -> n.put("format", "mixlab-session"), "$.format: expected \"mixlab-lesson-pack\"");
        assertRefused(n -> n.put("version", 2), "$.version: version 2 is newer");
        assertRefused(n -> n.put("id", "other"), "$.id: 'other' must equal the folder name 'demo'");
        assertRefused(n -> n.put("tool", "reverb"), "$.tool: unknown tool 'reverb'");
        assertRefused(n -> step(n, 0).put("kind", "quiz"), "$.steps[0].kind: unknown step kind 'quiz'");
        assertRefused(n -> step(n, 1).put("id", "intro"), "$.steps[1].id: duplicate step id 'intro'");
        assertRefused(n -> n.set("steps", JSON.createArrayNode()), "$.steps: a pack needs at least one step");
        assertRefused(n -> check(n, 0).put("kind", "maybe"), "$.steps[1].checks[0].kind: unknown check kind 'maybe'");
        assertRefused(n -> check(n, 0).put("op", "~"), "$.steps[1].checks[0].op: unknown operator '~'");
        assertRefused(n -> check(n, 1).put("min", 5), "$.steps[1].checks[1].min: min (5.0) is greater than max");
        assertRefused(n -> check(n, 4).put("measure", "rms"), "$.steps[1].checks[4].measure: unknown measure 'rms'");
        assertRefused(n -> check(n, 4).put("measure", "stemLevelDiff"), "$.steps[1].checks[4].other: missing");
        assertRefused(n -> ((ObjectNode) step(n, 2).get("drill")).put("type", "tuning"),
                "$.steps[2].drill.type: unknown drill type 'tuning'");
        assertRefused(n -> ((ObjectNode) step(n, 2).get("drill")).put("q", 40), "$.steps[2].drill.q: 40.0 is outside");
        assertRefused(n -> ((ObjectNode) step(n, 2).get("drill")).put("ratio", 4),
                "$.steps[2].drill.ratio: unknown setting 'ratio'");
        assertRefused(n -> ((ArrayNode) step(n, 3).get("exercises")).set(0, "Tone 1"),
                "$.steps[3].exercises[0]: 'Tone 1' is not a valid exercise id");
    }

    @Test
    void badSelectors() throws IOException {
        assertRefused(n -> check(n, 0).put("selector", "track:guitar/insert:eqq/hpFreqHz"),
                "lessons/demo/pack.json: $.steps[1].checks[0].selector: unknown processor type 'eqq'");
        assertRefused(n -> check(n, 0).put("selector", "track:guitar/insert:eq/hpFreq"),
                "$.steps[1].checks[0].selector: unknown parameter 'hpFreq' for processor type 'eq'");
        assertRefused(n -> check(n, 0).put("selector", "track:guitar/volume"), "unknown field 'volume' for track");
        assertRefused(n -> check(n, 0).put("selector", "strip:guitar/gainDb"), "selector must start with");
        assertRefused(n -> check(n, 0).put("selector", "track:guitar/insert:eq"), "names an insert, not a value");
        assertRefused(n -> check(n, 2).put("selector", "track:lead/insert:compressor/ratio"),
                "$.steps[1].checks[2].selector: selector 'track:lead/insert:compressor/ratio' must name an insert");
        assertRefused(n -> check(n, 3).put("selector", "track:bass/insert:compressor"),
                "an eqBand check needs an eq insert");
        assertRefused(n -> check(n, 0).put("selector", "aux:verb/send:x/levelDb"), "only tracks and buses have sends");
        assertRefused(n -> {
            check(n, 0).put("min", 5000);
            check(n, 0).put("max", 6000);
        }, "$.steps[1].checks[0].min: can never pass: hpFreqHz ranges from 20.0 to 2000.0");
    }

    @Test
    void pathsMayNotEscape() throws IOException {
        assertRefused(n -> step(n, 0).put("page", "../other/intro.md"), "$.steps[0].page: '../other/intro.md' leaves "
                + "the pack folder");
        assertRefused(n -> n.put("startSession", "/etc/passwd.session.json"), "$.startSession: absolute path");
        assertRefused(n -> n.put("startSession", "C:/Windows/x.session.json"), "$.startSession: absolute path");
        assertRefused(n -> n.put("startSession", "../../../outside.session.json"), "$.startSession: "
                + "'../../../outside.session.json' leaves the lessons/, audio/ and exercises/ folders");
        assertRefused(n -> n.put("startSession", "..\\..\\audio\\x.session.json"), "must use forward slashes");
        assertRefused(n -> step(n, 0).put("page", "https://example.com/intro.md"), "is a URL");
        assertRefused(n -> step(n, 0).put("page", "missing.md"), "$.steps[0].page: file not found: missing.md");
        assertRefused(n -> step(n, 0).put("page", "img/eq.png"), "must be a Markdown (.md) file");
    }

    @Test
    void symlinksResolvingOutsideAreRefused() throws IOException {
        Path outside = Files.createTempDirectory("mixlab-outside");
        try {
            Path secret = Files.writeString(outside.resolve("secret.md"), "# secret page with enough text\n");
            Files.createSymbolicLink(pack.resolve("link.md"), secret);
            assertRefused(n -> step(n, 0).put("page", "link.md"),
                    "$.steps[0].page: 'link.md' is a symbolic link that resolves outside the pack folder");
            Path session = Files.writeString(outside.resolve("s.session.json"), "{\"format\":\"mixlab-session\"}");
            Files.createSymbolicLink(pack.resolve("start.session.json"), session);
            assertRefused(n -> n.put("startSession", "start.session.json"),
                    "$.startSession: 'start.session.json' is a symbolic link that resolves outside");
            Path img = Files.write(outside.resolve("x.png"), new byte[] {1});
            Files.createSymbolicLink(pack.resolve("img/out.png"), img);
            Files.writeString(pack.resolve("intro.md"), "# Intro\n\n![x](img/out.png)\n");
            assertRefusedAsIs("lessons/demo/intro.md: line 3: image 'img/out.png' is a symbolic link");
        } finally {
            try (var files = Files.walk(outside)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void remoteAndEscapingImagesAreRefusedWithTheirLine() throws IOException {
        Files.writeString(pack.resolve("intro.md"), "# Intro\n\nText.\n\n![logo](https://example.com/logo.png)\n");
        assertRefusedAsIs("lessons/demo/intro.md: line 5: remote image 'https://example.com/logo.png' is not allowed");
        Files.writeString(pack.resolve("intro.md"), "# Intro\n\n![x](../../secret.png)\n");
        assertRefusedAsIs("lessons/demo/intro.md: line 3: image '../../secret.png' must be a relative path");
        Files.writeString(pack.resolve("intro.md"), "# Intro\n\n![x](img/none.png)\n");
        assertRefusedAsIs("lessons/demo/intro.md: line 3: image not found: img/none.png");
        Files.write(pack.resolve("intro.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28});
        assertRefusedAsIs("lessons/demo/intro.md: page is not valid UTF-8 text");
    }

    @Test
    void invalidJsonReportsTheLine() throws IOException {
        Files.writeString(pack.resolve("pack.json"), "{\n  \"format\": \"mixlab-lesson-pack\",\n  \"version\": 1,\n"
                + "  \"id\": \"demo\"\n  \"title\": \"x\"\n}\n");
        assertRefusedAsIs("lessons/demo/pack.json: line 5, column 3: invalid JSON");
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"demo\", \"id\": \"demo\"}");
        assertRefusedAsIs("lessons/demo/pack.json: line 1");
        Files.writeString(pack.resolve("pack.json"), "[1, 2]");
        assertRefusedAsIs("lessons/demo/pack.json: $: expected a JSON object, found an array");
        Files.writeString(pack.resolve("pack.json"), "");
        assertRefusedAsIs("lessons/demo/pack.json: line 1: pack.json is empty");
    }

    @Test
    void missingReferencesAreWarningsUnlessStrict() throws IOException {
        ObjectNode n = valid();
        ((ArrayNode) step(n, 3).get("exercises")).add("tone-2");
        n.put("song", "no-such-song");
        write(n);
        LoadResult lenient = load();
        assertThat(lenient.packs()).hasSize(1);
        assertThat(lenient.warnings()).map(Problem::toString).containsExactlyInAnyOrder(
                "lessons/demo/pack.json: $.song: warning: the song folder audio/no-such-song/ does not exist",
                "lessons/demo/pack.json: $.steps[3].exercises[1]: warning: exercise 'tone-2' not found under "
                        + "exercises/");
        LoadResult strict = new LessonPackLoader(root, true).load(pack);
        assertThat(strict.packs()).isEmpty();
        assertThat(strict.errors()).hasSize(2);
    }

    @Test
    void unknownKeysAndUnknownTracksWarn() throws IOException {
        ObjectNode n = valid();
        n.put("author", "me");
        check(n, 1).put("a", "track:triangle/gainDb");
        write(n);
        LoadResult r = load();
        assertThat(r.packs()).hasSize(1);
        assertThat(r.warnings()).map(Problem::toString).contains(
                "lessons/demo/pack.json: $.author: warning: unknown field 'author' is ignored",
                "lessons/demo/pack.json: $.steps[1].checks[1].a: warning: the start session has no track with id or "
                        + "role 'triangle'");
    }

    @Test
    void loadAllSkipsBrokenPacksAndKeepsGoodOnes() throws IOException {
        Path bad = root.resolve("lessons/bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("pack.json"), "{ not json");
        LoadResult r = new LessonPackLoader(root, false).loadAll();
        assertThat(r.packs()).extracting(LessonPack::id).containsExactly("demo");
        assertThat(r.errors()).singleElement().asString().startsWith("lessons/bad/pack.json: line 1");
    }

    @Test
    void seededFuzzNeverThrows() throws IOException {
        Random rnd = new Random(20261206L);
        String[] weird = {"", "../../../etc/passwd", "/abs.md", "http://x/y.png", "track:x/insert:eqq/y",
                "master/insert:limiter/ceilingDb", "between", "\u0000", "C:\\x", "aux:verb/insert:reverb", "eq-band"};
        int loaded = 0;
        for (int i = 0; i < 300; i++) {
            String text;
            if (i % 10 == 9) {
                String v = VALID;
                int cut = rnd.nextInt(v.length());
                text = v.substring(0, cut) + (rnd.nextBoolean() ? "" : "}{,\"") + v.substring(Math.min(v.length(),
                        cut + rnd.nextInt(20)));
            } else {
                ObjectNode n = valid();
                int edits = 1 + rnd.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    mutate(n, rnd, weird);
                }
                text = JSON.writeValueAsString(n);
            }
            Files.write(pack.resolve("pack.json"), text.getBytes(StandardCharsets.UTF_8));
            LoadResult[] r = new LoadResult[1];
            assertThatCode(() -> r[0] = load()).as(text).doesNotThrowAnyException();
            assertThat(r[0].packs().isEmpty()).as(text).isEqualTo(!r[0].errors().isEmpty());
            for (Problem p : r[0].problems()) {
                assertThat(p.toString()).doesNotContain("\n").startsWith("lessons/demo/");
            }
            loaded += r[0].packs().size();
        }
        assertThat(loaded).as("some mutations are harmless").isBetween(1, 299);
    }

    private static void mutate(JsonNode rootNode, Random rnd, String[] weird) {
        List<JsonNode> containers = new ArrayList<>();
        collect(rootNode, containers);
        JsonNode target = containers.get(rnd.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            String key = names.get(rnd.nextInt(names.size()));
            switch (rnd.nextInt(6)) {
                case 0 -> o.remove(key);
                case 1 -> o.put(key, weird[rnd.nextInt(weird.length)]);
                case 2 -> o.put(key, rnd.nextInt(5) == 0 ? Double.MAX_VALUE : rnd.nextGaussian() * 1000);
                case 3 -> o.putNull(key);
                case 4 -> o.set(key, JSON.createArrayNode().add(rnd.nextInt()));
                default -> o.put(key, rnd.nextBoolean());
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int idx = rnd.nextInt(a.size());
            switch (rnd.nextInt(3)) {
                case 0 -> a.remove(idx);
                case 1 -> a.add(a.get(idx).deepCopy());
                default -> a.set(idx, JSON.getNodeFactory().textNode(weird[rnd.nextInt(weird.length)]));
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (JsonNode c : n) {
                collect(c, out);
            }
        }
    }
}
