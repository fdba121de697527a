package org.mixlab.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mixlab.engine.session.JsonText;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.lesson.drill.DrillSpec;
import org.mixlab.lesson.drill.DrillType;

/**
 * Loads and validates lesson packs (docs/lesson-format.md). Reports every problem it finds as one line naming the
 * file and the JSON path or line, and never throws: a broken pack is left out of {@link LoadResult#packs()} and
 * the app carries on. Files a pack refers to must stay inside the project's lessons/, audio/ and exercises/
 * folders (pages and images inside the pack's own folder): absolute paths, ".." escapes, URLs and symbolic links
 * that resolve elsewhere are refused.
 */
public final class LessonPackLoader {

    /** The "format" value of a pack.json. */
    public static final String FORMAT = "mixlab-lesson-pack";
    /** The newest format version this loader reads. */
    public static final int VERSION = 1;
    /** The allowed "tool" values. */
    public static final List<String> TOOLS =
            List.of("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");

    private static final long MAX_JSON_BYTES = 1 << 20;
    private static final long MAX_PAGE_BYTES = 256 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Set<String> PACK_KEYS = Set.of("format", "version", "id", "title", "tool", "summary",
            "order", "song", "startSession", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "kind", "title", "page", "checks", "drill",
            "exercises");
    private static final Set<String> CHECK_KEYS = Set.of("kind", "selector", "a", "b", "op", "min", "max",
            "value", "tolerance", "present", "minHz", "maxHz", "measure", "target", "other", "hint", "label");

    private final Path root;
    private final boolean strictReferences;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /**
     * Creates a loader.
     *
     * @param projectRoot      the folder holding lessons/, audio/ and exercises/
     * @param strictReferences true: a missing song, start session under audio/ or exercise id is an error;
     *                         false (default for the app while content is being written): only a warning
     */
    public LessonPackLoader(Path projectRoot, boolean strictReferences) {
        this.root = projectRoot.toAbsolutePath().normalize();
        this.strictReferences = strictReferences;
    }

