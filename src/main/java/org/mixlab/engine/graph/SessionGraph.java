package org.mixlab.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.dsp.TempoAware;
import org.mixlab.engine.ProcessorRegistry;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.engine.session.VcaModel;

/**
 * A session as an audio graph: tracks (stems in memory) through their strips into buses, aux returns and the master.
 * The one render path for real time and offline. Built and prepared off the audio thread; {@link #process} never
 * allocates. Plugin delay compensation: each track reads its stem earlier by the difference between the longest
 * track path's latency and its own, so every track arrives aligned.
 */
public final class SessionGraph {
    /** The stereo channel count every strip output has. */
    public static final int CHANNELS = 2;

    private final ProcessSpec spec;
    private final StripNode[] tracks;
    private final float[][][] stems;
    private final int[] trackDest; // -1 master, else bus index
    private final int[] trackReadOffset;
    private final StripNode[] buses;
    private final StripNode[] auxes;
    private final StripNode master;
    private final Map<String, StripNode> byId = new HashMap<>();
    private final AudioBlock work;
    private final AudioBlock[] busIn;
    private final AudioBlock[] auxIn;
    private final AudioBlock masterIn;
    private final long lengthFrames;
    private final int latency;
    private long position;

    private SessionGraph(ProcessSpec spec, StripNode[] tracks, float[][][] stems, int[] trackDest,
                         StripNode[] buses, StripNode[] auxes, StripNode master, long lengthFrames) {
        this.spec = spec;
        this.tracks = tracks;
        this.stems = stems;
        this.trackDest = trackDest;
        this.buses = buses;
        this.auxes = auxes;
        this.master = master;
        this.lengthFrames = lengthFrames;
        for (StripNode s : tracks) {
            byId.put(s.id, s);
        }
        for (StripNode s : buses) {
            byId.put(s.id, s);
        }
        for (StripNode s : auxes) {
            byId.put(s.id, s);
        }
        byId.put("master", master);
        int max = spec.maxBlockSize();
        work = new AudioBlock(CHANNELS, max);
        busIn = new AudioBlock[buses.length];
        for (int i = 0; i < busIn.length; i++) {
            busIn[i] = new AudioBlock(CHANNELS, max);
        }
        auxIn = new AudioBlock[auxes.length];
        for (int i = 0; i < auxIn.length; i++) {
            auxIn[i] = new AudioBlock(CHANNELS, max);
        }
        masterIn = new AudioBlock(CHANNELS, max);
        // prepare
        for (int i = 0; i < tracks.length; i++) {
            tracks[i].prepare(spec.withChannels(CHANNELS), stems[i].length > 1);
        }
        for (StripNode b : buses) {
            b.prepare(spec.withChannels(CHANNELS), true);
        }
        for (StripNode a : auxes) {
            a.prepare(spec.withChannels(CHANNELS), true);
        }
        master.prepare(spec.withChannels(CHANNELS), true);
        int maxPath = 0;
        int[] path = new int[tracks.length];
        for (int i = 0; i < tracks.length; i++) {
            path[i] = tracks[i].latencySamples() + (trackDest[i] >= 0 ? buses[trackDest[i]].latencySamples() : 0);
            maxPath = Math.max(maxPath, path[i]);
        }
        trackReadOffset = new int[tracks.length];
        for (int i = 0; i < tracks.length; i++) {
            trackReadOffset[i] = maxPath - path[i];
        }
        latency = maxPath + master.latencySamples();
    }

