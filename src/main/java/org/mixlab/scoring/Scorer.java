package org.mixlab.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mixlab.engine.session.JsonText;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionException;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.engine.session.VcaModel;

/**
 * Grades a submission against an exercise's rubric. Settings are read with {@link SettingSelector}; audio criteria
 * are measured on offline renders of the submission and of the reference session (or taken from the reference
 * audio or the shipped profile in exam mode). A submission always renders the exercise's own stems: each track's
 * file is replaced by the start session's file for the same track id, tracks the exercise does not have are
 * dropped, and solo switches (a monitoring aid) are cleared. Each distinct session is rendered once: measured
 * profiles are cached by a hash of the prepared session. Thread-safe.
 */
public final class Scorer {
    /** Seconds rendered after the stems end, so reverb and delay tails count. */
    public static final double TAIL_S = 1.0;
    /** Loudness used for a silent stem, LUFS (so a muted stem is far off, not undefined). */
    public static final double SILENT_LUFS = -100;
    private static final int CACHE_ENTRIES = 48;

    private final StemCache stems;
    private final Map<String, ReferenceProfile> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReferenceProfile> e) {
            return size() > CACHE_ENTRIES;
        }
    };
    private final AtomicInteger renders = new AtomicInteger();

    /** A scorer reading stems through {@code stems} (shared with the mixer so files are read once). */
    public Scorer(StemCache stems) {
        this.stems = stems;
    }

    /** Number of offline renders done so far (mixes and stems), for tests and diagnostics. */
    public int renderCount() {
        return renders.get();
    }

    /**
     * Parses submission JSON for an exercise: the track files it names are ignored (replaced by the start session's
     * files before validation), so a submission saved anywhere loads, and can never make the grader read other files.
     *
     * @throws SessionException with one line per problem
     */
    public static Session parseSubmission(Exercise ex, String json, String name, List<Path> roots)
            throws SessionException {
        JsonNode root;
        try {
            root = SessionIo.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new SessionException(List.of(name + ": not valid JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": "
                    + JsonText.parseProblem(e)));
        }
        if (root != null && root.isObject() && root.get("tracks") != null && root.get("tracks").isArray()) {
            String fallback = ex.start().tracks.isEmpty() ? "none.wav" : ex.start().tracks.get(0).file;
            for (JsonNode t : root.get("tracks")) {
                if (t.isObject()) {
                    TrackModel st = t.hasNonNull("id") ? ex.start().track(t.get("id").asText()) : null;
                    ((ObjectNode) t).put("file", st == null ? fallback : st.file);
                }
            }
        }
        return SessionIo.parse(root == null ? "null" : root.toString(), name, ex.start().baseDir, roots);
    }

    /**
     * The session as it is graded: the exercise's start files by track id, the start's rate and tempo, unknown
     * tracks dropped, solos cleared. Remarks are added to {@code notes} (may be null).
     */
    public static Session prepare(Exercise ex, Session submission, List<String> notes) {
        Session start = ex.start();
        Session s = submission.copy();
        s.sampleRate = start.sampleRate;
        s.tempoBpm = start.tempoBpm;
        s.baseDir = start.baseDir;
        List<TrackModel> kept = new ArrayList<>();
        for (TrackModel t : s.tracks) {
            TrackModel st = start.track(t.id);
            if (st == null) {
                if (notes != null) {
                    notes.add("track '" + t.id + "' is not part of this exercise and was left out of the grade");
                }
                continue;
            }
            t.file = st.file;
            kept.add(t);
        }
        s.tracks = kept;
        boolean solo = false;
        for (StripModel st : s.allStrips()) {
            solo |= st.solo;
            st.solo = false;
        }
        if (solo && notes != null) {
            notes.add("solo switches were cleared: the whole mix is graded");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (StripModel st : s.allStrips()) {
            ids.add(st.id);
        }
        for (TrackModel t : s.tracks) {
            if (!"master".equals(t.output) && s.strip(t.output) == null) {
                t.output = "master";
            }
        }
        for (VcaModel v : s.vcas) {
            v.members.removeIf(m -> !ids.contains(m));
        }
        return s;
    }

    /** Grades {@code submission} (loaded with any files; they are replaced) against {@code ex}. */
    public ScoreReport grade(Exercise ex, Session submission) throws IOException {
        List<String> notes = new ArrayList<>();
        Session sub = prepare(ex, submission, notes);
        Session ref = ex.referenceSession() == null ? null : prepare(ex, ex.referenceSession(), null);
        Set<String> stemIds = new LinkedHashSet<>();
        boolean audio = false;
        for (Criterion c : ex.criteria()) {
            audio |= c.kind().audio();
            stemIds.addAll(c.stems());
        }
        ReferenceProfile subProfile = audio ? measure(sub, stemIds) : null;
        ReferenceProfile refProfile = audio ? referenceProfile(ex, stemIds) : null;
        List<CriterionResult> results = new ArrayList<>();
        double sum = 0;
        double wsum = 0;
        for (Criterion c : ex.criteria()) {
            CriterionResult r = c.kind().audio() ? Grading.audio(c, sub, subProfile, refProfile)
                    : Grading.setting(c, sub, ref);
            results.add(r);
            sum += c.weight() * r.points();
            wsum += c.weight();
        }
        double score = wsum > 0 ? sum / wsum : 0;
        return new ScoreReport(ex.id(), score, ex.passScore(), List.copyOf(results), List.copyOf(notes));
    }

    /**
     * The reference's measured profile: a render of the reference session when there is one, else the shipped
     * profile, else a measurement of the reference audio (without stem levels).
     */
    public ReferenceProfile referenceProfile(Exercise ex, Collection<String> stemIds) throws IOException {
        if (ex.referenceSession() != null) {
            return measure(prepare(ex, ex.referenceSession(), null), stemIds);
        }
        if (ex.referenceProfile() != null) {
            return ex.referenceProfile();
        }
        Path audio = ex.referenceAudioFile();
        String key = "audio:" + audio.toAbsolutePath().normalize() + "@" + ex.start().sampleRate;
        synchronized (cache) {
            ReferenceProfile p = cache.get(key);
            if (p != null) {
                return p;
            }
        }
        ReferenceProfile p = ReferenceProfile.measure(stems.loadFile(audio, ex.start().sampleRate),
                ex.start().sampleRate);
        synchronized (cache) {
            cache.put(key, p);
        }
        return p;
    }

    /**
     * Renders {@code s} (once per distinct session) and measures it, plus the direct-path loudness of each track in
     * {@code stemIds} that the session has.
     */
    public ReferenceProfile measure(Session s, Collection<String> stemIds) throws IOException {
        String key = hash(s);
        ReferenceProfile p;
        synchronized (cache) {
            p = cache.get(key);
        }
        if (p == null) {
            float[][] mix = render(s);
            p = ReferenceProfile.measure(mix, s.sampleRate);
            synchronized (cache) {
                cache.put(key, p);
            }
        }
        for (String id : stemIds) {
            if (p.stem(id) != null) {
                continue;
            }
            TrackModel t = s.track(id);
            double lufs = SILENT_LUFS;
            if (t != null) {
                double l = ReferenceProfile.stemLoudness(render(directPath(s, id)), s.sampleRate);
                lufs = Double.isFinite(l) ? Math.max(SILENT_LUFS, l) : SILENT_LUFS;
            }
            p.putStem(id, lufs);
        }
        return p;
    }

    private float[][] render(Session s) throws IOException {
        Map<String, float[][]> audio = stems.load(s);
        renders.incrementAndGet();
        try {
            return OfflineRenderer.render(s, audio, TAIL_S, false, null);
        } catch (IllegalArgumentException e) {
            throw new IOException("the session cannot be rendered: " + e.getMessage());
        }
    }

    /**
     * One track's direct path: the track's own strip (trim, inserts, fader, pan, mute) and the bus it feeds, into a
     * master without inserts; no aux returns and no other tracks.
     */
    static Session directPath(Session s, String trackId) {
        Session d = s.copy();
        TrackModel t = d.track(trackId);
        d.tracks = new ArrayList<>(List.of(t));
        t.sends = new ArrayList<>();
        d.auxes = new ArrayList<>();
        List<BusModel> buses = new ArrayList<>();
        for (BusModel b : d.buses) {
            if (b.id.equals(t.output)) {
                b.sends = new ArrayList<>();
                buses.add(b);
            }
        }
        d.buses = buses;
        for (VcaModel v : d.vcas) {
            v.members.removeIf(m -> !m.equals(trackId) && !m.equals(t.output));
        }
        d.master.inserts = new ArrayList<>();
        d.master.gainDb = 0;
        d.master.mute = false;
        return d;
    }

    /**
     * A stable hash of what a render depends on: the session JSON with each track file replaced by its resolved
     * absolute path (so the same mix in two exercise folders is rendered once).
     */
    static String hash(Session s) {
        try {
            Session h = s.copy();
            Path base = s.baseDir == null ? Path.of("") : s.baseDir;
            h.title = "";
            for (StripModel st : h.allStrips()) {
                st.name = null;
            }
            for (TrackModel t : h.tracks) {
                if (t.file != null) {
                    t.file = base.toAbsolutePath().resolve(t.file.replace('\\', '/')).normalize().toString();
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(SessionIo.toJson(h).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
