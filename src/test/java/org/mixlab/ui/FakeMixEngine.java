package org.mixlab.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.Source;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.engine.session.BusModel;

/**
 * An in-memory MixEngine for tests and the demo: keeps the session model in step with every setter, records each
 * call as a line ("setGainDb kick -6.0"), and produces synthetic meters and a spectrum input (a 1 kHz sine of
 * amplitude 0.5 over quiet pink noise, so the spectrum peaks at 1 kHz, -6 dB).
 */
public final class FakeMixEngine implements MixEngine {
    /** Every call, in order. */
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Amplitude of the 1 kHz test tone in the spectrum input. */
    public volatile double toneAmplitude = 0.5;
    /** When true the spectrum input delivers new samples even while stopped. */
    public volatile boolean freeRunning = true;
    /** When true there is a reference spectrum. */
    public volatile boolean hasReference = true;
    /** Momentary loudness reported, LUFS. */
    public volatile double momentaryLufs = -14.2;
    /** Integrated loudness reported, LUFS. */
    public volatile double integratedLufs = -13.8;

    private Session session;
    private Source source = Source.MIX;
    private boolean loudnessMatch = true;
    private boolean playing;
    private double positionS;
    private long playStartNanos;
    private double playStartPos;
    private final double lengthS = 212.5;
    private final Random random = new Random(7);
    private double phase;
    private double pinkB0;
    private double pinkB1;
    private double pinkB2;
    private int insertCounter;
    private long meterFrames;

    /** An engine with {@code session} loaded. */
    public FakeMixEngine(Session session) {
        this.session = session;
    }

    private void log(String fmt, Object... args) {
        calls.add(String.format(Locale.ROOT, fmt, args));
    }

