package org.mixlab.engine.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.mixlab.analysis.LoudnessMeter;
import org.mixlab.dsp.AudioBlock;
import org.mixlab.dsp.DspMath;
import org.mixlab.dsp.GainReductionSource;
import org.mixlab.dsp.ProcessSpec;
import org.mixlab.dsp.SmoothedValue;
import org.mixlab.engine.graph.InsertSlot;
import org.mixlab.engine.graph.ParameterBank;
import org.mixlab.engine.graph.SessionGraph;
import org.mixlab.engine.graph.StripNode;
import org.mixlab.engine.playback.Transport;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.engine.session.VcaModel;
import org.mixlab.engine.ProcessorRegistry;

/**
 * The live engine behind the app: the learner's mix, the unprocessed stems and the reference all render in lockstep
 * every block, so switching between them is instant and gapless (a 15 ms crossfade), and loudness matching is just
 * a gain per source. Parameter changes go through atomics; structural changes build a new graph set on the calling
 * (UI) thread and publish it with one atomic reference swap, crossfaded on the audio thread over one block.
 */
public final class LiveMix implements MixEngine {
    /** Frames per audio block. */
    public static final int BLOCK = 256;
    /** A/B crossfade time, ms. */
    public static final double SWITCH_MS = 15;
    /** Tail played after the end when not looping, seconds. */
    public static final double END_TAIL_S = 2;

    private final StemSource stemSource;
    private final java.util.concurrent.ScheduledExecutorService worker;
    private Session session;
    private Map<String, float[][]> stems;
    private Session referenceSession;
    private volatile long measureNotBeforeNanos;
    private float[][] referenceAudio;
    private double sampleRate;
    private final List<String> warnings = new ArrayList<>();

    private final AtomicReference<Graphs> pending = new AtomicReference<>();
    private volatile Graphs published;
    private Transport transport;

    // UI -> audio controls
    private final ParameterBank abBank = new ParameterBank(5); // 0 source, 1..3 match offsets dB, 4 match on
    private final AtomicLong seekRequest = new AtomicLong(-1);
    private volatile long loopStart;
    private volatile long loopEnd; // 0 = no loop
    private volatile long positionFrames;
    private volatile boolean finished;
    private Source source = Source.MIX;
    private boolean loudnessMatch = true;
    private final double[] matchDb = new double[3];
    private final double[] loudnessLufs = {Double.NaN, Double.NaN, Double.NaN};
    private Future<?> measuring;
    private volatile long editCounter;

    // audio-thread state
    private Graphs current;
    private Graphs fadingOut;
    private final AudioBlock[] srcBuf = new AudioBlock[3];
    private final AudioBlock oldMix;
    private final SmoothedValue[] srcGain = new SmoothedValue[3];
    private final float[] outL = new float[BLOCK];
    private final float[] outR = new float[BLOCK];
    private MasterMeters meters;
    private final SampleRing heardRing = new SampleRing(65536);
    private final SampleRing refRing = new SampleRing(65536);
    private int audioSource;
    private boolean audioMatchOn = true;
    private final double[] audioMatch = new double[3];
    private final ParameterBank.Sink abSink = this::acceptAb;

    /** The graphs that render together. */
    private static final class Graphs {
        final SessionGraph mix;
        final SessionGraph plain;
        final SessionGraph refGraph;
        final float[][] refAudio;
        final long length;

        Graphs(SessionGraph mix, SessionGraph plain, SessionGraph refGraph, float[][] refAudio) {
            this.mix = mix;
            this.plain = plain;
            this.refGraph = refGraph;
            this.refAudio = refAudio;
            this.length = mix.lengthFrames();
        }
    }

    /**
     * Creates the engine for {@code session}, loading its stems.
     *
     * @param session    the session to play (the engine keeps and edits it)
     * @param stemSource loads audio for sessions (stems and reference sessions)
     * @param bufferMs   sound device buffer, ms (default 20)
     * @throws IOException when a stem cannot be loaded
     */
    public LiveMix(Session session, StemSource stemSource, double bufferMs) throws IOException {
        this(session, null, stemSource, bufferMs);
    }

