package org.mixlab.engine.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds song.json and the session-format-v1 documents (as ordered maps for {@link JsonText}). */
public final class SessionFiles {
    private SessionFiles() {}

    /** One track of a reference mix: fader, pan, inserts and reverb send (null = no send). */
    public record TrackMix(double gainDb, double pan, List<Map<String, Object>> inserts, Double sendDb) {}

    /**
     * song.json: the song's facts and, per stem, file, role, name, GM program, problems and measured levels.
     *
     * @param song     the song
     * @param peakDb   measured sample peak per stem (same order as the stems), dBFS
     * @param rmsDb    measured RMS per stem, dBFS
     * @return the document
     */
    public static Map<String, Object> songJson(SongSpec song, double[] peakDb, double[] rmsDb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", song.title());
        m.put("id", song.id());
        m.put("style", song.style());
        m.put("tempoBpm", song.tempoBpm());
        m.put("key", song.key());
        m.put("bars", song.bars());
        m.put("timeSignature", song.timeSignature());
        m.put("lengthS", song.lengthS());
        m.put("lengthSamples", StemRenderer.loopSamples(song));
        m.put("sampleRate", StemRenderer.SAMPLE_RATE);
        m.put("bitDepth", 24);
        m.put("channels", 1);
        m.put("loops", true);
        m.put("soundFont", "FluidR3_GM.sf2 (MIT licence)");
        List<Object> stems = new ArrayList<>();
        for (int i = 0; i < song.stems().size(); i++) {
            StemSpec s = song.stems().get(i);
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("file", s.file());
            st.put("role", s.role());
            st.put("name", s.name());
            st.put("gmProgram", s.program());
            st.put("percussion", s.percussion());
            st.put("problems", s.problems());
            st.put("peakDb", round(peakDb[i], 2));
            st.put("rmsDb", round(rmsDb[i], 2));
            stems.add(st);
        }
        m.put("stems", stems);
        return m;
    }

    /**
     * A session-format-v1 document. With {@code mix == null} every track is flat (fader 0 dB, pan 0, no inserts,
     * no sends) and there are no auxes: the unmixed starting point.
     *
     * @param song     the song
     * @param title    session title
     * @param mix      per stem (same order) the reference settings, or null for the flat session
     * @param reverb   parameters of the "verb" aux's reverb (used only when mix is not null)
     * @return the document
     */
    public static Map<String, Object> session(SongSpec song, String title, List<TrackMix> mix,
                                              Map<String, Object> reverb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "mixlab-session");
        m.put("version", 1);
        m.put("title", title);
        m.put("sampleRate", StemRenderer.SAMPLE_RATE);
        m.put("tempoBpm", song.tempoBpm());
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("startS", 0);
        loop.put("endS", song.lengthS());
        m.put("loop", loop);
        List<Object> tracks = new ArrayList<>();
        for (int i = 0; i < song.stems().size(); i++) {
            StemSpec s = song.stems().get(i);
            TrackMix tm = mix == null ? null : mix.get(i);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", s.role());
            t.put("name", s.name());
            t.put("role", s.role());
            t.put("file", s.file());
            t.put("gainDb", tm == null ? 0 : round(tm.gainDb(), 1));
            t.put("trimDb", 0);
            t.put("pan", tm == null ? 0 : tm.pan());
            t.put("mute", false);
            t.put("solo", false);
            t.put("polarity", false);
            t.put("output", "master");
            t.put("inserts", tm == null ? List.of() : tm.inserts());
            List<Object> sends = new ArrayList<>();
            if (tm != null && tm.sendDb() != null) {
                Map<String, Object> send = new LinkedHashMap<>();
                send.put("to", "verb");
                send.put("levelDb", tm.sendDb());
                send.put("pre", false);
                sends.add(send);
            }
            t.put("sends", sends);
            tracks.add(t);
        }
        m.put("tracks", tracks);
        m.put("buses", List.of());
        List<Object> auxes = new ArrayList<>();
        if (mix != null) {
            Map<String, Object> aux = new LinkedHashMap<>();
            aux.put("id", "verb");
            aux.put("name", "Reverb");
            aux.put("gainDb", 0);
            aux.put("pan", 0);
            aux.put("mute", false);
            aux.put("inserts", List.of(insert("verb1", "reverb", reverb)));
            auxes.add(aux);
        }
        m.put("auxes", auxes);
        m.put("vcas", List.of());
        Map<String, Object> master = new LinkedHashMap<>();
        master.put("gainDb", 0);
        master.put("inserts", List.of());
        m.put("master", master);
        return m;
    }

    /**
     * One insert slot.
     *
     * @param id     slot id, unique within the channel
     * @param type   processor type id from the shared contract (eq, compressor, reverb, ...)
     * @param params parameter id to value; omitted parameters keep their defaults
     * @return the slot document
     */
    public static Map<String, Object> insert(String id, String type, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("bypass", false);
        m.put("mix", 1.0);
        m.put("params", params);
        return m;
    }

    /** Builds an ordered parameter map from alternating id, value pairs. */
    public static Map<String, Object> params(Object... idValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < idValue.length; i += 2) {
            m.put((String) idValue[i], idValue[i + 1]);
        }
        return m;
    }

    /** Rounds to the given number of decimals. */
    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