    /** The last recorded call that starts with {@code prefix}, or null. */
    public String lastCall(String prefix) {
        synchronized (calls) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                if (calls.get(i).startsWith(prefix)) {
                    return calls.get(i);
                }
            }
        }
        return null;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void loadSession(Session newSession) {
        session = newSession;
        log("loadSession %s", newSession.title);
    }

    @Override
    public void setReferenceSession(Session reference) {
        log("setReferenceSession");
    }

    @Override
    public void setReferenceAudio(float[][] planar) {
        log("setReferenceAudio");
    }

    @Override
    public synchronized void play() {
        if (!playing) {
            playing = true;
            playStartNanos = System.nanoTime();
            playStartPos = positionS;
        }
        log("play");
    }

    @Override
    public synchronized void stop() {
        positionS = positionSeconds();
        playing = false;
        log("stop");
    }

    @Override
    public synchronized boolean isPlaying() {
        return playing;
    }

    @Override
    public synchronized void seek(double seconds) {
        positionS = Math.max(0, Math.min(lengthS, seconds));
        playStartPos = positionS;
        playStartNanos = System.nanoTime();
        log("seek %.1f", positionS);
    }

    @Override
    public synchronized double positionSeconds() {
        if (!playing) {
            return positionS;
        }
        return Math.min(lengthS, playStartPos + (System.nanoTime() - playStartNanos) / 1e9);
    }

    @Override
    public double lengthSeconds() {
        return lengthS;
    }

    @Override
    public void setLoop(double startS, double endS) {
        log("setLoop %.1f %.1f", startS, endS);
    }

    @Override
    public boolean isSilentClock() {
        return true;
    }

    @Override
    public String outputStatus() {
        return "No sound device: playing on a silent clock";
    }

    @Override
    public void setSource(Source s) {
        source = s;
        log("setSource %s", s);
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public void setLoudnessMatch(boolean on) {
        loudnessMatch = on;
        log("setLoudnessMatch %s", on);
    }

    @Override
    public boolean isLoudnessMatch() {
        return loudnessMatch;
    }

    @Override
    public double matchOffsetDb(Source s) {
        if (!loudnessMatch) {
            return 0;
        }
        return s == Source.MIX ? -3.2 : s == Source.UNPROCESSED ? 1.5 : -5.0;
    }

    private StripModel strip(String id) {
        StripModel s = session.strip(id);
        if (s == null) {
            throw new IllegalArgumentException("no strip " + id);
        }
        return s;
    }

    @Override
    public void setGainDb(String stripId, double db) {
        strip(stripId).gainDb = db;
        log("setGainDb %s %.1f", stripId, db);
    }

    @Override
    public void setPan(String stripId, double pan) {
        strip(stripId).pan = pan;
        log("setPan %s %.1f", stripId, pan);
    }

    @Override
    public void setMute(String stripId, boolean mute) {
        strip(stripId).mute = mute;
        log("setMute %s %s", stripId, mute);
    }

    @Override
    public void setSolo(String stripId, boolean solo) {
        strip(stripId).solo = solo;
        log("setSolo %s %s", stripId, solo);
    }

    @Override
    public void setTrimDb(String trackId, double db) {
        session.track(trackId).trimDb = db;
        log("setTrimDb %s %.1f", trackId, db);
    }

    @Override
    public void setPolarity(String trackId, boolean inverted) {
        session.track(trackId).polarity = inverted;
        log("setPolarity %s %s", trackId, inverted);
    }

    @Override
    public void setSendLevel(String stripId, String auxId, double db) {
        StripModel s = strip(stripId);
        List<SendModel> sends = s instanceof TrackModel t ? t.sends : ((BusModel) s).sends;
        SendModel found = null;
        for (SendModel m : sends) {
            if (auxId.equals(m.to)) {
                found = m;
            }
        }
        if (found == null) {
            found = new SendModel();
            found.to = auxId;
            sends.add(found);
        }
        found.levelDb = db;
        log("setSendLevel %s %s %.1f", stripId, auxId, db);
    }

    @Override
    public void setVcaGainDb(String vcaId, double db) {
        log("setVcaGainDb %s %.1f", vcaId, db);
    }

    @Override
    public void setParam(String stripId, String insertId, String paramId, double value) {
        strip(stripId).insert(insertId).params.put(paramId, value);
        log("setParam %s %s %s %.2f", stripId, insertId, paramId, value);
    }

    @Override
    public void setBypass(String stripId, String insertId, boolean bypass) {
        strip(stripId).insert(insertId).bypass = bypass;
        log("setBypass %s %s %s", stripId, insertId, bypass);
    }

    @Override
    public void setMix(String stripId, String insertId, double mix) {
        strip(stripId).insert(insertId).mix = mix;
        log("setMix %s %s %.2f", stripId, insertId, mix);
    }

    @Override
    public String addInsert(String stripId, String type) {
        StripModel s = strip(stripId);
        String id;
        do {
            id = type + (++insertCounter);
        } while (s.insert(id) != null);
        InsertModel m = new InsertModel();
        m.id = id;
        m.type = type;
        s.inserts.add(m);
        log("addInsert %s %s %s", stripId, type, id);
        return id;
    }

    @Override
    public void removeInsert(String stripId, String insertId) {
        StripModel s = strip(stripId);
        s.inserts.remove(s.insert(insertId));
        log("removeInsert %s %s", stripId, insertId);
    }

    @Override
    public void moveInsert(String stripId, String insertId, int newIndex) {
        StripModel s = strip(stripId);
        InsertModel m = s.insert(insertId);
        s.inserts.remove(m);
        s.inserts.add(Math.max(0, Math.min(newIndex, s.inserts.size())), m);
        log("moveInsert %s %s %d", stripId, insertId, newIndex);
    }

    @Override
    public void setAllBypassed(boolean bypassed) {
        log("setAllBypassed %s", bypassed);
    }

    @Override
    public synchronized void readMeters(MeterSnapshot into) {
        double t = (meterFrames++) * 0.03;
        double wobble = 1.5 * Math.sin(t * 2.1) + 0.8 * Math.sin(t * 5.3);
        into.peakDbfs[0] = -6.0 + wobble;
        into.peakDbfs[1] = -6.4 + wobble * 0.9;
        into.rmsDb[0] = -14.0 + wobble * 0.5;
        into.rmsDb[1] = -14.3 + wobble * 0.5;
        into.truePeakDbtp = -0.8;
        into.momentaryLufs = momentaryLufs + wobble;
        into.shortTermLufs = momentaryLufs + 0.3 + wobble * 0.3;
        into.integratedLufs = integratedLufs;
        into.loudnessRangeLu = 5.6;
        into.correlation = 0.62 + 0.1 * Math.sin(t);
        int n = 700;
        for (int i = 0; i < n; i++) {
            double l = random.nextGaussian() * 0.22;
            double r = 0.75 * l + random.nextGaussian() * 0.12;
            into.gonioMid[i] = (float) ((l + r) * 0.5);
            into.gonioSide[i] = (float) ((l - r) * 0.5);
        }
        into.gonioCount = n;
        into.positionS = positionSeconds();
        into.source = source;
    }

    @Override
    public double stripPeakDb(String stripId) {
        StripModel s = session.strip(stripId);
        if (s == null || s.mute || s.gainDb <= -100) {
            return Double.NEGATIVE_INFINITY;
        }
        double base = -12 + (Math.abs(stripId.hashCode()) % 9) + s.gainDb;
        return base + 2 * Math.sin(System.nanoTime() / 1e9 * (2 + stripId.length() % 3));
    }

    @Override
    public double gainReductionDb(String stripId, String insertId) {
        StripModel s = session.strip(stripId);
        InsertModel m = s == null ? null : s.insert(insertId);
        if (m == null || m.bypass) {
            return 0;
        }
        return switch (m.type) {
            case "compressor", "limiter", "gate" -> 4.5 + 1.5 * Math.sin(System.nanoTime() / 4e8);
            default -> 0;
        };
    }

    @Override
    public synchronized boolean readSpectrumInput(float[] into) {
        if (!playing && !freeRunning) {
            return false;
        }
        double w = 2 * Math.PI * 1000 / sampleRate();
        for (int i = 0; i < into.length; i++) {
            double white = random.nextGaussian() * 0.05;
            pinkB0 = 0.99765 * pinkB0 + white * 0.0990460;
            pinkB1 = 0.96300 * pinkB1 + white * 0.2965164;
            pinkB2 = 0.57000 * pinkB2 + white * 1.0526913;
            double pink = pinkB0 + pinkB1 + pinkB2 + white * 0.1848;
            into[i] = (float) (toneAmplitude * Math.sin(phase) + pink);
            phase += w;
            if (phase > 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
        }
        return true;
    }

    @Override
    public synchronized boolean readReferenceSpectrumInput(float[] into) {
        if (!hasReference) {
            return false;
        }
        double b0 = 0;
        double b1 = 0;
        for (int i = 0; i < into.length; i++) {
            double white = random.nextGaussian() * 0.08;
            b0 = 0.995 * b0 + white * 0.1;
            b1 = 0.9 * b1 + white * 0.3;
            into[i] = (float) (b0 + b1 + white * 0.25);
        }
        return true;
    }

    @Override
    public double sampleRate() {
        return session.sampleRate;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
        log("close");
    }
}