    /**
     * Creates the engine for {@code session} with {@code reference} (may be null) as the A/B reference, building
     * each graph once.
     *
     * @param session    the session to play (the engine keeps and edits it)
     * @param reference  the reference session, or null for none
     * @param stemSource loads audio for sessions (stems and reference sessions)
     * @param bufferMs   sound device buffer, ms (default 20)
     * @throws IOException when a stem cannot be loaded
     */
    public LiveMix(Session session, Session reference, StemSource stemSource, double bufferMs) throws IOException {
        this.measureNotBeforeNanos = System.nanoTime() + FIRST_MEASURE_DELAY_MS * 1_000_000L;
        this.referenceSession = reference;
        this.stemSource = stemSource;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "MixLab loudness match");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        for (int i = 0; i < 3; i++) {
            srcBuf[i] = new AudioBlock(2, BLOCK);
            srcGain[i] = new SmoothedValue(i == 0 ? 1 : 0, false);
        }
        oldMix = new AudioBlock(2, BLOCK);
        this.session = session;
        this.sampleRate = session.sampleRate;
        this.stems = stemSource.load(session);
        for (SmoothedValue g : srcGain) {
            g.reset(sampleRate, SWITCH_MS);
        }
        meters = new MasterMeters(sampleRate, BLOCK);
        abBank.set(0, 0);
        abBank.set(4, 1);
        Graphs g = buildGraphs();
        current = g;
        published = g;
        setLoopFromSession();
        transport = new Transport(sampleRate, BLOCK, bufferMs, this::render);
        scheduleMeasure(); // held until FIRST_MEASURE_DELAY_MS after construction: start-up has the CPU first
    }

    private void setLoopFromSession() {
        if (session.loop != null && session.loop.endS > session.loop.startS) {
            setLoop(session.loop.startS, session.loop.endS);
        } else {
            setLoop(0, lengthSeconds());
        }
    }

    private Graphs buildGraphs() {
        ProcessSpec spec = new ProcessSpec(sampleRate, BLOCK, 2);
        SessionGraph mix = SessionGraph.build(session, stems, spec, false);
        SessionGraph plain = SessionGraph.build(session, stems, spec, true);
        SessionGraph ref = null;
        if (referenceSession != null) {
            try {
                ref = SessionGraph.build(referenceSession, stemSource.load(referenceSession), spec, false);
            } catch (IOException | RuntimeException e) {
                warnings.add("Reference could not be loaded: " + e.getMessage());
            }
        }
        return new Graphs(mix, plain, ref, referenceAudio);
    }

    private void publish() {
        Graphs g = buildGraphs();
        published = g;
        pending.set(g);
        scheduleMeasure();
    }

    // ---- audio thread ------------------------------------------------------------------------------------------

    private void acceptAb(int index, double value) {
        if (index == 0) {
            audioSource = (int) value;
        } else if (index == 4) {
            audioMatchOn = value >= 0.5;
        } else {
            audioMatch[index - 1] = value;
        }
    }

    private void render(float[] left, float[] right, int n) {
        Graphs p = pending.getAndSet(null);
        if (p != null) {
            fadingOut = current;
            current = p;
            long pos = positionFrames;
            current.mix.setPosition(pos);
            current.plain.setPosition(pos);
            if (current.refGraph != null) {
                current.refGraph.setPosition(pos);
            }
        }
        long seek = seekRequest.getAndSet(-1);
        if (seek >= 0) {
            positionFrames = seek;
            setGraphPositions(current, seek);
            current.mix.reset();
            current.plain.reset();
            if (current.refGraph != null) {
                current.refGraph.reset();
            }
            fadingOut = null;
        }
        if (abBank.pull(abSink)) {
            for (int i = 0; i < 3; i++) {
                double g = i == audioSource ? (audioMatchOn ? DspMath.dbToGain(audioMatch[i]) : 1) : 0;
                srcGain[i].setTarget(g);
            }
        }
        int done = 0;
        while (done < n) {
            long pos = positionFrames;
            long end = loopEnd;
            int chunk = n - done;
            if (end > 0 && pos < end) {
                chunk = (int) Math.min(chunk, end - pos);
            }
            renderChunk(done, chunk);
            pos += chunk;
            if (end > 0 && pos >= end) {
                pos = loopStart;
                setGraphPositions(current, pos);
            } else if (end == 0 && pos >= current.length + (long) (END_TAIL_S * sampleRate)) {
                finished = true;
            }
            positionFrames = pos;
            done += chunk;
        }
        System.arraycopy(outL, 0, left, 0, n);
        System.arraycopy(outR, 0, right, 0, n);
    }

    private static void setGraphPositions(Graphs g, long pos) {
        g.mix.setPosition(pos);
        g.plain.setPosition(pos);
        if (g.refGraph != null) {
            g.refGraph.setPosition(pos);
        }
    }

    private void renderChunk(int offset, int n) {
        Graphs g = current;
        long pos = positionFrames;
        g.mix.process(srcBuf[0], n);
        if (fadingOut != null) {
            fadingOut.mix.process(oldMix, n);
            float[] ml = srcBuf[0].channel(0);
            float[] mr = srcBuf[0].channel(1);
            float[] ol = oldMix.channel(0);
            float[] or = oldMix.channel(1);
            for (int i = 0; i < n; i++) {
                float t = (i + 1f) / n;
                ml[i] = t * ml[i] + (1 - t) * ol[i];
                mr[i] = t * mr[i] + (1 - t) * or[i];
            }
            fadingOut = null;
        }
        g.plain.process(srcBuf[1], n);
        AudioBlock ref = srcBuf[2];
        ref.setNumSamples(n);
        if (g.refGraph != null) {
            g.refGraph.process(ref, n);
        } else if (g.refAudio != null) {
            float[][] a = g.refAudio;
            for (int c = 0; c < 2; c++) {
                float[] src = a[Math.min(c, a.length - 1)];
                float[] dst = ref.channel(c);
                for (int i = 0; i < n; i++) {
                    long p = pos + i;
                    dst[i] = p >= 0 && p < src.length ? src[(int) p] : 0f;
                }
            }
        } else {
            ref.clear();
        }
        float[] hl = srcBuf[audioSource].channel(0);
        float[] hr = srcBuf[audioSource].channel(1);
        for (int i = 0; i < n; i++) {
            float l = 0;
            float r = 0;
            for (int s = 0; s < 3; s++) {
                float gs = (float) srcGain[s].next();
                if (gs != 0f) {
                    l += gs * srcBuf[s].channel(0)[i];
                    r += gs * srcBuf[s].channel(1)[i];
                }
            }
            outL[offset + i] = l;
            outR[offset + i] = r;
        }
        // meters and the spectrum see the selected source at its true level (before loudness matching)
        meters.add(hl, hr, 0, n, pos / sampleRate, Source.values()[audioSource]);
        heardRing.writeMono(hl, hr, 0, n);
        refRing.writeMono(ref.channel(0), ref.channel(1), 0, n);
    }

    // ---- session -----------------------------------------------------------------------------------------------

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void loadSession(Session newSession) {
        try {
            Map<String, float[][]> newStems = stemSource.load(newSession);
            if (newSession.sampleRate != sampleRate) {
                throw new IllegalArgumentException("a new session must use the current rate of "
                        + (int) sampleRate + " Hz; open it in a new window");
            }
            session = newSession;
            stems = newStems;
            warnings.clear();
            publish();
            setLoopFromSession();
            meters.requestReset();
        } catch (IOException e) {
            warnings.add(e.getMessage());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void setReferenceSession(Session reference) {
        referenceSession = reference;
        if (reference != null) {
            referenceAudio = null;
        }
        publish();
    }

    @Override
    public void setReferenceAudio(float[][] planar) {
        referenceAudio = planar;
        if (planar != null) {
            referenceSession = null;
        }
        publish();
    }

    /** True when a reference (session or audio) is set. */
    public boolean hasReference() {
        return referenceSession != null || referenceAudio != null;
    }

    // ---- transport ---------------------------------------------------------------------------------------------

    @Override
    public void play() {
        if (finished) {
            finished = false;
            seek(0);
        }
        transport.start();
    }

    @Override
    public void stop() {
        transport.stop();
    }

    @Override
    public boolean isPlaying() {
        if (finished && transport.isRunning()) {
            transport.stop();
        }
        return transport.isRunning();
    }

    @Override
    public void seek(double seconds) {
        long f = Math.round(Math.max(0, Math.min(lengthSeconds(), seconds)) * sampleRate);
        seekRequest.set(f);
        positionFrames = f;
        finished = false;
    }

    @Override
    public double positionSeconds() {
        return positionFrames / sampleRate;
    }

    @Override
    public double lengthSeconds() {
        return published.length / sampleRate;
    }

    @Override
    public void setLoop(double startS, double endS) {
        if (endS <= startS) {
            loopEnd = 0;
            loopStart = 0;
            return;
        }
        long s = Math.round(Math.max(0, startS) * sampleRate);
        long e = Math.round(Math.min(lengthSeconds(), endS) * sampleRate);
        if (e <= s) {
            loopEnd = 0;
            return;
        }
        loopStart = s;
        loopEnd = e;
    }

    /** True when a loop region is active. */
    public boolean isLooping() {
        return loopEnd > 0;
    }

    @Override
    public boolean isSilentClock() {
        return transport.isSilent();
    }

    @Override
    public String outputStatus() {
        return transport.isRunning() || transport.isSilent() ? transport.status() : "Output: default sound device";
    }

    // ---- A/B ---------------------------------------------------------------------------------------------------

    @Override
    public void setSource(Source newSource) {
        if (newSource == source) {
            return;
        }
        source = newSource;
        abBank.set(0, newSource.ordinal());
        meters.requestReset();
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public void setLoudnessMatch(boolean on) {
        loudnessMatch = on;
        abBank.set(4, on ? 1 : 0);
    }

    @Override
    public boolean isLoudnessMatch() {
        return loudnessMatch;
    }

    @Override
    public double matchOffsetDb(Source s) {
        return loudnessMatch ? matchDb[s.ordinal()] : 0;
    }

    /** Integrated loudness of a source as last measured in the background, LUFS; NaN before the first measure. */
    public double measuredLoudnessLufs(Source s) {
        return loudnessLufs[s.ordinal()];
    }

    /** Blocks (in tests and tools, never on the UI thread) until the latest loudness measurement is done. */
    public void awaitLoudnessMeasure() throws Exception {
        Future<?> f = measuring;
        if (f != null) {
            f.get();
        }
    }

    /**
     * No loudness measurement starts earlier than this after the engine is built, ms: start-up (and the window's
     * first paint) has the CPU first, even when the reference is set or the mix edited meanwhile.
     */
    public static final long FIRST_MEASURE_DELAY_MS = 1500;

    /** Delay of the loudness measurement after {@link #startUpFinished()}, ms. */
    public static final long AFTER_START_UP_DELAY_MS = 1000;

    /** Longest a measurement is held for a window that has not said {@link #startUpFinished()}, ms. */
    public static final long START_UP_HOLD_MAX_MS = 10_000;

    /**
     * Holds the loudness measurement until the app calls {@link #startUpFinished()} (at most
     * {@link #START_UP_HOLD_MAX_MS}): for an app that opens a window on this engine, so that the window's first
     * layout and paint get the CPU first.
     */
    public void holdForStartUp() {
        measureNotBeforeNanos = System.nanoTime() + START_UP_HOLD_MAX_MS * 1_000_000L;
        scheduleMeasure();
    }

    @Override
    public void startUpFinished() {
        measureNotBeforeNanos = System.nanoTime() + AFTER_START_UP_DELAY_MS * 1_000_000L;
        scheduleMeasure();
    }

    private void scheduleMeasure() {
        scheduleMeasure(0);
    }

    private void scheduleMeasure(long delayMs) {
        long heldMs = (measureNotBeforeNanos - System.nanoTime()) / 1_000_000L;
        delayMs = Math.max(delayMs, heldMs);
        final long ticket = ++editCounter;
        final Session mixCopy = session.copy();
        final Map<String, float[][]> st = stems;
        final Session refCopy = referenceSession == null ? null : referenceSession.copy();
        final float[][] refAudio = referenceAudio;
        final double rate = sampleRate;
        measuring = worker.schedule(() -> {
            if (ticket != editCounter) {
                return; // a newer edit superseded this one
            }
            double mixL = integrated(OfflineRenderer.render(mixCopy, st, 0, false, null), rate);
            double plainL = integrated(OfflineRenderer.render(mixCopy, st, 0, true, null), rate);
            double refL = Double.NaN;
            try {
                if (refCopy != null) {
                    refL = integrated(OfflineRenderer.render(refCopy, stemSource.load(refCopy), 0, false, null), rate);
                } else if (refAudio != null) {
                    refL = integrated(refAudio, rate);
                }
            } catch (IOException | RuntimeException e) {
                refL = Double.NaN;
            }
            applyMeasure(new double[] {mixL, plainL, refL});
        }, delayMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void applyMeasure(double[] l) {
        double quietest = Double.POSITIVE_INFINITY;
        for (double v : l) {
            if (Double.isFinite(v)) {
                quietest = Math.min(quietest, v);
            }
        }
        for (int i = 0; i < 3; i++) {
            loudnessLufs[i] = l[i];
            double off = Double.isFinite(l[i]) && Double.isFinite(quietest) ? quietest - l[i] : 0;
            matchDb[i] = off;
            abBank.set(1 + i, off);
        }
    }

    private static double integrated(float[][] planar, double rate) {
        float[][] st = planar.length >= 2 ? planar : new float[][] {planar[0], planar[0]};
        LoudnessMeter m = new LoudnessMeter(2, rate);
        m.add(st, 0, st[0].length);
        return m.integratedLufs();
    }

    /** Called after any edit that changes how the mix sounds: re-measures loudness in the background (debounced). */
    private void edited() {
        scheduleMeasure();
    }

    // ---- strips ------------------------------------------------------------------------------------------------

    private StripNode node(String stripId) {
        return published.mix.strip(stripId);
    }

    private void pushStripControls() {
        Map<String, Double> vca = SessionGraph.vcaOffsets(session);
        boolean solo = SessionGraph.anySolo(session);
        for (TrackModel t : session.tracks) {
            StripNode n = node(t.id);
            if (n != null) {
                n.bank().set(StripNode.GAIN_DB, t.gainDb + vca.getOrDefault(t.id, 0.0));
                n.bank().set(StripNode.MUTED, SessionGraph.effectiveMute(session, t, solo) ? 1 : 0);
            }
        }
        for (BusModel b : session.buses) {
            StripNode n = node(b.id);
            if (n != null) {
                boolean feedsSolo = false;
                for (TrackModel t : session.tracks) {
                    feedsSolo |= t.solo && b.id.equals(t.output);
                }
                n.bank().set(StripNode.GAIN_DB, b.gainDb + vca.getOrDefault(b.id, 0.0));
                n.bank().set(StripNode.MUTED, b.mute || (solo && !b.solo && !feedsSolo) ? 1 : 0);
            }
        }
        for (var a : session.auxes) {
            StripNode n = node(a.id);
            if (n != null) {
                n.bank().set(StripNode.GAIN_DB, a.gainDb);
                n.bank().set(StripNode.MUTED, a.mute ? 1 : 0);
            }
        }
        StripNode m = node("master");
        m.bank().set(StripNode.GAIN_DB, session.master.gainDb);
        m.bank().set(StripNode.MUTED, session.master.mute ? 1 : 0);
        edited();
    }

    private StripModel model(String stripId) {
        StripModel s = session.strip(stripId);
        if (s == null) {
            throw new IllegalArgumentException("no strip '" + stripId + "'");
        }
        return s;
    }

    @Override
    public void setGainDb(String stripId, double db) {
        model(stripId).gainDb = Math.max(-100, Math.min(12, Double.isNaN(db) ? 0 : db));
        pushStripControls();
    }

    @Override
    public void setPan(String stripId, double pan) {
        StripModel s = model(stripId);
        s.pan = Math.max(-100, Math.min(100, Double.isNaN(pan) ? 0 : pan));
        StripNode n = node(stripId);
        if (n != null) {
            n.bank().set(StripNode.PAN, s.pan);
        }
        edited();
    }

    @Override
    public void setMute(String stripId, boolean mute) {
        model(stripId).mute = mute;
        pushStripControls();
    }

    @Override
    public void setSolo(String stripId, boolean solo) {
        model(stripId).solo = solo;
        pushStripControls();
    }

    @Override
    public void setTrimDb(String trackId, double db) {
        TrackModel t = session.track(trackId);
        if (t == null) {
            throw new IllegalArgumentException("no track '" + trackId + "'");
        }
        t.trimDb = Math.max(-24, Math.min(24, Double.isNaN(db) ? 0 : db));
        node(trackId).bank().set(StripNode.TRIM_DB, t.trimDb);
        edited();
    }

    @Override
    public void setPolarity(String trackId, boolean inverted) {
        TrackModel t = session.track(trackId);
        if (t == null) {
            throw new IllegalArgumentException("no track '" + trackId + "'");
        }
        t.polarity = inverted;
        node(trackId).bank().set(StripNode.POLARITY, inverted ? 1 : 0);
        edited();
    }

    @Override
    public void setSendLevel(String stripId, String auxId, double db) {
        StripModel s = model(stripId);
        List<SendModel> sends = s instanceof TrackModel ? ((TrackModel) s).sends
                : s instanceof BusModel ? ((BusModel) s).sends : null;
        if (sends == null) {
            throw new IllegalArgumentException("strip '" + stripId + "' has no sends");
        }
        double v = Math.max(-100, Math.min(6, Double.isNaN(db) ? -100 : db));
        for (int k = 0; k < sends.size(); k++) {
            if (sends.get(k).to.equals(auxId)) {
                sends.get(k).levelDb = v;
                node(stripId).bank().set(StripNode.FIRST_SEND + k, v);
                edited();
                return;
            }
        }
        if (session.strip(auxId) == null) {
            throw new IllegalArgumentException("no aux return '" + auxId + "'");
        }
        SendModel send = new SendModel();
        send.to = auxId;
        send.levelDb = v;
        sends.add(send);
        publish();
    }

    @Override
    public void setVcaGainDb(String vcaId, double db) {
        for (VcaModel v : session.vcas) {
            if (v.id.equals(vcaId)) {
                v.gainDb = Math.max(-100, Math.min(12, db));
                pushStripControls();
                return;
            }
        }
        throw new IllegalArgumentException("no VCA '" + vcaId + "'");
    }

    // ---- inserts -----------------------------------------------------------------------------------------------

    private InsertSlot slot(String stripId, String insertId) {
        StripNode n = node(stripId);
        if (n != null) {
            for (InsertSlot s : n.inserts()) {
                if (s.id().equals(insertId)) {
                    return s;
                }
            }
        }
        return null;
    }

    private InsertModel insertModel(String stripId, String insertId) {
        InsertModel im = model(stripId).insert(insertId);
        if (im == null) {
            throw new IllegalArgumentException("strip '" + stripId + "' has no insert '" + insertId + "'");
        }
        return im;
    }

    @Override
    public void setParam(String stripId, String insertId, String paramId, double value) {
        InsertModel im = insertModel(stripId, insertId);
        var proto = ProcessorRegistry.prototype(im.type);
        int idx = proto.paramIndex(paramId);
        if (idx < 0) {
            throw new IllegalArgumentException(im.type + " has no parameter '" + paramId + "'");
        }
        double v = proto.params().get(idx).clamp(value);
        im.params.put(paramId, v);
        InsertSlot s = slot(stripId, insertId);
        if (s != null) {
            s.setParam(idx, v);
        }
        edited();
    }

    @Override
    public void setBypass(String stripId, String insertId, boolean bypass) {
        insertModel(stripId, insertId).bypass = bypass;
        InsertSlot s = slot(stripId, insertId);
        if (s != null) {
            s.setBypass(bypass);
        }
        edited();
    }

    @Override
    public void setMix(String stripId, String insertId, double mix) {
        InsertModel im = insertModel(stripId, insertId);
        im.mix = Math.max(0, Math.min(1, Double.isNaN(mix) ? 1 : mix));
        InsertSlot s = slot(stripId, insertId);
        if (s != null) {
            s.setMix(im.mix);
        }
        edited();
    }

    @Override
    public String addInsert(String stripId, String type) {
        if (!ProcessorRegistry.has(type)) {
            throw new IllegalArgumentException("unknown processor type '" + type + "'");
        }
        StripModel s = model(stripId);
        Set<String> used = new HashSet<>();
        for (InsertModel i : s.inserts) {
            used.add(i.id);
        }
        InsertModel im = new InsertModel();
        im.type = type;
        im.id = SessionIo.freshInsertId(type, used);
        // a wet-only effect on a track would replace the dry sound; on an aux return it is the whole point
        im.mix = s instanceof AuxModel ? 1.0 : ProcessorRegistry.prototype(type).insertMixDefault();
        s.inserts.add(im);
        publish();
        return im.id;
    }

    @Override
    public void removeInsert(String stripId, String insertId) {
        StripModel s = model(stripId);
        s.inserts.remove(insertModel(stripId, insertId));
        publish();
    }

    @Override
    public void moveInsert(String stripId, String insertId, int newIndex) {
        StripModel s = model(stripId);
        InsertModel im = insertModel(stripId, insertId);
        s.inserts.remove(im);
        s.inserts.add(Math.max(0, Math.min(s.inserts.size(), newIndex)), im);
        publish();
    }

    private boolean allBypassed;
    private final java.util.Map<InsertModel, Boolean> bypassBefore = new java.util.IdentityHashMap<>();

    @Override
    public void setAllBypassed(boolean bypassed) {
        if (bypassed == allBypassed) {
            return;
        }
        allBypassed = bypassed;
        for (StripModel s : session.allStrips()) {
            for (InsertModel im : s.inserts) {
                if (bypassed) {
                    bypassBefore.put(im, im.bypass);
                    setBypass(s.id, im.id, true);
                } else {
                    setBypass(s.id, im.id, bypassBefore.getOrDefault(im, false));
                }
            }
        }
        if (!bypassed) {
            bypassBefore.clear();
        }
    }

    // ---- meters ------------------------------------------------------------------------------------------------

    @Override
    public void readMeters(MeterSnapshot into) {
        meters.read(into);
        into.positionS = positionSeconds();
    }

    @Override
    public double stripPeakDb(String stripId) {
        StripNode n = node(stripId);
        return n == null ? Double.NEGATIVE_INFINITY : DspMath.gainToDb(n.takePeak());
    }

    @Override
    public double gainReductionDb(String stripId, String insertId) {
        InsertSlot s = slot(stripId, insertId);
        if (s != null && s.processor() instanceof GainReductionSource) {
            return ((GainReductionSource) s.processor()).gainReductionDb();
        }
        return 0;
    }

    @Override
    public boolean readSpectrumInput(float[] into) {
        return heardRing.readLatest(into);
    }

    @Override
    public boolean readReferenceSpectrumInput(float[] into) {
        if (!hasReference()) {
            return false;
        }
        return refRing.readLatest(into);
    }

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        transport.stop();
        worker.shutdownNow();
    }
}
