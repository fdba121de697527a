package org.mixlab.engine.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.ProcessorRegistry;

/**
 * Reads, validates and writes session files (format v1, docs/session-format.md). Reading reports every problem with
 * the file name and its JSON path, one line each; writing is atomic (temp file, then rename).
 */
public final class SessionIo {
    /** The largest session file read, bytes (a session is a few kB; this stops a wrong file from filling memory). */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SessionIo() {}

    /** The shared JSON mapper (lenient on unknown fields, indented output). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Loads and validates a session file. Stem paths must stay inside the session's own folder or one of
     * {@code extraRoots}.
     *
     * @throws SessionException listing every problem, each "file: $.path: problem"
     */
    public static Session load(Path file, List<Path> extraRoots) throws SessionException {
        String name = fileName(file);
        String text = readText(file, name);
        Path base = file.toAbsolutePath().getParent();
        List<Path> roots = new ArrayList<>();
        roots.add(base);
        roots.addAll(extraRoots);
        Session s = parse(text, name, base, roots);
        return s;
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static String readText(Path file, String name) throws SessionException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SessionException(List.of(name + ": file is " + size + " bytes; a session is at most "
                        + MAX_FILE_BYTES + " bytes"));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (SessionException e) {
            throw e;
        } catch (IOException e) {
            throw new SessionException(List.of(name + ": " + JsonText.readProblem(e)));
        }
    }

