package org.mixlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.Source;
import org.mixlab.engine.session.Session;

/**
 * Wraps the engine the window drives and notices edits: every call that changes the session marks it as edited
 * (for the unsaved-changes prompt), and calls that change its structure (inserts added, removed or moved, a new
 * session loaded) tell listeners so the mixer can rebuild. Everything else is passed straight through.
 */
public final class TrackedEngine implements MixEngine {
    /** Hears about edits. */
    public interface Listener {
        /** A value in the session changed. */
        void edited();

        /** Strips or inserts were added, removed or moved, or a new session was loaded. */
        void structureChanged();
    }

    private final MixEngine engine;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Wraps {@code engine}. */
    public TrackedEngine(MixEngine engine) {
        this.engine = engine;
    }

    /** The wrapped engine. */
    public MixEngine delegate() {
        return engine;
    }

    /** Adds a listener. */
    public void addListener(Listener l) {
        listeners.add(l);
    }

    private void edited() {
        for (Listener l : listeners) {
            l.edited();
        }
    }

    private void structure() {
        for (Listener l : listeners) {
            l.structureChanged();
        }
    }

    @Override
    public Session session() {
        return engine.session();
    }

    @Override
    public void loadSession(Session newSession) {
        engine.loadSession(newSession);
        structure();
    }

    @Override
    public void startUpFinished() {
        engine.startUpFinished();
    }

    @Override
    public void setReferenceSession(Session reference) {
        engine.setReferenceSession(reference);
    }

    @Override
    public void setReferenceAudio(float[][] planar) {
        engine.setReferenceAudio(planar);
    }

    @Override
    public void play() {
        engine.play();
    }

    @Override
    public void stop() {
        engine.stop();
    }

    @Override
    public boolean isPlaying() {
        return engine.isPlaying();
    }

    @Override
    public void seek(double seconds) {
        engine.seek(seconds);
    }

    @Override
    public double positionSeconds() {
        return engine.positionSeconds();
    }

    @Override
    public double lengthSeconds() {
        return engine.lengthSeconds();
    }

    @Override
    public void setLoop(double startS, double endS) {
        engine.setLoop(startS, endS);
    }

    @Override
    public boolean isSilentClock() {
        return engine.isSilentClock();
    }

    @Override
    public String outputStatus() {
        return engine.outputStatus();
    }

    @Override
    public void setSource(Source source) {
        engine.setSource(source);
    }

    @Override
    public Source source() {
        return engine.source();
    }

    @Override
    public void setLoudnessMatch(boolean on) {
        engine.setLoudnessMatch(on);
    }

    @Override
    public boolean isLoudnessMatch() {
        return engine.isLoudnessMatch();
    }

    @Override
    public double matchOffsetDb(Source source) {
        return engine.matchOffsetDb(source);
    }

    @Override
    public void setGainDb(String stripId, double db) {
        engine.setGainDb(stripId, db);
        edited();
    }

    @Override
    public void setPan(String stripId, double pan) {
        engine.setPan(stripId, pan);
        edited();
    }

    @Override
    public void setMute(String stripId, boolean mute) {
        engine.setMute(stripId, mute);
        edited();
    }

    @Override
    public void setSolo(String stripId, boolean solo) {
        engine.setSolo(stripId, solo);
        edited();
    }

    @Override
    public void setTrimDb(String trackId, double db) {
        engine.setTrimDb(trackId, db);
        edited();
    }

    @Override
    public void setPolarity(String trackId, boolean inverted) {
        engine.setPolarity(trackId, inverted);
        edited();
    }

    @Override
    public void setSendLevel(String stripId, String auxId, double db) {
        engine.setSendLevel(stripId, auxId, db);
        edited();
    }

    @Override
    public void setVcaGainDb(String vcaId, double db) {
        engine.setVcaGainDb(vcaId, db);
        edited();
    }

    @Override
    public void setParam(String stripId, String insertId, String paramId, double value) {
        engine.setParam(stripId, insertId, paramId, value);
        edited();
    }

    @Override
    public void setBypass(String stripId, String insertId, boolean bypass) {
        engine.setBypass(stripId, insertId, bypass);
        edited();
    }

    @Override
    public void setMix(String stripId, String insertId, double mix) {
        engine.setMix(stripId, insertId, mix);
        edited();
    }

    @Override
    public String addInsert(String stripId, String type) {
        String id = engine.addInsert(stripId, type);
        edited();
        structure();
        return id;
    }

    @Override
    public void removeInsert(String stripId, String insertId) {
        engine.removeInsert(stripId, insertId);
        edited();
        structure();
    }

    @Override
    public void moveInsert(String stripId, String insertId, int newIndex) {
        engine.moveInsert(stripId, insertId, newIndex);
        edited();
        structure();
    }

    @Override
    public void setAllBypassed(boolean bypassed) {
        engine.setAllBypassed(bypassed);
    }

    @Override
    public void readMeters(MeterSnapshot into) {
        engine.readMeters(into);
    }

    @Override
    public double stripPeakDb(String stripId) {
        return engine.stripPeakDb(stripId);
    }

    @Override
    public double gainReductionDb(String stripId, String insertId) {
        return engine.gainReductionDb(stripId, insertId);
    }

    @Override
    public boolean readSpectrumInput(float[] into) {
        return engine.readSpectrumInput(into);
    }

    @Override
    public boolean readReferenceSpectrumInput(float[] into) {
        return engine.readReferenceSpectrumInput(into);
    }

    @Override
    public double sampleRate() {
        return engine.sampleRate();
    }

    @Override
    public List<String> warnings() {
        return engine.warnings();
    }

    @Override
    public void close() {
        engine.close();
    }
}
