package org.mixlab.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mixlab.engine.session.JsonText;
import org.mixlab.engine.session.JsonChecks;
import org.mixlab.engine.session.PathGuard;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.TrackModel;

/**
 * Loads exercise folders ({@code exercises/<id>/exercise.json}, docs/exercise-format.md) and validates them fully:
 * the JSON, the start and reference sessions, the reference audio and profile, and every rubric line against the
 * sessions. Every problem is reported, one line each, as "{@code <folder>/<file>: $.json.path: problem}". Paths in
 * an exercise are relative to its folder and must stay inside the project's {@code exercises/} or {@code audio/}.
 */
public final class ExerciseLoader {
    /** The name of the exercise file inside each exercise folder. */
    public static final String FILE_NAME = "exercise.json";
    /** The largest exercise file read, bytes. */
    public static final long MAX_FILE_BYTES = 1L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "id", "title", "tool", "difficulty",
            "timeLimitMin", "brief", "start", "reference", "allowReferenceListening", "rubric");
    private static final Set<String> REF_FIELDS = Set.of("session", "audio", "profile");
    private static final Set<String> CRITERION_FIELDS = Set.of("id", "kind", "label", "weight", "tolerance",
            "falloff", "selector", "minus", "scale", "target", "min", "max", "whenMissing", "stems", "minHz", "maxHz",
            "metric", "note");

    private final Path exercisesRoot;
    private final Path audioRoot;

    /** A loader for the project whose root holds {@code exercises/} and {@code audio/}. */
    public ExerciseLoader(Path projectRoot) {
        Path r = projectRoot.toAbsolutePath().normalize();
        this.exercisesRoot = r.resolve("exercises");
        this.audioRoot = r.resolve("audio");
    }

    /** The project's exercises folder. */
    public Path exercisesRoot() {
        return exercisesRoot;
    }

    /** The folders a session loaded for an exercise may read audio from. */
    public List<Path> roots() {
        return List.of(exercisesRoot, audioRoot);
    }

    /** Every exercise folder (holding an exercise.json) under exercises/, sorted by name. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(exercisesRoot)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(exercisesRoot)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(FILE_NAME))).sorted().toList();
        }
    }

    /**
     * Loads and validates one exercise.
     *
     * @param dir the exercise folder (or its exercise.json)
     * @throws ExerciseException listing every problem, one line each
     */
    public Exercise load(Path dir) throws ExerciseException {
        Path folder = dir.toAbsolutePath().normalize();
        if (folder.getFileName() != null && folder.getFileName().toString().equals(FILE_NAME)) {
            folder = folder.getParent();
        }
        String tag = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        String name = tag + "/" + FILE_NAME;
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw new ExerciseException(List.of(tag + ": no such exercise folder"));
        }
        if (!inside(folder, exercisesRoot)) {
            throw new ExerciseException(List.of(tag + ": the exercise folder is not inside " + exercisesRoot));
        }
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ExerciseException(List.of(name + ": file not found"));
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ExerciseException(List.of(name + ": file is " + size + " bytes; an exercise is at most "
                        + MAX_FILE_BYTES + " bytes"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (ExerciseException e) {
            throw e;
        } catch (IOException e) {
            throw new ExerciseException(List.of(name + ": " + JsonText.readProblem(e)));
        }
        return new Parse(folder, tag, name).run(text);
    }

    private static boolean inside(Path p, Path root) {
        try {
            Path a = Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
            Path r = Files.exists(root) ? root.toRealPath() : root.toAbsolutePath().normalize();
            return a.startsWith(r);
        } catch (IOException e) {
            return false;
        }
    }

    /** One validation pass over one exercise file. */
    private final class Parse {
        private final Path folder;
        private final String tag;
        private final String name;
        private final List<String> problems = new ArrayList<>();
        private final JsonChecks checks = new JsonChecks(this::problem, Feedback::num);

        Parse(Path folder, String tag, String name) {
            this.folder = folder;
            this.tag = tag;
            this.name = name;
        }

        private void problem(String path, String what) {
            if (problems.size() < 200) {
                problems.add(name + ": " + path + ": " + what);
            }
        }

        Exercise run(String text) throws ExerciseException {
            JsonNode root;
            try {
                root = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
                throw new ExerciseException(List.of(name + ": not valid JSON" + where + ": "
                        + JsonText.parseProblem(e)));
            }
            if (root == null || !root.isObject()) {
                throw new ExerciseException(List.of(name + ": $: an exercise must be a JSON object"));
            }
            unknownFields(root, "$", TOP_FIELDS);
            if (!"mixlab-exercise".equals(root.path("format").asText(null))) {
                problem("$.format", "must be \"mixlab-exercise\"");
            }
            JsonNode ver = root.get("version");
            if (ver == null || !ver.isInt()) {
                problem("$.version", "missing or not a whole number");
            } else if (ver.asInt() != 1) {
                problem("$.version", "version " + ver.asInt() + " is not supported (this MixLab reads version 1)");
            }
            String id = text(root, "$", "id", true);
            if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                problem("$.id", "'" + id + "' must be lower-case letters, digits and dashes");
            } else if (id != null && !id.equals(tag)) {
                problem("$.id", "'" + id + "' must match the folder name '" + tag + "'");
            }
            String title = text(root, "$", "title", true);
            String tool = text(root, "$", "tool", true);
            if (tool != null && !Exercise.TOOLS.contains(tool)) {
                problem("$.tool", "'" + tool + "' is not one of " + String.join(", ", Exercise.TOOLS));
            }
            int difficulty = 0;
            JsonNode diff = root.get("difficulty");
            if (diff == null || !diff.isInt()) {
                problem("$.difficulty", "missing or not a whole number (1 to 3)");
            } else if (diff.asInt() < 1 || diff.asInt() > 3) {
                problem("$.difficulty", diff.asInt() + " is outside 1 to 3");
            } else {
                difficulty = diff.asInt();
            }
            Double limit = number(root, "$", "timeLimitMin", 1, 240, false);
            String brief = text(root, "$", "brief", true);
            boolean listen = false;
            JsonNode al = root.get("allowReferenceListening");
            if (al != null && !al.isNull()) {
                if (!al.isBoolean()) {
                    problem("$.allowReferenceListening", "must be true or false");
                } else {
                    listen = al.asBoolean();
                }
            }

            // start session
            Path startFile = path(root, "$", "start", true);
            Session start = startFile == null ? null : session(startFile);
            // reference
            Path refSessionFile = null;
            Session refSession = null;
            Path refAudio = null;
            Path refProfileFile = null;
            ReferenceProfile profile = null;
            JsonNode ref = root.get("reference");
            if (ref == null || ref.isNull()) {
                problem("$.reference", "missing (give a reference session, audio or profile)");
            } else if (!ref.isObject()) {
                problem("$.reference", "must be an object with session, audio and/or profile");
            } else {
                unknownFields(ref, "$.reference", REF_FIELDS);
                refSessionFile = path(ref, "$.reference", "session", false);
                if (refSessionFile != null) {
                    refSession = session(refSessionFile);
                }
                refAudio = path(ref, "$.reference", "audio", false);
                if (refAudio != null && !refAudio.getFileName().toString().toLowerCase().matches(".*\\.(wav|aiff?)")) {
                    problem("$.reference.audio", "must be a WAV or AIFF file");
                }
                refProfileFile = path(ref, "$.reference", "profile", false);
                if (refProfileFile != null) {
                    try {
                        profile = ReferenceProfile.parse(Files.readString(refProfileFile, StandardCharsets.UTF_8),
                                tag + "/" + refProfileFile.getFileName());
                    } catch (IllegalArgumentException e) {
                        problems.addAll(e.getMessage().lines().toList());
                    } catch (IOException | RuntimeException e) {
                        problem("$.reference.profile", "cannot be read");
                    }
                }
                if (!ref.has("session") && !ref.has("audio") && !ref.has("profile")) {
                    problem("$.reference", "give at least one of session, audio or profile");
                }
            }
            if (listen && refSession == null && refAudio == null && ref != null && ref.isObject()) {
                problem("$.allowReferenceListening", "true needs a reference session or reference audio to play");
            }
            if (start != null && refSession != null) {
                for (int i = 0; i < refSession.tracks.size(); i++) {
                    TrackModel t = refSession.tracks.get(i);
                    if (start.track(t.id) == null) {
                        problems.add(tag + "/" + refSessionFile.getFileName() + ": $.tracks[" + i + "].id: track '"
                                + t.id + "' is not in the start session");
                    }
                }
            }

            // rubric
            List<Criterion> criteria = new ArrayList<>();
            double passScore = 70;
            JsonNode rubric = root.get("rubric");
            if (rubric == null || !rubric.isObject()) {
                problem("$.rubric", rubric == null ? "missing" : "must be an object with a criteria list");
            } else {
                unknownFields(rubric, "$.rubric", Set.of("criteria", "passScore"));
                Double ps = number(rubric, "$.rubric", "passScore", 0, 100, false);
                if (ps != null) {
                    passScore = ps;
                }
                JsonNode crit = rubric.get("criteria");
                if (crit == null || !crit.isArray() || crit.isEmpty()) {
                    problem("$.rubric.criteria", "must be a non-empty list");
                } else {
                    Set<String> ids = new HashSet<>();
                    for (int i = 0; i < crit.size(); i++) {
                        Criterion c = criterion(crit.get(i), "$.rubric.criteria[" + i + "]", start, refSession,
                                refAudio != null, profile);
                        if (c != null) {
                            if (!ids.add(c.id())) {
                                problem("$.rubric.criteria[" + i + "].id", "id '" + c.id() + "' is used twice");
                            }
                            criteria.add(c);
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ExerciseException(problems);
            }
            return new Exercise(id, title, tool, difficulty, limit, brief, folder, startFile, start, refSessionFile,
                    refSession, refAudio, refProfileFile, profile, listen, passScore, List.copyOf(criteria));
        }

        private Criterion criterion(JsonNode c, String p, Session start, Session refSession, boolean refAudio,
                                    ReferenceProfile profile) {
            if (!c.isObject()) {
                problem(p, "must be an object");
                return null;
            }
            int before = problems.size();
            unknownFields(c, p, CRITERION_FIELDS);
            String id = text(c, p, "id", true);
            String kindName = text(c, p, "kind", true);
            Criterion.Kind kind = kindName == null ? null : Criterion.Kind.parse(kindName);
            if (kindName != null && kind == null) {
                problem(p + ".kind", "unknown kind '" + kindName + "' (known: " + Criterion.Kind.names() + ")");
            }
            String label = text(c, p, "label", false);
            Double weight = number(c, p, "weight", 0, 1000, false);
            if (weight != null && weight <= 0) {
                problem(p + ".weight", "must be greater than 0");
            }
            Double tol = number(c, p, "tolerance", 0, 1e6, true);
            Double fall = number(c, p, "falloff", 0, 1e6, true);
            if (fall != null && fall <= 0) {
                problem(p + ".falloff", "must be greater than 0");
            }
            Double target = number(c, p, "target", -1e6, 1e6, false);
            Double min = number(c, p, "min", -1e6, 1e6, false);
            Double max = number(c, p, "max", -1e6, 1e6, false);
            if (min != null && max != null && min > max) {
                problem(p + ".min", "is above max");
            }
            if (target != null && (min != null || max != null)) {
                problem(p + ".target", "give either a target or min/max limits, not both");
            }
            Double whenMissing = number(c, p, "whenMissing", -1e6, 1e6, false);
            Double minHz = number(c, p, "minHz", 20, 20_000, false);
            Double maxHz = number(c, p, "maxHz", 20, 20_000, false);
            double lo = minHz == null ? 31.5 : minHz;
            double hi = maxHz == null ? 16_000 : maxHz;
            if (lo >= hi) {
                problem(p + ".maxHz", "must be above minHz");
            }
            String scaleName = text(c, p, "scale", false);
            Scale scale = Scale.parse(scaleName);
            if (scaleName != null && scale == null) {
                problem(p + ".scale", "unknown scale '" + scaleName + "' (db, octave, log2, percent, linear, choice)");
            }
            String metric = text(c, p, "metric", false);
            SettingSelector sel = selector(c, p, "selector", start);
            SettingSelector minus = selector(c, p, "minus", start);
            List<String> stems = new ArrayList<>();
            JsonNode st = c.get("stems");
            if (st != null && !st.isNull()) {
                if (!st.isArray()) {
                    problem(p + ".stems", "must be a list of track ids");
                } else {
                    for (int k = 0; k < st.size(); k++) {
                        String s = st.get(k).isTextual() ? st.get(k).asText() : null;
                        if (s == null || s.isBlank()) {
                            problem(p + ".stems[" + k + "]", "must be a track id");
                        } else if (start != null && start.track(s) == null) {
                            problem(p + ".stems[" + k + "]", "no track '" + s + "' in the start session");
                        } else if (stems.contains(s)) {
                            problem(p + ".stems[" + k + "]", "'" + s + "' is listed twice");
                        } else {
                            stems.add(s);
                        }
                    }
                }
            }
            if (kind == null) {
                return null;
            }
            boolean goal = target != null || min != null || max != null;
            boolean anyRef = refSession != null || refAudio || profile != null;
            switch (kind) {
                case SETTING:
                case RELATIVE_SETTING:
                    if (!c.has("selector")) {
                        problem(p + ".selector", "missing");
                    }
                    if (kind == Criterion.Kind.RELATIVE_SETTING && !c.has("minus")) {
                        problem(p + ".minus", "missing (the second setting of the difference)");
                    }
                    if (kind == Criterion.Kind.SETTING && c.has("minus")) {
                        problem(p + ".minus", "only a relative-setting has a second setting");
                    }
                    if (!goal && refSession == null) {
                        problem(p, "needs a reference session (or a target) to compare the setting with");
                    } else if (!goal && sel != null && whenMissing == null) {
                        SettingSelector.Value v = sel.resolve(refSession);
                        if (v.missing()) {
                            problem(p + ".selector", "'" + sel.text() + "' finds nothing in the reference session: "
                                    + v.missingReason());
                        }
                        if (minus != null && minus.resolve(refSession).missing()) {
                            problem(p + ".minus", "'" + minus.text() + "' finds nothing in the reference session: "
                                    + minus.resolve(refSession).missingReason());
                        }
                    }
                    break;
                case STEM_BALANCE:
                    if (stems.size() < 2 && problems.size() == before) {
                        problem(p + ".stems", "list at least two track ids");
                    }
                    if (refSession == null) {
                        if (profile == null) {
                            problem(p, "needs a reference session or a profile with stem levels");
                        } else {
                            for (String s : stems) {
                                if (profile.stem(s) == null) {
                                    problem(p + ".stems", "the reference profile has no level for '" + s + "'");
                                }
                            }
                        }
                    }
                    break;
                case TONAL_BALANCE:
                    if (!anyRef) {
                        problem(p, "needs a reference (session, audio or profile) to compare the spectrum with");
                    }
                    break;
                case TRUE_PEAK:
                    if (max == null) {
                        problem(p + ".max", "missing: a true-peak criterion is a limit, e.g. \"max\": -1");
                    }
                    break;
                case STEREO_WIDTH:
                    if (metric == null) {
                        problem(p + ".metric", "missing (\"correlation\" or \"sideMidDb\")");
                    } else if (!metric.equals("correlation") && !metric.equals("sideMidDb")) {
                        problem(p + ".metric", "'" + metric + "' is not \"correlation\" or \"sideMidDb\"");
                    }
                    if (!goal && !anyRef) {
                        problem(p, "needs a target, min/max or a reference to compare with");
                    }
                    break;
                default:
                    if (!goal && !anyRef) {
                        problem(p, "needs a target, min/max or a reference to compare with");
                    }
                    break;
            }
            if (!kind.audio() && (c.has("stems") || c.has("metric"))) {
                problem(p, "stems and metric belong to audio criteria, not to " + kind.json());
            }
            if (problems.size() > before) {
                return null;
            }
            Scale sc = scale;
            if (sc == null && sel != null) {
                sc = sel.naturalScale();
            }
            return new Criterion(id, kind, label, weight == null ? 1 : weight, tol, fall, sel, minus, sc, target, min,
                    max, whenMissing, List.copyOf(stems), lo, hi, metric);
        }

        private SettingSelector selector(JsonNode c, String p, String field, Session start) {
            String s = text(c, p, field, false);
            if (s == null) {
                return null;
            }
            SettingSelector sel;
            try {
                sel = SettingSelector.parse(s);
            } catch (IllegalArgumentException e) {
                problem(p + "." + field, e.getMessage());
                return null;
            }
            if (start != null && sel.stripKind() != SettingSelector.StripKind.MASTER) {
                boolean found = sel.stripKind() == SettingSelector.StripKind.TRACK ? start.track(sel.stripId()) != null
                        : start.strip(sel.stripId()) != null;
                if (!found) {
                    problem(p + "." + field, "no " + sel.stripKind().name().toLowerCase() + " '" + sel.stripId()
                            + "' in the start session");
                    return null;
                }
            }
            return sel;
        }

        private Session session(Path file) {
            try {
                return SessionIo.load(file, roots());
            } catch (SessionException e) {
                for (String pr : e.problems()) {
                    problems.add(tag + "/" + pr);
                }
                return null;
            }
        }

        private Path path(JsonNode n, String p, String field, boolean required) {
            String rel = text(n, p, field, required);
            if (rel == null) {
                return null;
            }
            Path resolved;
            try {
                resolved = PathGuard.resolve(folder, rel, roots());
            } catch (IllegalArgumentException e) {
                problem(p + "." + field, e.getMessage() + " (exercise files stay inside exercises/ and audio/)");
                return null;
            }
            if (!Files.isRegularFile(resolved)) {
                problem(p + "." + field, "'" + rel + "': file not found");
                return null;
            }
            return resolved;
        }

        private void unknownFields(JsonNode n, String p, Set<String> known) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!known.contains(f)) {
                    problem(p + "." + f, "unknown field");
                }
            }
        }

        private String text(JsonNode n, String p, String field, boolean required) {
            return checks.text(n, p, field, required);
        }

        private Double number(JsonNode n, String p, String field, double min, double max, boolean required) {
            return checks.numberInRange(n, p, field, min, max, required);
        }
    }
}