    private static JsonNode readTree(String json, String name) throws SessionException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new SessionException(List.of(name + ": not valid JSON" + where + ": " + JsonText.parseProblem(e)));
        }
    }

    /**
     * One line for a value the validator let through but the model cannot hold: its JSON path under {@code root}
     * and the type it must have, instead of Jackson's class names.
     */
    static String mappingProblem(JsonProcessingException e, String root) {
        if (!(e instanceof MismatchedInputException mi)) {
            return root + ": " + e.getOriginalMessage();
        }
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference r : mi.getPath()) {
            if (r.getFieldName() != null) {
                path.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        Class<?> t = mi.getTargetType();
        String expected;
        if (t == boolean.class || t == Boolean.class) {
            expected = "true or false";
        } else if (t == String.class) {
            expected = "a string";
        } else if (t != null && (t.isPrimitive() || Number.class.isAssignableFrom(t))) {
            expected = "a number";
        } else if (t != null && java.util.Collection.class.isAssignableFrom(t)) {
            expected = "a list";
        } else {
            expected = "an object";
        }
        return path + ": must be " + expected;
    }

    /** Parses and validates session JSON; {@code name} prefixes every problem. */
    public static Session parse(String json, String name, Path baseDir, List<Path> roots) throws SessionException {
        JsonNode root = readTree(json, name);
        List<String> problems = new ArrayList<>();
        Validator v = new Validator(name, problems, baseDir, roots);
        v.validate(root);
        if (!problems.isEmpty()) {
            throw new SessionException(problems);
        }
        Session s;
        try {
            s = MAPPER.treeToValue(root, Session.class);
        } catch (JsonProcessingException e) {
            throw new SessionException(List.of(name + ": " + mappingProblem(e, "$")));
        }
        s.baseDir = baseDir;
        assignMissingIds(s);
        return s;
    }

    /**
     * Reads an insert chain file (the {@code process} command's {@code --chain}): a JSON list of inserts written
     * exactly as in a session's strips, or an object holding such a list under "inserts". Checked like a session,
     * so every problem names the file and the JSON path; inserts without an id get one ("eq1", ...).
     *
     * @throws SessionException listing every problem, one line each
     */
    public static List<InsertModel> loadChain(Path file) throws SessionException {
        String name = fileName(file);
        return parseChain(readText(file, name), name);
    }

    /** Parses and checks chain JSON as {@link #loadChain} does; {@code name} prefixes every problem. */
    public static List<InsertModel> parseChain(String json, String name) throws SessionException {
        JsonNode root = readTree(json, name);
        JsonNode list = root.isArray() ? root : root.get("inserts");
        String lp = root.isArray() ? "$" : "$.inserts";
        if (list == null || !list.isArray()) {
            throw new SessionException(List.of(name + ": $: expected a list of inserts or {\"inserts\": [...]}"));
        }
        List<String> problems = new ArrayList<>();
        new Validator(name, problems, null, List.of()).insertList(list, lp);
        if (!problems.isEmpty()) {
            throw new SessionException(problems);
        }
        List<InsertModel> chain = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            InsertModel im;
            try {
                im = MAPPER.treeToValue(list.get(i), InsertModel.class);
            } catch (JsonProcessingException e) {
                throw new SessionException(List.of(name + ": " + mappingProblem(e, lp + "[" + i + "]")));
            }
            if (im.id != null) {
                used.add(im.id);
            }
            chain.add(im);
        }
        for (InsertModel im : chain) {
            if (im.id == null || im.id.isBlank()) {
                im.id = freshInsertId(im.type, used);
                used.add(im.id);
            }
        }
        return chain;
    }

    private static void assignMissingIds(Session s) {
        for (StripModel st : s.allStrips()) {
            Set<String> used = new HashSet<>();
            for (InsertModel i : st.inserts) {
                if (i.id != null) {
                    used.add(i.id);
                }
            }
            for (InsertModel i : st.inserts) {
                if (i.id == null || i.id.isBlank()) {
                    i.id = freshInsertId(i.type, used);
                    used.add(i.id);
                }
            }
        }
    }

    /** A new insert id like "eq1", "eq2" not in {@code used}. */
    public static String freshInsertId(String type, Set<String> used) {
        for (int k = 1;; k++) {
            String id = type + k;
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    /** Serialises a session to JSON text. */
    public static String toJson(Session s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session could not be serialised: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a session atomically: to a temporary file in the same folder, then renamed over {@code file}. When
     * {@code file} is in another folder than the session's {@link Session#baseDir}, each track's relative stem path
     * is rewritten for the new folder (the same files), and after a successful write {@code s} takes the new paths
     * and folder, so "Save as" elsewhere never leaves a session whose stems cannot be found.
     */
    public static void save(Session s, Path file) throws IOException {
        Path newBase = file.toAbsolutePath().normalize().getParent();
        Session out = s;
        Map<TrackModel, String> rebased = rebasedFiles(s, newBase);
        if (!rebased.isEmpty()) {
            out = s.copy();
            for (int i = 0; i < s.tracks.size(); i++) {
                String f = rebased.get(s.tracks.get(i));
                if (f != null) {
                    out.tracks.get(i).file = f;
                }
            }
        }
        writeAtomically(file, toJson(out).getBytes(StandardCharsets.UTF_8));
        rebased.forEach((t, f) -> t.file = f);
        s.baseDir = newBase;
    }

    /** Track -> its stem path relative to {@code newBase}, for the tracks whose path text changes. */
    private static Map<TrackModel, String> rebasedFiles(Session s, Path newBase) {
        Map<TrackModel, String> out = new java.util.IdentityHashMap<>();
        if (s.baseDir == null || newBase == null) {
            return out;
        }
        Path oldBase = s.baseDir.toAbsolutePath().normalize();
        if (oldBase.equals(newBase)) {
            return out;
        }
        for (TrackModel t : s.tracks) {
            if (t.file == null || t.file.isBlank() || Path.of(t.file).isAbsolute()) {
                continue;
            }
            try {
                Path abs = oldBase.resolve(t.file).normalize();
                String rel = newBase.relativize(abs).toString().replace('\\', '/');
                if (!rel.equals(t.file)) {
                    out.put(t, rel);
                }
            } catch (IllegalArgumentException e) {
                // another drive (Windows) or an unparsable path: keep the path text as it is
            }
        }
        return out;
    }

    /** Writes bytes atomically: temp file in the same folder, flushed, then renamed over {@code file}. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final Set<String> STRIP_KEYS = Set.of("id", "name", "gainDb", "pan", "mute", "solo", "inserts");
    private static final Set<String> TOP_KEYS = Set.of("format", "version", "title", "sampleRate", "tempoBpm", "loop",
            "tracks", "buses", "auxes", "vcas", "master");
    private static final Set<String> TRACK_KEYS = union(STRIP_KEYS, "file", "role", "trimDb", "polarity", "output",
            "sends");
    private static final Set<String> BUS_KEYS = union(STRIP_KEYS, "output", "sends");
    private static final Set<String> AUX_KEYS = STRIP_KEYS;
    private static final Set<String> MASTER_KEYS = STRIP_KEYS;
    private static final Set<String> INSERT_KEYS = Set.of("id", "type", "bypass", "mix", "params");

    private static Set<String> union(Set<String> a, String... more) {
        Set<String> s = new HashSet<>(a);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }

    /** Checks the JSON tree field by field. */
    private static final class Validator {
        private final String name;
        private final List<String> problems;
        private final Path baseDir;
        private final List<Path> roots;
        private final Set<String> stripIds = new HashSet<>();
        private final Set<String> auxIds = new HashSet<>();
        private final Set<String> busIds = new HashSet<>();
        private final JsonChecks checks = new JsonChecks(this::problem, SessionIo::fmt);

        Validator(String name, List<String> problems, Path baseDir, List<Path> roots) {
            this.name = name;
            this.problems = problems;
            this.baseDir = baseDir;
            this.roots = roots;
        }

        private void problem(String path, String what) {
            if (problems.size() < 200) {
                problems.add(name + ": " + path + ": " + what);
            }
        }

        private void keys(JsonNode n, String p, Set<String> allowed) {
            if (n == null || !n.isObject()) {
                return;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    problem(p + "." + k, "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))
                            + ")");
                }
            }
        }

        void validate(JsonNode root) {
            if (!root.isObject()) {
                problem("$", "a session must be a JSON object");
                return;
            }
            keys(root, "$", TOP_KEYS);
            checks.string(root, "$", "title");
            keys(root.get("loop"), "$.loop", Set.of("startS", "endS"));
            keys(root.get("master"), "$.master", MASTER_KEYS);
            eachObject(root.get("tracks"), "$.tracks", TRACK_KEYS);
            eachObject(root.get("buses"), "$.buses", BUS_KEYS);
            eachObject(root.get("auxes"), "$.auxes", AUX_KEYS);
            eachObject(root.get("vcas"), "$.vcas", Set.of("id", "name", "gainDb", "members"));
            for (String list : new String[] {"tracks", "buses", "auxes"}) {
                JsonNode a = root.get(list);
                if (a != null && a.isArray()) {
                    for (int i = 0; i < a.size(); i++) {
                        String p = "$." + list + "[" + i + "]";
                        eachObject(a.get(i).get("sends"), p + ".sends", Set.of("to", "levelDb", "pre"));
                    }
                }
            }
            JsonNode fmt = root.get("format");
            if (fmt == null || !"mixlab-session".equals(fmt.asText())) {
                problem("$.format", "must be \"mixlab-session\"");
            }
            JsonNode ver = root.get("version");
            if (ver == null || !ver.isInt()) {
                problem("$.version", "missing or not a whole number");
            } else if (ver.asInt() != 1) {
                problem("$.version", "version " + ver.asInt() + " is not supported (this MixLab reads version 1)");
            }
            number(root, "$", "sampleRate", 8_000, 192_000, false);
            number(root, "$", "tempoBpm", 20, 300, false);
            JsonNode loop = root.get("loop");
            if (loop != null && !loop.isNull()) {
                if (!loop.isObject()) {
                    problem("$.loop", "must be an object");
                } else {
                    double st = number(loop, "$.loop", "startS", 0, 3600, false);
                    double en = number(loop, "$.loop", "endS", 0, 3600, false);
                    if (!Double.isNaN(st) && !Double.isNaN(en) && en != 0 && en <= st) {
                        problem("$.loop.endS", "must be after startS (" + fmt(st) + " s) or 0 for the whole song");
                    }
                }
            }
            // collect ids first so routes can be checked
            collectIds(root, "buses", busIds);
            collectIds(root, "auxes", auxIds);
            JsonNode tracks = array(root, "$", "tracks", true);
            if (tracks != null) {
                for (int i = 0; i < tracks.size(); i++) {
                    track(tracks.get(i), "$.tracks[" + i + "]");
                }
            }
            JsonNode buses = array(root, "$", "buses", false);
            if (buses != null) {
                for (int i = 0; i < buses.size(); i++) {
                    String p = "$.buses[" + i + "]";
                    strip(buses.get(i), p);
                    JsonNode out = buses.get(i).get("output");
                    if (out != null && !"master".equals(out.asText())) {
                        problem(p + ".output", "a bus can only go to \"master\"");
                    }
                    sends(buses.get(i), p);
                }
            }
            JsonNode auxes = array(root, "$", "auxes", false);
            if (auxes != null) {
                for (int i = 0; i < auxes.size(); i++) {
                    strip(auxes.get(i), "$.auxes[" + i + "]");
                }
            }
            JsonNode vcas = array(root, "$", "vcas", false);
            if (vcas != null) {
                for (int i = 0; i < vcas.size(); i++) {
                    String p = "$.vcas[" + i + "]";
                    JsonNode v = vcas.get(i);
                    if (!v.isObject()) {
                        problem(p, "must be an object");
                        continue;
                    }
                    text(v, p, "id", true);
                    checks.string(v, p, "name");
                    number(v, p, "gainDb", -100, 12, false);
                    JsonNode mem = array(v, p, "members", false);
                    if (mem != null) {
                        for (int k = 0; k < mem.size(); k++) {
                            if (!stripIds.contains(mem.get(k).asText())) {
                                problem(p + ".members[" + k + "]", "no track or bus '" + mem.get(k).asText() + "'");
                            }
                        }
                    }
                }
            }
            JsonNode master = root.get("master");
            if (master != null && !master.isNull()) {
                if (!master.isObject()) {
                    problem("$.master", "must be an object");
                } else {
                    number(master, "$.master", "gainDb", -100, 12, false);
                    inserts(master, "$.master");
                }
            }
        }

        private void eachObject(JsonNode a, String p, Set<String> allowed) {
            if (a != null && a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    keys(a.get(i), p + "[" + i + "]", allowed);
                }
            }
        }

        private void collectIds(JsonNode root, String field, Set<String> into) {
            JsonNode a = root.get(field);
            if (a != null && a.isArray()) {
                for (JsonNode n : a) {
                    if (n.isObject() && n.hasNonNull("id")) {
                        into.add(n.get("id").asText());
                    }
                }
            }
        }

        private void track(JsonNode t, String p) {
            if (!t.isObject()) {
                problem(p, "must be an object");
                return;
            }
            strip(t, p);
            number(t, p, "trimDb", -24, 24, false);
            checks.flag(t, p, "polarity");
            checks.string(t, p, "role");
            String file = text(t, p, "file", true);
            if (file != null) {
                try {
                    PathGuard.resolve(baseDir, file, roots);
                } catch (IllegalArgumentException e) {
                    problem(p + ".file", e.getMessage());
                }
            }
            JsonNode out = t.get("output");
            if (out != null && !out.isNull()) {
                String o = out.asText();
                if (!"master".equals(o) && !busIds.contains(o)) {
                    problem(p + ".output", "no bus '" + o + "' (use \"master\" or a bus id)");
                }
            }
            sends(t, p);
        }

        private void sends(JsonNode t, String p) {
            JsonNode sends = array(t, p, "sends", false);
            if (sends == null) {
                return;
            }
            for (int k = 0; k < sends.size(); k++) {
                String sp = p + ".sends[" + k + "]";
                JsonNode s = sends.get(k);
                if (!s.isObject()) {
                    problem(sp, "must be an object");
                    continue;
                }
                String to = text(s, sp, "to", true);
                if (to != null && !auxIds.contains(to)) {
                    problem(sp + ".to", "no aux return '" + to + "'");
                }
                number(s, sp, "levelDb", -100, 6, false);
                checks.flag(s, sp, "pre");
            }
        }

        private void strip(JsonNode s, String p) {
            if (!s.isObject()) {
                problem(p, "must be an object");
                return;
            }
            String id = text(s, p, "id", true);
            if (id != null) {
                if ("master".equals(id)) {
                    problem(p + ".id", "\"master\" is reserved for the master strip");
                } else if (!stripIds.add(id)) {
                    problem(p + ".id", "id '" + id + "' is used twice");
                }
            }
            checks.string(s, p, "name");
            number(s, p, "gainDb", -100, 12, false);
            number(s, p, "pan", -100, 100, false);
            checks.flag(s, p, "mute");
            checks.flag(s, p, "solo");
            inserts(s, p);
        }

        private void inserts(JsonNode s, String p) {
            JsonNode ins = array(s, p, "inserts", false);
            if (ins != null) {
                insertList(ins, p + ".inserts");
            }
        }

        /** Checks a list of inserts (at JSON path {@code lp}): keys, ids, types, parameter names and values. */
        void insertList(JsonNode ins, String lp) {
            Set<String> ids = new HashSet<>();
            for (int k = 0; k < ins.size(); k++) {
                String ip = lp + "[" + k + "]";
                JsonNode in = ins.get(k);
                if (!in.isObject()) {
                    problem(ip, "must be an object");
                    continue;
                }
                keys(in, ip, INSERT_KEYS);
                String iid = text(in, ip, "id", false);
                if (iid != null && !ids.add(iid)) {
                    problem(ip + ".id", "insert id '" + iid + "' is used twice in this strip");
                }
                number(in, ip, "mix", 0, 1, false);
                checks.flag(in, ip, "bypass");
                String type = text(in, ip, "type", true);
                if (type == null) {
                    continue;
                }
                if (!ProcessorRegistry.has(type)) {
                    problem(ip + ".type", "unknown processor type '" + type + "' (known: "
                            + String.join(", ", ProcessorRegistry.types()) + ")");
                    continue;
                }
                JsonNode params = in.get("params");
                if (params == null || params.isNull()) {
                    continue;
                }
                if (!params.isObject()) {
                    problem(ip + ".params", "must be an object of parameter values");
                    continue;
                }
                Processor proto = ProcessorRegistry.prototype(type);
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String pp = ip + ".params." + e.getKey();
                    int idx = proto.paramIndex(e.getKey());
                    if (idx < 0) {
                        problem(pp, type + " has no parameter '" + e.getKey() + "'");
                        continue;
                    }
                    ParamSpec spec = proto.params().get(idx);
                    if (!e.getValue().isNumber()) {
                        problem(pp, "must be a number");
                    } else if (!spec.inRange(e.getValue().asDouble())) {
                        problem(pp, fmt(e.getValue().asDouble()) + " is outside " + fmt(spec.min()) + " to "
                                + fmt(spec.max()) + (spec.unit().isEmpty() ? "" : " " + spec.unit()));
                    }
                }
            }
        }

        private JsonNode array(JsonNode n, String p, String field, boolean required) {
            return checks.array(n, p, field, required);
        }

        private String text(JsonNode n, String p, String field, boolean required) {
            return checks.text(n, p, field, required);
        }

        private double number(JsonNode n, String p, String field, double min, double max, boolean required) {
            return checks.number(n, p, field, min, max, required);
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
