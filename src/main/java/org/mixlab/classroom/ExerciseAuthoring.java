package org.mixlab.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.dsp.Taper;
import org.mixlab.engine.ProcessorRegistry;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;

/**
 * Turns a teacher's start and finished (reference) sessions into a graded exercise folder, {@code
 * exercises/<id>/} with {@code start.session.json}, {@code reference.session.json} and an {@code exercise.json}
 * whose rubric comes from what differs between the two: fader moves become relative-setting criteria (each fader
 * against the loudest track's), changed pans, sends and insert parameters become setting criteria, and every
 * exercise also gets integrated-loudness and tonal-balance criteria measured on the render. The rubric is first
 * derived as {@link RubricItem}s; {@link #exerciseJson} is the one method that writes the exercise format
 * (docs/exercise-format.md, format "mixlab-exercise" version 1).
 */
public final class ExerciseAuthoring {
    /** The tools an exercise can be filed under. */
    public static final List<String> TOOLS =
            List.of("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");

    /** A fader, pan or parameter moved less than this (in its natural scale's unit) is "unchanged". */
    private static final double EPS = 1e-6;

    private ExerciseAuthoring() {}

    /** One derived rubric line, independent of the file format. */
    public record RubricItem(String id, String kind, String selector, String minus, double tolerance,
                             double falloff, double weight, Double whenMissing) {}

