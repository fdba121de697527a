package org.mixlab.ui.lesson;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.Source;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;

/** A MixEngine that only edits its session model: no audio, no threads. */
final class FakeMixEngine implements MixEngine {
    private Session session;
    private Source source = Source.MIX;
    private boolean playing;
    private double position;
    Session reference;

    FakeMixEngine(Session session) {
        this.session = session;
    }

    /** A session with kick, bass, guitar and lead tracks (no audio files needed). */
    static Session popRock() {
        Session s = new Session();
        s.title = "Test";
        for (String id : new String[] {"kick", "bass", "guitar", "lead"}) {
            TrackModel t = new TrackModel();
            t.id = id;
            t.name = id;
            t.role = id;
            t.file = id + ".wav";
            s.tracks.add(t);
        }
        return s;
    }

    @Override public Session session() { return session; }
    @Override public void loadSession(Session newSession) { session = newSession; }
    @Override public void setReferenceSession(Session ref) { reference = ref; }
    @Override public void setReferenceAudio(float[][] planar) { }
    @Override public void play() { playing = true; }
    @Override public void stop() { playing = false; }
    @Override public boolean isPlaying() { return playing; }
    @Override public void seek(double seconds) { position = seconds; }
    @Override public double positionSeconds() { return position; }
    @Override public double lengthSeconds() { return 16; }
    @Override public void setLoop(double startS, double endS) { }
    @Override public boolean isSilentClock() { return true; }
    @Override public String outputStatus() { return "fake"; }
    @Override public void setSource(Source s) { source = s; }
    @Override public Source source() { return source; }
    @Override public void setLoudnessMatch(boolean on) { }
    @Override public boolean isLoudnessMatch() { return true; }
    @Override public double matchOffsetDb(Source s) { return 0; }
    @Override public void setGainDb(String stripId, double db) { session.strip(stripId).gainDb = db; }
    @Override public void setPan(String stripId, double pan) { session.strip(stripId).pan = pan; }
    @Override public void setMute(String stripId, boolean mute) { session.strip(stripId).mute = mute; }
    @Override public void setSolo(String stripId, boolean solo) { session.strip(stripId).solo = solo; }
    @Override public void setTrimDb(String trackId, double db) { session.track(trackId).trimDb = db; }
    @Override public void setPolarity(String trackId, boolean inv) { session.track(trackId).polarity = inv; }

    @Override
    public void setSendLevel(String stripId, String auxId, double db) {
        TrackModel t = session.track(stripId);
        for (SendModel s : t.sends) {
            if (s.to.equals(auxId)) {
                s.levelDb = db;
                return;
            }
        }
        SendModel s = new SendModel();
        s.to = auxId;
        s.levelDb = db;
        t.sends.add(s);
    }

    @Override public void setVcaGainDb(String vcaId, double db) { }

    @Override
    public void setParam(String stripId, String insertId, String paramId, double value) {
        session.strip(stripId).insert(insertId).params.put(paramId, value);
    }

    @Override
    public void setBypass(String stripId, String insertId, boolean bypass) {
        session.strip(stripId).insert(insertId).bypass = bypass;
    }

    @Override
    public void setMix(String stripId, String insertId, double mix) {
        session.strip(stripId).insert(insertId).mix = mix;
    }

    @Override
    public String addInsert(String stripId, String type) {
        StripModel st = session.strip(stripId);
        Set<String> used = new HashSet<>();
        for (InsertModel i : st.inserts) {
            used.add(i.id);
        }
        InsertModel m = new InsertModel();
        m.type = type;
        m.id = SessionIo.freshInsertId(type, used);
        st.inserts.add(m);
        return m.id;
    }

    @Override
    public void removeInsert(String stripId, String insertId) {
        session.strip(stripId).inserts.removeIf(i -> i.id.equals(insertId));
    }

    @Override public void moveInsert(String stripId, String insertId, int newIndex) { }
    @Override public void setAllBypassed(boolean bypassed) { }
    @Override public void readMeters(MeterSnapshot into) { }
    @Override public double stripPeakDb(String stripId) { return Double.NEGATIVE_INFINITY; }
    @Override public double gainReductionDb(String stripId, String insertId) { return 0; }
    @Override public boolean readSpectrumInput(float[] into) { return false; }
    @Override public boolean readReferenceSpectrumInput(float[] into) { return false; }
    @Override public double sampleRate() { return session.sampleRate; }
    @Override public List<String> warnings() { return List.of(); }
    @Override public void close() { }
}