    /** Loads every lessons/&lt;id&gt;/ folder that has a pack.json. Never throws. */
    public LoadResult loadAll() {
        List<Problem> problems = new ArrayList<>();
        List<LessonPack> packs = new ArrayList<>();
        Path lessons = root.resolve("lessons");
        if (!Files.isDirectory(lessons)) {
            problems.add(new Problem(Problem.Severity.ERROR, "lessons", "", "the lessons folder does not exist"));
            return new LoadResult(List.of(), problems);
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(lessons)) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    dirs.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(Problem.Severity.ERROR, "lessons", "", "cannot list the folder: "
                    + oneLine(e.getMessage())));
        }
        dirs.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path d : dirs) {
            if (!Files.exists(d.resolve("pack.json"))) {
                continue;
            }
            LoadResult r = load(d);
            packs.addAll(r.packs());
            problems.addAll(r.problems());
        }
        packs.sort(Comparator.comparingInt(LessonPack::order).thenComparing(LessonPack::id));
        return new LoadResult(List.copyOf(packs), List.copyOf(problems));
    }

    /** Loads one pack folder. Never throws. */
    public LoadResult load(Path packDir) {
        Path dir = packDir.toAbsolutePath().normalize();
        Ctx ctx = new Ctx(dir, label(dir.resolve("pack.json")));
        LessonPack pack = null;
        try {
            pack = loadPack(ctx);
        } catch (IOException | RuntimeException e) {
            ctx.error("", "could not read the pack: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            ctx.error("", "the pack is nested too deeply to read");
        }
        boolean ok = pack != null && ctx.problems.stream().noneMatch(Problem::isError);
        return new LoadResult(ok ? List.of(pack) : List.of(), List.copyOf(ctx.problems));
    }

    private LessonPack loadPack(Ctx ctx) throws IOException {
        Path lessons = root.resolve("lessons");
        if (!ctx.dir.startsWith(lessons) || ctx.dir.equals(lessons)) {
            ctx.error("", "a pack folder must be inside " + label(lessons) + "/");
            return null;
        }
        if (!ctx.dir.toRealPath().startsWith(realOrSelf(lessons))) {
            ctx.error("", "the pack folder is a symbolic link that leaves the lessons folder");
            return null;
        }
        Path packJson = ctx.dir.resolve("pack.json");
        if (!Files.isRegularFile(packJson)) {
            ctx.error("", "pack.json is missing");
            return null;
        }
        if (Files.isSymbolicLink(packJson) && !packJson.toRealPath().startsWith(ctx.dir.toRealPath())) {
            ctx.error("", "pack.json is a symbolic link that leaves the pack folder");
            return null;
        }
        if (Files.size(packJson) > MAX_JSON_BYTES) {
            ctx.error("", "pack.json is larger than 1 MB");
            return null;
        }
        JsonNode node;
        try {
            node = mapper.readTree(packJson.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            ctx.error(where, "invalid JSON: " + oneLine(JsonText.parseProblem(e)));
            return null;
        }
        if (node == null || node.isMissingNode()) {
            ctx.error("line 1", "pack.json is empty");
            return null;
        }
        if (!node.isObject()) {
            ctx.error("$", "expected a JSON object, found " + typeName(node));
            return null;
        }
        unknownKeys(ctx, node, "$", PACK_KEYS);
        String format = str(ctx, node, "$", "format", true);
        if (format != null && !FORMAT.equals(format)) {
            ctx.error("$.format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        Integer version = integer(ctx, node, "$", "version", true);
        if (version != null && version != VERSION) {
            ctx.error("$.version", version > VERSION ? "version " + version + " is newer than this MixLab reads ("
                    + VERSION + "); update MixLab" : "unsupported version " + version);
        }
        String id = str(ctx, node, "$", "id", true);
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                ctx.error("$.id", "'" + id + "' must be lower-case letters, digits and hyphens");
            } else if (!id.equals(ctx.dir.getFileName().toString())) {
                ctx.error("$.id", "'" + id + "' must equal the folder name '" + ctx.dir.getFileName() + "'");
            }
        }
        String title = str(ctx, node, "$", "title", true);
        String tool = str(ctx, node, "$", "tool", true);
        if (tool != null && !TOOLS.contains(tool)) {
            ctx.error("$.tool", "unknown tool '" + tool + "' (expected one of " + String.join(", ", TOOLS) + ")");
        }
        String summary = str(ctx, node, "$", "summary", true);
        Integer order = integer(ctx, node, "$", "order", true);
        String song = str(ctx, node, "$", "song", true);
        if (song != null) {
            if (!ID.matcher(song).matches()) {
                ctx.error("$.song", "'" + song + "' must be a folder name under audio/, like \"pop-rock\"");
            } else if (!Files.isDirectory(root.resolve("audio").resolve(song))) {
                ctx.reference("$.song", "the song folder audio/" + song + "/ does not exist");
            }
        }
        Path startSession = null;
        Set<String> trackNames = null;
        String ss = str(ctx, node, "$", "startSession", true);
        if (ss != null) {
            startSession = safePath(ctx, "$.startSession", ss, false);
            if (startSession != null) {
                if (!startSession.getFileName().toString().endsWith(".session.json")) {
                    ctx.error("$.startSession", "'" + ss + "' must be a *.session.json file");
                } else if (!Files.isRegularFile(startSession)) {
                    if (startSession.startsWith(ctx.dir)) {
                        ctx.error("$.startSession", "file not found: " + ss);
                    } else {
                        ctx.reference("$.startSession", "file not found: " + ss);
                    }
                } else {
                    trackNames = sessionTracks(ctx, startSession);
                }
            }
        }
        List<LessonStep> steps = new ArrayList<>();
        JsonNode stepsNode = node.get("steps");
        if (stepsNode == null) {
            ctx.error("$.steps", "missing required field");
        } else if (!stepsNode.isArray()) {
            ctx.error("$.steps", "expected an array, found " + typeName(stepsNode));
        } else if (stepsNode.isEmpty()) {
            ctx.error("$.steps", "a pack needs at least one step");
        } else {
            Set<String> stepIds = new HashSet<>();
            for (int i = 0; i < stepsNode.size(); i++) {
                LessonStep step = step(ctx, stepsNode.get(i), "$.steps[" + i + "]", stepIds, trackNames);
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        if (ctx.errors > 0) {
            return null;
        }
        return new LessonPack(id, title, tool, summary, order, song, startSession, ctx.dir, List.copyOf(steps));
    }

    private LessonStep step(Ctx ctx, JsonNode s, String path, Set<String> stepIds, Set<String> tracks) {
        if (s == null || !s.isObject()) {
            ctx.error(path, "expected a step object, found " + typeName(s));
            return null;
        }
        unknownKeys(ctx, s, path, STEP_KEYS);
        String id = str(ctx, s, path, "id", true);
        if (id != null) {
            if (!STEP_ID.matcher(id).matches()) {
                ctx.error(path + ".id", "'" + id + "' must be letters, digits, '-' or '_'");
            } else if (!stepIds.add(id)) {
                ctx.error(path + ".id", "duplicate step id '" + id + "'");
            }
        }
        String kindText = str(ctx, s, path, "kind", true);
        String title = str(ctx, s, path, "title", true);
        if (kindText == null) {
            return null;
        }
        LessonStep.Kind kind;
        switch (kindText) {
            case "explain" -> kind = LessonStep.Kind.EXPLAIN;
            case "task" -> kind = LessonStep.Kind.TASK;
            case "drill" -> kind = LessonStep.Kind.DRILL;
            case "exercise" -> kind = LessonStep.Kind.EXERCISE;
            default -> {
                ctx.error(path + ".kind", "unknown step kind '" + kindText
                        + "' (expected explain, task, drill or exercise)");
                return null;
            }
        }
        boolean pageRequired = kind == LessonStep.Kind.EXPLAIN || kind == LessonStep.Kind.TASK;
        Path page = null;
        String pageText = str(ctx, s, path, "page", pageRequired);
        if (pageText != null) {
            page = page(ctx, path + ".page", pageText);
        }
        List<Check> checks = new ArrayList<>();
        if (kind == LessonStep.Kind.TASK) {
            JsonNode cs = s.get("checks");
            if (cs == null) {
                ctx.error(path + ".checks", "missing required field (a task needs at least one check)");
            } else if (!cs.isArray() || cs.isEmpty()) {
                ctx.error(path + ".checks", "expected a non-empty array of checks, found " + typeName(cs));
            } else {
                for (int i = 0; i < cs.size(); i++) {
                    Check c = check(ctx, cs.get(i), path + ".checks[" + i + "]", tracks);
                    if (c != null) {
                        checks.add(c);
                    }
                }
            }
        } else if (s.has("checks")) {
            ctx.error(path + ".checks", "only task steps have checks");
        }
        LessonStep.Drill drill = null;
        if (kind == LessonStep.Kind.DRILL) {
            drill = drill(ctx, s.get("drill"), path + ".drill");
        } else if (s.has("drill")) {
            ctx.error(path + ".drill", "only drill steps have a drill");
        }
        List<String> exercises = new ArrayList<>();
        if (kind == LessonStep.Kind.EXERCISE) {
            JsonNode ex = s.get("exercises");
            if (ex == null) {
                ctx.error(path + ".exercises", "missing required field");
            } else if (!ex.isArray() || ex.isEmpty()) {
                ctx.error(path + ".exercises", "expected a non-empty array of exercise ids, found " + typeName(ex));
            } else {
                for (int i = 0; i < ex.size(); i++) {
                    String w = path + ".exercises[" + i + "]";
                    JsonNode e = ex.get(i);
                    if (!e.isTextual()) {
                        ctx.error(w, "expected an exercise id string, found " + typeName(e));
                    } else if (!ID.matcher(e.asText()).matches()) {
                        ctx.error(w, "'" + e.asText() + "' is not a valid exercise id (like \"balance-1\")");
                    } else {
                        exercises.add(e.asText());
                        if (!exerciseExists(e.asText())) {
                            ctx.reference(w, "exercise '" + e.asText() + "' not found under exercises/");
                        }
                    }
                }
            }
        } else if (s.has("exercises")) {
            ctx.error(path + ".exercises", "only exercise steps link exercises");
        }
        return new LessonStep(id, kind, title, page, List.copyOf(checks), drill, List.copyOf(exercises));
    }

    private boolean exerciseExists(String id) {
        Path ex = root.resolve("exercises");
        return Files.isRegularFile(ex.resolve(id + ".json")) || Files.isRegularFile(ex.resolve(id + ".exercise.json"))
                || Files.isDirectory(ex.resolve(id));
    }

    private Check check(Ctx ctx, JsonNode c, String path, Set<String> tracks) {
        if (c == null || !c.isObject()) {
            ctx.error(path, "expected a check object, found " + typeName(c));
            return null;
        }
        unknownKeys(ctx, c, path, CHECK_KEYS);
        int before = ctx.errors;
        String kindText = str(ctx, c, path, "kind", true);
        if (kindText == null) {
            return null;
        }
        Check.Kind kind = Check.Kind.fromJson(kindText);
        if (kind == null) {
            ctx.error(path + ".kind", "unknown check kind '" + kindText
                    + "' (expected setting, relative, exists, eqBand or audio)");
            return null;
        }
        String hint = str(ctx, c, path, "hint", false);
        String label = str(ctx, c, path, "label", false);
        String selector = null;
        String a = null;
        String b = null;
        String measure = null;
        String target = null;
        String other = null;
        boolean present = true;
        double minHz = Double.NaN;
        double maxHz = Double.NaN;
        Selector valueSel = null;
        switch (kind) {
            case SETTING -> {
                selector = str(ctx, c, path, "selector", true);
                valueSel = selector(ctx, path + ".selector", selector, Boolean.TRUE, tracks);
            }
            case RELATIVE -> {
                a = str(ctx, c, path, "a", true);
                b = str(ctx, c, path, "b", true);
                selector(ctx, path + ".a", a, Boolean.TRUE, tracks);
                selector(ctx, path + ".b", b, Boolean.TRUE, tracks);
            }
            case EXISTS -> {
                selector = str(ctx, c, path, "selector", true);
                selector(ctx, path + ".selector", selector, Boolean.FALSE, tracks);
                JsonNode p = c.get("present");
                if (p != null) {
                    if (!p.isBoolean()) {
                        ctx.error(path + ".present", "expected true or false, found " + typeName(p));
                    } else {
                        present = p.asBoolean();
                    }
                }
            }
            case EQ_BAND -> {
                selector = str(ctx, c, path, "selector", true);
                Selector sel = selector(ctx, path + ".selector", selector, Boolean.FALSE, tracks);
                if (sel != null && !"eq".equals(sel.insertType())) {
                    ctx.error(path + ".selector", "an eqBand check needs an eq insert, like track:bass/insert:eq");
                }
                Double lo = number(ctx, c, path, "minHz", true);
                Double hi = number(ctx, c, path, "maxHz", true);
                if (lo != null && hi != null) {
                    minHz = lo;
                    maxHz = hi;
                    if (!(lo >= 20 && hi <= 20000 && lo < hi)) {
                        ctx.error(path + ".minHz", "the band window must satisfy 20 <= minHz < maxHz <= 20000");
                    }
                }
            }
            case AUDIO -> {
                measure = str(ctx, c, path, "measure", true);
                if (measure != null && !AudioMeasurements.MEASURES.contains(measure)) {
                    ctx.error(path + ".measure", "unknown measure '" + measure + "' (expected one of "
                            + String.join(", ", AudioMeasurements.MEASURES) + ")");
                }
                target = str(ctx, c, path, "target", true);
                boolean insertTarget = measure != null && AudioMeasurements.INSERT_MEASURES.contains(measure);
                if (target != null) {
                    if (insertTarget) {
                        selector(ctx, path + ".target", target, Boolean.FALSE, tracks);
                    } else {
                        stripOnly(ctx, path + ".target", target, tracks);
                    }
                }
                boolean pair = measure != null && AudioMeasurements.PAIR_MEASURES.contains(measure);
                other = str(ctx, c, path, "other", pair);
                if (other != null) {
                    if (!pair) {
                        ctx.error(path + ".other", "only " + String.join(", ", AudioMeasurements.PAIR_MEASURES)
                                + " takes a second strip");
                    } else {
                        stripOnly(ctx, path + ".other", other, tracks);
                    }
                }
            }
            default -> { }
        }
        Check.Op op = Check.Op.EQ;
        double min = Double.NaN;
        double max = Double.NaN;
        double value = Double.NaN;
        double tolerance = Check.DEFAULT_TOLERANCE;
        if (kind != Check.Kind.EXISTS) {
            String opText = str(ctx, c, path, "op", true);
            if (opText != null) {
                op = Check.Op.fromJson(opText);
                if (op == null) {
                    ctx.error(path + ".op", "unknown operator '" + opText
                            + "' (expected between, <=, >=, <, >, == or !=)");
                    op = Check.Op.EQ;
                } else if (op == Check.Op.BETWEEN) {
                    Double lo = number(ctx, c, path, "min", true);
                    Double hi = number(ctx, c, path, "max", true);
                    if (lo != null && hi != null) {
                        min = lo;
                        max = hi;
                        if (lo > hi) {
                            ctx.error(path + ".min", "min (" + lo + ") is greater than max (" + hi + ")");
                        }
                    }
                } else {
                    Double v = number(ctx, c, path, "value", true);
                    if (v != null) {
                        value = v;
                    }
                }
                Double tol = number(ctx, c, path, "tolerance", false);
                if (tol != null) {
                    if (tol < 0) {
                        ctx.error(path + ".tolerance", "must be 0 or more");
                    } else {
                        tolerance = tol;
                    }
                }
            }
            if (valueSel != null && ctx.errors == before) {
                reachable(ctx, path, valueSel, op, min, max, value);
            }
        }
        if (ctx.errors > before) {
            return null;
        }
        return new Check(kind, selector, a, b, op, min, max, value, tolerance, present, minHz, maxHz, measure,
                target, other, hint == null ? "" : hint, label == null ? "" : label);
    }

    /** An error when a setting check's range lies wholly outside the parameter's range (it can never pass). */
    private void reachable(Ctx ctx, String path, Selector sel, Check.Op op, double min, double max, double value) {
        ParamSpec spec = sel.paramSpec().orElse(null);
        if (spec == null) {
            return;
        }
        double lo = op == Check.Op.BETWEEN ? min : value;
        double hi = op == Check.Op.BETWEEN ? max : value;
        boolean impossible = switch (op) {
            case BETWEEN, EQ -> hi < spec.min() || lo > spec.max();
            case LE -> value < spec.min();
            case LT -> value <= spec.min();
            case GE -> value > spec.max();
            case GT -> value >= spec.max();
            case NE -> false;
        };
        if (impossible) {
            ctx.error(path + (op == Check.Op.BETWEEN ? ".min" : ".value"), "can never pass: " + spec.id()
                    + " ranges from " + spec.min() + " to " + spec.max());
        }
    }

    private Selector selector(Ctx ctx, String where, String text, Boolean valueRequired, Set<String> tracks) {
        if (text == null) {
            return null;
        }
        Selector.Parsed p = Selector.parse(text, valueRequired);
        if (!p.ok()) {
            ctx.error(where, p.problem());
            return null;
        }
        trackKnown(ctx, where, p.selector(), tracks);
        return p.selector();
    }

    private void stripOnly(Ctx ctx, String where, String text, Set<String> tracks) {
        if (text.equals("master")) {
            return;
        }
        if (text.contains("/")) {
            ctx.error(where, "'" + text + "' must name a strip only, like \"master\" or \"track:bass\"");
            return;
        }
        Selector.Parsed p = Selector.parse(text + "/gainDb", Boolean.TRUE);
        if (!p.ok()) {
            ctx.error(where, p.problem());
            return;
        }
        trackKnown(ctx, where, p.selector(), tracks);
    }

    private void trackKnown(Ctx ctx, String where, Selector sel, Set<String> tracks) {
        if (tracks != null && sel.stripKind() == Selector.StripKind.TRACK && !tracks.contains(sel.stripRef())) {
            ctx.warn(where, "the start session has no track with id or role '" + sel.stripRef() + "'");
        }
    }

    private LessonStep.Drill drill(Ctx ctx, JsonNode d, String path) {
        if (d == null) {
            ctx.error(path, "missing required field (a drill step needs a drill block)");
            return null;
        }
        if (!d.isObject()) {
            ctx.error(path, "expected an object, found " + typeName(d));
            return null;
        }
        String typeText = str(ctx, d, path, "type", true);
        if (typeText == null) {
            return null;
        }
        DrillType type = DrillType.fromJson(typeText);
        if (type == null) {
            StringBuilder known = new StringBuilder();
            for (DrillType t : DrillType.values()) {
                known.append(known.length() == 0 ? "" : ", ").append(t.json());
            }
            ctx.error(path + ".type", "unknown drill type '" + typeText + "' (expected " + known + ")");
            return null;
        }
        DrillSpec spec = DrillSpec.of(type);
        String source = str(ctx, d, path, "source", false);
        if (source == null) {
            source = "pink-noise";
        } else if (!source.equals("pink-noise") && !(source.startsWith("stem:")
                && ID.matcher(source.substring(5)).matches())) {
            ctx.error(path + ".source", "'" + source + "' must be \"pink-noise\" or \"stem:<role>\"");
        }
        Map<String, Double> settings = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = d.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("type") || k.equals("source")) {
                continue;
            }
            String w = path + "." + k;
            if (!spec.accepts(k)) {
                ctx.error(w, "unknown setting '" + k + "' for drill type '" + typeText + "'");
                continue;
            }
            if (!e.getValue().isNumber()) {
                ctx.error(w, "expected a number, found " + typeName(e.getValue()));
                continue;
            }
            double v = e.getValue().asDouble();
            double[] bounds = spec.bounds(k);
            if (!(v >= bounds[0] && v <= bounds[1])) {
                ctx.error(w, v + " is outside " + bounds[0] + " to " + bounds[1]);
                continue;
            }
            settings.put(k, v);
        }
        return new LessonStep.Drill(type, source, Map.copyOf(settings));
    }

    private Path page(Ctx ctx, String where, String text) {
        Path p = safePath(ctx, where, text, true);
        if (p == null) {
            return null;
        }
        if (!p.getFileName().toString().endsWith(".md")) {
            ctx.error(where, "'" + text + "' must be a Markdown (.md) file");
            return null;
        }
        if (!Files.isRegularFile(p)) {
            ctx.error(where, "file not found: " + text);
            return null;
        }
        String label = label(p);
        try {
            if (Files.size(p) > MAX_PAGE_BYTES) {
                ctx.problems.add(new Problem(Problem.Severity.ERROR, label, "", "page is larger than 256 KB"));
                ctx.errors++;
                return null;
            }
            String md = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
            for (MarkdownRenderer.ImageRef img : markdown.images(md)) {
                String w = "line " + img.line();
                String dest = img.destination();
                if (!MarkdownRenderer.isLocalImage(dest)) {
                    boolean remote = dest != null && (SCHEME.matcher(dest.trim()).matches() || dest.startsWith("//"));
                    ctx.problems.add(new Problem(Problem.Severity.ERROR, label, w, remote
                            ? "remote image '" + dest + "' is not allowed: images must be files inside the pack"
                            : "image '" + dest + "' must be a relative path inside the pack (no '..', no '/')"));
                    ctx.errors++;
                    continue;
                }
                Path imgPath = p.getParent().resolve(dest.trim()).normalize();
                if (!imgPath.startsWith(ctx.dir)) {
                    ctx.problems.add(new Problem(Problem.Severity.ERROR, label, w, "image '" + dest
                            + "' is outside the pack folder"));
                    ctx.errors++;
                } else if (!Files.isRegularFile(imgPath)) {
                    ctx.problems.add(new Problem(Problem.Severity.ERROR, label, w, "image not found: " + dest));
                    ctx.errors++;
                } else if (!imgPath.toRealPath().startsWith(ctx.dir.toRealPath())) {
                    ctx.problems.add(new Problem(Problem.Severity.ERROR, label, w, "image '" + dest
                            + "' is a symbolic link that leaves the pack folder"));
                    ctx.errors++;
                }
            }
        } catch (CharacterCodingException e) {
            ctx.problems.add(new Problem(Problem.Severity.ERROR, label, "", "page is not valid UTF-8 text"));
            ctx.errors++;
            return null;
        } catch (IOException e) {
            ctx.problems.add(new Problem(Problem.Severity.ERROR, label, "", "cannot read the page: "
                    + oneLine(e.getMessage())));
            ctx.errors++;
            return null;
        }
        return p;
    }

    /**
     * Resolves a path written in pack.json against the pack folder and checks that it stays inside the pack
     * (packLocal) or inside lessons/, audio/ or exercises/. Records a problem and returns null when it does not.
     */
    private Path safePath(Ctx ctx, String where, String text, boolean packLocal) {
        String t = text.trim();
        if (t.isEmpty()) {
            ctx.error(where, "empty path");
            return null;
        }
        if (t.indexOf('\0') >= 0) {
            ctx.error(where, "path contains a NUL character");
            return null;
        }
        if (t.contains("\\")) {
            ctx.error(where, "'" + text + "' must use forward slashes '/'");
            return null;
        }
        if (SCHEME.matcher(t).matches() || t.startsWith("//")) {
            boolean drive = t.length() > 1 && t.charAt(1) == ':';
            ctx.error(where, drive ? "absolute path '" + text + "' is not allowed: use a path relative to the pack"
                    : "'" + text + "' is a URL: only files inside the project are allowed");
            return null;
        }
        if (t.startsWith("/") || t.startsWith("~")) {
            ctx.error(where, "absolute path '" + text + "' is not allowed: use a path relative to the pack");
            return null;
        }
        Path p;
        try {
            p = ctx.dir.resolve(t).normalize();
        } catch (RuntimeException e) {
            ctx.error(where, "'" + text + "' is not a valid path");
            return null;
        }
        List<Path> allowed = packLocal ? List.of(ctx.dir)
                : List.of(root.resolve("lessons"), root.resolve("audio"), root.resolve("exercises"));
        if (allowed.stream().noneMatch(p::startsWith)) {
            ctx.error(where, "'" + text + "' leaves " + (packLocal ? "the pack folder"
                    : "the lessons/, audio/ and exercises/ folders"));
            return null;
        }
        try {
            if (Files.exists(p)) {
                Path real = p.toRealPath();
                boolean inside = false;
                for (Path a : allowed) {
                    if (Files.exists(a) && real.startsWith(a.toRealPath())) {
                        inside = true;
                    }
                }
                if (!inside) {
                    ctx.error(where, "'" + text + "' is a symbolic link that resolves outside "
                            + (packLocal ? "the pack folder" : "the lessons/, audio/ and exercises/ folders"));
                    return null;
                }
            } else if (Files.isSymbolicLink(p) || Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                ctx.error(where, "'" + text + "' is a broken symbolic link");
                return null;
            }
        } catch (IOException e) {
            ctx.error(where, "cannot resolve '" + text + "': " + oneLine(e.getMessage()));
            return null;
        }
        return p;
    }

    /** Track ids and roles of a session file, or null when it cannot be read (then a problem is recorded). */
    private Set<String> sessionTracks(Ctx ctx, Path session) {
        String label = label(session);
        try {
            if (Files.size(session) > 8 * MAX_JSON_BYTES) {
                ctx.warn("$.startSession", "the start session is too large to inspect");
                return null;
            }
            JsonNode n = mapper.readTree(session.toFile());
            if (n == null || !n.isObject() || !"mixlab-session".equals(n.path("format").asText())) {
                ctx.problems.add(new Problem(Problem.Severity.ERROR, label, "$.format",
                        "not a MixLab session (expected \"format\": \"mixlab-session\")"));
                ctx.errors++;
                return null;
            }
            Set<String> names = new HashSet<>();
            for (JsonNode t : n.path("tracks")) {
                if (t.hasNonNull("id")) {
                    names.add(t.get("id").asText());
                }
                if (t.hasNonNull("role")) {
                    names.add(t.get("role").asText());
                }
            }
            return names;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            ctx.problems.add(new Problem(Problem.Severity.ERROR, label, loc == null ? "" : "line "
                    + loc.getLineNr() + ", column " + loc.getColumnNr(), "invalid JSON: "
                    + oneLine(JsonText.parseProblem(e))));
            ctx.errors++;
            return null;
        } catch (IOException e) {
            ctx.problems.add(new Problem(Problem.Severity.ERROR, label, "", "cannot read: " + oneLine(e.getMessage())));
            ctx.errors++;
            return null;
        }
    }

    private static void unknownKeys(Ctx ctx, JsonNode n, String path, Set<String> known) {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!known.contains(k)) {
                ctx.warn(path + "." + k, "unknown field '" + k + "' is ignored");
            }
        }
    }

    private static String str(Ctx ctx, JsonNode n, String path, String name, boolean required) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                ctx.error(path + "." + name, "missing required field");
            }
            return null;
        }
        if (!v.isTextual()) {
            ctx.error(path + "." + name, "expected a string, found " + typeName(v));
            return null;
        }
        if (required && v.asText().isBlank()) {
            ctx.error(path + "." + name, "must not be empty");
            return null;
        }
        return v.asText();
    }

    private static Double number(Ctx ctx, JsonNode n, String path, String name, boolean required) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                ctx.error(path + "." + name, "missing required field");
            }
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            ctx.error(path + "." + name, "expected a number, found " + typeName(v));
            return null;
        }
        return v.asDouble();
    }

    private static Integer integer(Ctx ctx, JsonNode n, String path, String name, boolean required) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                ctx.error(path + "." + name, "missing required field");
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            ctx.error(path + "." + name, "expected a whole number, found " + typeName(v));
            return null;
        }
        return v.asInt();
    }

    private static String typeName(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n instanceof ObjectNode) {
            return "an object";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private String label(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.startsWith(root)) {
            return root.relativize(abs).toString().replace('\\', '/');
        }
        return abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    }

    /** Per-pack problem collector. */
    private final class Ctx {
        final Path dir;
        final String file;
        final List<Problem> problems = new ArrayList<>();
        int errors;

        Ctx(Path dir, String file) {
            this.dir = dir;
            this.file = file;
        }

        void error(String where, String message) {
            problems.add(new Problem(Problem.Severity.ERROR, file, where, message));
            errors++;
        }

        void warn(String where, String message) {
            problems.add(new Problem(Problem.Severity.WARNING, file, where, message));
        }

        /** A missing optional reference: an error in strict mode, else a warning. */
        void reference(String where, String message) {
            if (strictReferences) {
                error(where, message);
            } else {
                warn(where, message);
            }
        }
    }
}