    /**
     * Builds and prepares a graph for {@code session}.
     *
     * @param session the session model (not kept)
     * @param stems   audio of each track by track id, planar, at the session rate (shared, never written)
     * @param spec    sample rate and max block size (channels are always 2)
     * @param plain   true for the "unprocessed" version: stems at unity, centred, no inserts, no sends
     * @throws IllegalArgumentException when the session names an unknown processor type or a missing route
     */
    public static SessionGraph build(Session session, Map<String, float[][]> stems, ProcessSpec spec, boolean plain) {
        List<AuxModel> auxModels = plain ? List.of() : session.auxes;
        Map<String, Integer> auxIndex = new HashMap<>();
        for (int i = 0; i < auxModels.size(); i++) {
            auxIndex.put(auxModels.get(i).id, i);
        }
        List<BusModel> busModels = plain ? List.of() : session.buses;
        Map<String, Integer> busIndex = new HashMap<>();
        for (int i = 0; i < busModels.size(); i++) {
            busIndex.put(busModels.get(i).id, i);
        }
        Map<String, Double> vcaOffset = vcaOffsets(session);
        boolean soloActive = !plain && anySolo(session);

        List<TrackModel> trackModels = session.tracks;
        StripNode[] tracks = new StripNode[trackModels.size()];
        float[][][] stemArr = new float[tracks.length][][];
        int[] dest = new int[tracks.length];
        long length = 0;
        for (int i = 0; i < tracks.length; i++) {
            TrackModel t = trackModels.get(i);
            float[][] a = stems.get(t.id);
            if (a == null) {
                throw new IllegalArgumentException("no audio loaded for track '" + t.id + "'");
            }
            stemArr[i] = a;
            length = Math.max(length, a[0].length);
            List<SendModel> sends = plain ? List.of() : t.sends;
            tracks[i] = plain ? plainStrip(t.id) : strip(t, sends, auxIndex, session.tempoBpm);
            Integer b = busIndex.get(t.output);
            dest[i] = plain || b == null ? -1 : b;
            if (plain) {
                tracks[i].initControls(0, 0, false, 0, false, PanLaw.MINUS_3, new double[0]);
            } else {
                tracks[i].initControls(t.gainDb + vcaOffset.getOrDefault(t.id, 0.0), t.pan,
                        effectiveMute(session, t, soloActive), t.trimDb, t.polarity, PanLaw.MINUS_3,
                        sendLevels(sends));
            }
        }
        StripNode[] buses = new StripNode[busModels.size()];
        for (int i = 0; i < buses.length; i++) {
            BusModel b = busModels.get(i);
            buses[i] = strip(b, b.sends, auxIndex, session.tempoBpm);
            buses[i].initControls(b.gainDb + vcaOffset.getOrDefault(b.id, 0.0), b.pan,
                    b.mute || (soloActive && !b.solo && !busFeedsSolo(session, b.id)), 0, false, PanLaw.MINUS_3,
                    sendLevels(b.sends));
        }
        StripNode[] auxes = new StripNode[auxModels.size()];
        for (int i = 0; i < auxes.length; i++) {
            AuxModel a = auxModels.get(i);
            auxes[i] = strip(a, List.of(), auxIndex, session.tempoBpm);
            auxes[i].initControls(a.gainDb, a.pan, a.mute, 0, false, PanLaw.MINUS_3, new double[0]);
        }
        StripNode master = plain ? plainStrip("master") : strip(session.master, List.of(), auxIndex, session.tempoBpm);
        master.initControls(plain ? 0 : session.master.gainDb, 0, !plain && session.master.mute, 0, false,
                PanLaw.MINUS_3, new double[0]);
        return new SessionGraph(spec, tracks, stemArr, dest, buses, auxes, master, length);
    }

    private static StripNode plainStrip(String id) {
        return new StripNode(id, new InsertSlot[0], new int[0], new boolean[0]);
    }

    private static double[] sendLevels(List<SendModel> sends) {
        double[] d = new double[sends.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = sends.get(i).levelDb;
        }
        return d;
    }

    private static StripNode strip(StripModel m, List<SendModel> sends, Map<String, Integer> auxIndex, double tempo) {
        InsertSlot[] slots = new InsertSlot[m.inserts.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slot(m.inserts.get(i), tempo);
        }
        int[] targets = new int[sends.size()];
        boolean[] pre = new boolean[sends.size()];
        for (int i = 0; i < targets.length; i++) {
            Integer a = auxIndex.get(sends.get(i).to);
            if (a == null) {
                throw new IllegalArgumentException("strip '" + m.id + "' sends to unknown aux '" + sends.get(i).to + "'");
            }
            targets[i] = a;
            pre[i] = sends.get(i).pre;
        }
        return new StripNode(m.id, slots, targets, pre);
    }