    /**
     * Writes the exercise folder {@code exercisesDir/<id>}.
     *
     * @param start     the session the student starts from (its track files must exist relative to its baseDir)
     * @param reference the teacher's finished mix of the same tracks
     * @param id        lower-case letters, digits and '-', 1 to 64 characters
     * @param title     shown in the exercise list
     * @param tool      one of {@link #TOOLS}
     * @return the exercise folder
     * @throws IllegalArgumentException with a one-line message for a bad id, title, tool, an existing exercise or
     *                                  sessions that do not share their tracks
     */
    public static Path saveAsExercise(Session start, Session reference, Path exercisesDir, String id, String title,
                                      String tool) throws IOException {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("exercise id: '" + id
                    + "' must be 1 to 64 lower-case letters, digits and dashes");
        }
        if (title == null || title.isBlank() || title.length() > 120) {
            throw new IllegalArgumentException("title: must be 1 to 120 characters");
        }
        if (!TOOLS.contains(tool)) {
            throw new IllegalArgumentException("tool: '" + tool + "' is not one of " + String.join(", ", TOOLS));
        }
        for (TrackModel t : reference.tracks) {
            if (start.track(t.id) == null) {
                throw new IllegalArgumentException("reference track '" + t.id + "' is not in the start session");
            }
        }
        Path dir = exercisesDir.resolve(id);
        if (Files.exists(dir.resolve("exercise.json"))) {
            throw new IllegalArgumentException("exercise '" + id + "' already exists in " + exercisesDir);
        }
        List<RubricItem> rubric = deriveRubric(start, reference);
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("start.session.json"), SessionIo.toJson(rebased(start, dir))
                .getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("reference.session.json"), SessionIo.toJson(rebased(reference, dir))
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode json = exerciseJson(id, title.strip(), tool, brief(rubric), "start.session.json",
                "reference.session.json", rubric);
        AtomicFiles.write(dir.resolve("exercise.json"), SessionIo.mapper().writeValueAsBytes(json));
        return dir;
    }

    /** The session with its track files made relative to {@code dir} (where it will be saved). */
    private static Session rebased(Session s, Path dir) {
        Session c = s.copy();
        c.title = s.title;
        for (TrackModel t : c.tracks) {
            if (s.baseDir != null && t.file != null && !Path.of(t.file).isAbsolute()) {
                Path abs = s.baseDir.toAbsolutePath().resolve(t.file).normalize();
                t.file = dir.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/');
            }
        }
        return c;
    }

    /** The rubric lines implied by the differences between {@code start} and {@code reference}. */
    public static List<RubricItem> deriveRubric(Session start, Session reference) {
        List<RubricItem> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // balance: faders relative to the loudest reference track
        TrackModel anchor = null;
        for (TrackModel t : reference.tracks) {
            if (!t.mute && (anchor == null || t.gainDb > anchor.gainDb)) {
                anchor = t;
            }
        }
        if (anchor != null && start.track(anchor.id) != null) {
            double startAnchor = start.track(anchor.id).gainDb;
            for (TrackModel t : reference.tracks) {
                TrackModel s = start.track(t.id);
                if (t == anchor || s == null || t.mute) {
                    continue;
                }
                double refRel = t.gainDb - anchor.gainDb;
                double startRel = s.gainDb - startAnchor;
                if (Math.abs(refRel - startRel) > 0.5) {
                    out.add(new RubricItem(unique(ids, t.id + "-fader"), "relative-setting",
                            "track:" + t.id + "/gainDb", "track:" + anchor.id + "/gainDb", 1.5, 6, 1, null));
                }
            }
        }
        for (StripModel r : reference.allStrips()) {
            StripModel s = start.strip(r.id);
            if (s == null) {
                continue;
            }
            String strip = stripRef(reference, r);
            if (!(r == reference.master) && Math.abs(r.pan - s.pan) > 2) {
                out.add(new RubricItem(unique(ids, r.id + "-pan"), "setting", strip + "/pan", null, 10, 40, 1,
                        null));
            }
            for (SendModel send : sends(r)) {
                double before = -100;
                for (SendModel o : sends(s)) {
                    if (o.to.equals(send.to)) {
                        before = o.levelDb;
                    }
                }
                if (Math.abs(send.levelDb - before) > 1) {
                    out.add(new RubricItem(unique(ids, r.id + "-send-" + send.to), "setting",
                            strip + "/send:" + send.to + "/levelDb", null, 2, 8, 1, -100.0));
                }
            }
            inserts(out, ids, strip, r, s);
        }
        out.add(new RubricItem(unique(ids, "loudness"), "integrated-loudness", null, null, 1, 5, 1, null));
        out.add(new RubricItem(unique(ids, "tonal-balance"), "tonal-balance", null, null, 1, 5, 1, null));
        return out;
    }

    private static void inserts(List<RubricItem> out, Set<String> ids, String strip, StripModel r, StripModel s) {
        for (int k = 0; k < r.inserts.size(); k++) {
            InsertModel ri = r.inserts.get(k);
            if (ri.bypass || ri.mix <= 0 || !ProcessorRegistry.has(ri.type)) {
                continue;
            }
            int nth = 0;
            int ofType = 0;
            for (InsertModel x : r.inserts) {
                if (x.type.equals(ri.type)) {
                    ofType++;
                    if (x == ri) {
                        nth = ofType;
                    }
                }
            }
            String ref = ofType == 1 ? ri.type : ri.type + "#" + nth;
            InsertModel si = counterpart(s, ri, nth);
            Processor proto = ProcessorRegistry.prototype(ri.type);
            for (ParamSpec p : proto.params()) {
                double rv = ri.params.getOrDefault(p.id(), p.defaultValue());
                Double sv = si == null ? null : si.params.getOrDefault(p.id(), p.defaultValue());
                boolean changed = sv == null ? Math.abs(rv - p.defaultValue()) > EPS : Math.abs(rv - sv) > EPS;
                if (!changed || enabler(proto, p)) {
                    continue;
                }
                String field = p.id();
                String selector = strip + "/insert:" + ref + "/" + field;
                var band = java.util.regex.Pattern.compile("b[1-4](FreqHz|GainDb|Q)").matcher(field);
                if ("eq".equals(ri.type) && band.matches()) {
                    double hz = ri.params.getOrDefault(field.substring(0, 2) + "FreqHz",
                            proto.params().get(proto.paramIndex(field.substring(0, 2) + "FreqHz")).defaultValue());
                    String part = band.group(1).equals("FreqHz") ? "freqHz" : band.group(1).equals("GainDb")
                            ? "gainDb" : "q";
                    selector = strip + "/insert:" + ref + "/band@" + Math.round(hz) + "/" + part;
                }
                double[] tf = tolerance(p);
                out.add(new RubricItem(unique(ids, r.id + "-" + ri.type + "-" + field), "setting", selector, null,
                        tf[0], tf[1], 1, null));
            }
        }
    }

    /** True for a switch like hpOn that only enables other parameters (hpFreqHz): those are graded instead. */
    private static boolean enabler(Processor proto, ParamSpec p) {
        if (!p.id().endsWith("On")) {
            return false;
        }
        String prefix = p.id().substring(0, p.id().length() - 2);
        for (ParamSpec o : proto.params()) {
            if (o != p && o.id().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Tolerance and falloff in the scorer's natural scale of a parameter (dB, octaves, doublings, %, choice). */
    private static double[] tolerance(ParamSpec p) {
        String id = p.id();
        if (p.taper() == Taper.CHOICE || p.taper() == Taper.TOGGLE) {
            return new double[] {0, 1};
        }
        if (id.endsWith("Db")) {
            return new double[] {1.5, 6};
        }
        if (id.endsWith("Hz")) {
            return new double[] {1.0 / 3, 1};
        }
        if (id.endsWith("Ms") || id.endsWith("S") || id.endsWith("Q") || id.equals("ratio")) {
            return new double[] {0.5, 1.5};
        }
        if (id.endsWith("Pct") || id.equals("pan")) {
            return new double[] {10, 40};
        }
        double range = p.max() - p.min();
        return new double[] {0.1 * range, 0.4 * range};
    }

    private static InsertModel counterpart(StripModel s, InsertModel ri, int nth) {
        InsertModel byId = ri.id == null ? null : s.insert(ri.id);
        if (byId != null && byId.type.equals(ri.type)) {
            return byId.bypass || byId.mix <= 0 ? null : byId;
        }
        int n = 0;
        for (InsertModel x : s.inserts) {
            if (x.type.equals(ri.type) && ++n == nth) {
                return x.bypass || x.mix <= 0 ? null : x;
            }
        }
        return null;
    }

    private static List<SendModel> sends(StripModel st) {
        if (st instanceof TrackModel t) {
            return t.sends;
        }
        if (st instanceof org.mixlab.engine.session.BusModel b) {
            return b.sends;
        }
        return List.of();
    }

    private static String stripRef(Session s, StripModel st) {
        if (st == s.master) {
            return "master";
        }
        if (st instanceof TrackModel) {
            return "track:" + st.id;
        }
        if (st instanceof org.mixlab.engine.session.BusModel) {
            return "bus:" + st.id;
        }
        return "aux:" + st.id;
    }

    private static String unique(Set<String> ids, String base) {
        String b = base.replaceAll("[^A-Za-z0-9_-]", "-");
        String id = b;
        for (int k = 2; !ids.add(id); k++) {
            id = b + "-" + k;
        }
        return id;
    }

    private static String brief(List<RubricItem> rubric) {
        long settings = rubric.stream().filter(r -> r.kind().endsWith("setting")).count();
        return "Make the start mix sound like the reference. You are graded on " + settings + " setting"
                + (settings == 1 ? "" : "s") + ", the overall loudness and the tonal balance of your mix.";
    }

    /**
     * The exercise file for a derived rubric, in the scorer's format (docs/exercise-format.md): format, version, id,
     * title, tool, difficulty (1 up to 3 setting criteria, 2 up to 8, else 3), brief, start, reference session,
     * listening to the reference allowed, and the rubric with pass mark 70.
     */
    public static ObjectNode exerciseJson(String id, String title, String tool, String brief, String startFile,
                                          String referenceFile, List<RubricItem> rubric) {
        ObjectNode o = SessionIo.mapper().createObjectNode();
        o.put("format", "mixlab-exercise");
        o.put("version", 1);
        o.put("id", id);
        o.put("title", title);
        o.put("tool", tool);
        long settings = rubric.stream().filter(r -> r.kind().endsWith("setting")).count();
        o.put("difficulty", settings <= 3 ? 1 : settings <= 8 ? 2 : 3);
        o.put("brief", brief);
        o.put("start", startFile);
        o.putObject("reference").put("session", referenceFile);
        o.put("allowReferenceListening", true);
        ObjectNode r = o.putObject("rubric");
        r.put("passScore", 70);
        ArrayNode crit = r.putArray("criteria");
        for (RubricItem it : rubric) {
            ObjectNode c = crit.addObject();
            c.put("id", it.id());
            c.put("kind", it.kind());
            c.put("weight", it.weight());
            c.put("tolerance", round(it.tolerance()));
            c.put("falloff", round(it.falloff()));
            if (it.selector() != null) {
                c.put("selector", it.selector());
            }
            if (it.minus() != null) {
                c.put("minus", it.minus());
            }
            if (it.whenMissing() != null) {
                c.put("whenMissing", it.whenMissing());
            }
        }
        return o;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}