    /** Creates a slot for an insert model with its parameters applied. */
    public static InsertSlot slot(InsertModel im, double tempoBpm) {
        Processor p = ProcessorRegistry.create(im.type);
        for (Map.Entry<String, Double> e : im.params.entrySet()) {
            p.setParameter(e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
        }
        if (p instanceof TempoAware) {
            ((TempoAware) p).setTempoBpm(tempoBpm);
        }
        return new InsertSlot(im.id, p, im.bypass, im.mix);
    }

    /** Offsets in dB that VCAs add to their members' faders, by strip id. */
    public static Map<String, Double> vcaOffsets(Session s) {
        Map<String, Double> m = new HashMap<>();
        for (VcaModel v : s.vcas) {
            for (String id : v.members) {
                m.merge(id, v.gainDb, Double::sum);
            }
        }
        return m;
    }

    /** True when any track or bus is soloed. */
    public static boolean anySolo(Session s) {
        for (TrackModel t : s.tracks) {
            if (t.solo) {
                return true;
            }
        }
        for (BusModel b : s.buses) {
            if (b.solo) {
                return true;
            }
        }
        return false;
    }

    private static boolean busFeedsSolo(Session s, String busId) {
        for (TrackModel t : s.tracks) {
            if (t.solo && busId.equals(t.output)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a track is silent: its own mute, or another strip's solo (a track routed to a soloed bus plays). */
    public static boolean effectiveMute(Session s, TrackModel t, boolean soloActive) {
        if (t.mute) {
            return true;
        }
        if (!soloActive || t.solo) {
            return false;
        }
        for (BusModel b : s.buses) {
            if (b.solo && b.id.equals(t.output)) {
                return false;
            }
        }
        return true;
    }

    /** The spec the graph was prepared with. */
    public ProcessSpec spec() {
        return spec;
    }

    /** Length of the longest stem, frames. */
    public long lengthFrames() {
        return lengthFrames;
    }

    /** Total latency from stem to output, samples (already compensated between tracks). */
    public int latencySamples() {
        return latency;
    }

    /** The strip with this id (track, bus, aux or "master"), or null. */
    public StripNode strip(String id) {
        return byId.get(id);
    }

    /** Every strip. */
    public List<StripNode> strips() {
        return new ArrayList<>(byId.values());
    }

    /** The next frame {@link #process} reads. */
    public long position() {
        return position;
    }

    /** Moves the read position (frames; may be negative for pre-roll silence). Audio thread or before playback. */
    public void setPosition(long frame) {
        position = frame;
    }

    /** Clears every processor's state. */
    public void reset() {
        for (StripNode s : tracks) {
            s.reset();
        }
        for (StripNode s : buses) {
            s.reset();
        }
        for (StripNode s : auxes) {
            s.reset();
        }
        master.reset();
    }

    /**
     * Renders {@code n} frames (at most the max block size) from the current position into {@code out} (stereo,
     * overwritten) and advances. Frames beyond the stems' end are silence (reverb tails still ring). Never allocates.
     */
    public void process(AudioBlock out, int n) {
        masterIn.setNumSamples(n);
        masterIn.setNumChannels(CHANNELS);
        masterIn.clear();
        for (AudioBlock b : busIn) {
            b.setNumSamples(n);
            b.setNumChannels(CHANNELS);
            b.clear();
        }
        for (AudioBlock b : auxIn) {
            b.setNumSamples(n);
            b.setNumChannels(CHANNELS);
            b.clear();
        }
        for (int t = 0; t < tracks.length; t++) {
            readStem(t, n);
            tracks[t].process(work, auxIn);
            AudioBlock dest = trackDest[t] >= 0 ? busIn[trackDest[t]] : masterIn;
            dest.addFrom(work, 1f);
        }
        for (int b = 0; b < buses.length; b++) {
            buses[b].process(busIn[b], auxIn);
            masterIn.addFrom(busIn[b], 1f);
        }
        for (int a = 0; a < auxes.length; a++) {
            auxes[a].process(auxIn[a], auxIn);
            masterIn.addFrom(auxIn[a], 1f);
        }
        master.process(masterIn, auxIn);
        out.setNumChannels(CHANNELS);
        out.copyFrom(masterIn);
        position += n;
    }

    private void readStem(int t, int n) {
        float[][] stem = stems[t];
        int chs = Math.min(stem.length, CHANNELS);
        work.setNumChannels(chs);
        work.setNumSamples(n);
        long start = position - trackReadOffset[t];
        int len = stem[0].length;
        for (int c = 0; c < chs; c++) {
            float[] dst = work.channel(c);
            float[] src = stem[c];
            int i = 0;
            long p = start;
            for (; i < n && p < 0; i++, p++) {
                dst[i] = 0f;
            }
            if (i < n && p < len) {
                int count = (int) Math.min(n - i, len - p);
                System.arraycopy(src, (int) p, dst, i, count);
                i += count;
            }
            for (; i < n; i++) {
                dst[i] = 0f;
            }
        }
    }
}
