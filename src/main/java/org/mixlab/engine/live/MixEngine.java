package org.mixlab.engine.live;

import java.util.List;
import org.mixlab.engine.session.Session;

/**
 * What the desktop app drives: a session playing in real time (or on a silent clock), with A/B, meters and
 * live parameter changes. Implemented by {@code LiveMix}. Every method is called from the UI thread, returns at once
 * and never waits for audio; parameter setters write atomics that the audio thread reads once per block.
 */
public interface MixEngine {
    // ---- session -----------------------------------------------------------------------------------------------

    /** The session as currently edited (the UI's copy; kept in step with every setter below). */
    Session session();

    /** Replaces the session (structural change: built and prepared off the audio thread, then swapped in). */
    void loadSession(Session newSession);

    /** Sets the reference: a session (rendered live), or null to use {@link #setReferenceAudio}. */
    void setReferenceSession(Session reference);

    /** Sets the reference to an audio file's samples at the session rate (planar), or null for none. */
    void setReferenceAudio(float[][] planar);

    // ---- transport ---------------------------------------------------------------------------------------------

    /** Starts playback from the current position (sound device, or the silent clock when there is none). */
    void play();

    /** Stops playback; the position stays. */
    void stop();

    /** True while playing. */
    boolean isPlaying();

    /** Moves the play position, seconds from the start (clamped to the session length). */
    void seek(double seconds);

    /** The play position in seconds. */
    double positionSeconds();

    /** Length of the session in seconds (the longest track). */
    double lengthSeconds();

    /** Sets the loop region in seconds; end &lt;= start turns looping off. */
    void setLoop(double startS, double endS);

    /** True when no sound device is in use and playback runs on the silent software clock. */
    boolean isSilentClock();

    /** One line for the status bar about the output ("Output: default device, 10 ms" / "No sound device: ..."). */
    String outputStatus();

    // ---- A/B ---------------------------------------------------------------------------------------------------

    /** Switches what is heard; gapless, with a short crossfade. */
    void setSource(Source source);

    /** What is heard now. */
    Source source();

    /** Turns loudness matching on or off (default on). */
    void setLoudnessMatch(boolean on);

    /** True when loudness matching is on. */
    boolean isLoudnessMatch();

    /** The gain in dB applied to {@code source} by loudness matching (0 when off or not yet measured). */
    double matchOffsetDb(Source source);

    // ---- strips ------------------------------------------------------------------------------------------------

    /** Sets a strip's fader (track, bus, aux or "master"), dB, -100 (silence) to +12. */
    void setGainDb(String stripId, double db);

    /** Sets a strip's pan, -100 to +100 %. */
    void setPan(String stripId, double pan);

    /** Mutes or unmutes a strip. */
    void setMute(String stripId, boolean mute);

    /** Solos or unsolos a strip (aux returns are solo-safe). */
    void setSolo(String stripId, boolean solo);

    /** Sets a track's input trim, dB, -24 to +24. */
    void setTrimDb(String trackId, double db);

    /** Sets a track's polarity inversion. */
    void setPolarity(String trackId, boolean inverted);

    /** Sets the level of a send from a track or bus to an aux, dB (-100 = off); creates the send when missing. */
    void setSendLevel(String stripId, String auxId, double db);

    /** Sets a VCA's gain, dB. */
    void setVcaGainDb(String vcaId, double db);

    // ---- inserts -----------------------------------------------------------------------------------------------

    /** Sets an insert's parameter (clamped to its range); returns at once. */
    void setParam(String stripId, String insertId, String paramId, double value);

    /** Bypasses an insert (click-free). */
    void setBypass(String stripId, String insertId, boolean bypass);

    /** Sets an insert's dry/wet mix, 0 to 1. */
    void setMix(String stripId, String insertId, double mix);

    /** Adds an insert of {@code type} at the end of a strip's chain and returns its new id (structural). */
    String addInsert(String stripId, String type);

    /** Removes an insert (structural). */
    void removeInsert(String stripId, String insertId);

    /** Moves an insert to position {@code newIndex} in its chain (structural). */
    void moveInsert(String stripId, String insertId, int newIndex);

    /** Bypasses every insert of every strip at once (hear the mix flat) or restores them. */
    void setAllBypassed(boolean bypassed);

    // ---- meters ------------------------------------------------------------------------------------------------

    /** Copies the latest master meters (of the source being heard, at its true level) into {@code into}. */
    void readMeters(MeterSnapshot into);

    /** The sample peak of a strip's output over the last UI frame, dBFS, max of channels. */
    double stripPeakDb(String stripId);

    /** Gain reduction of an insert that reports it (compressor, gate, limiter), dB &ge; 0; 0 otherwise. */
    double gainReductionDb(String stripId, String insertId);

    /**
     * Copies the most recent {@code into.length} mono (L+R)/2 samples of the heard output for the spectrum, and
     * returns true when new samples arrived since the previous call.
     */
    boolean readSpectrumInput(float[] into);

    /** Copies the reference's long-term average spectrum input (mono), or returns false when there is none. */
    boolean readReferenceSpectrumInput(float[] into);

    /** The session's sample rate in Hz. */
    double sampleRate();

    /** Problems found while loading (missing files, resampled files), one line each; empty when none. */
    List<String> warnings();

    /**
     * The app's window is up: background work held back during start-up (the loudness-match measurement) may begin
     * about a second from now. Engines without such work ignore it.
     */
    default void startUpFinished() {
    }

    /** Stops playback and releases the device; the engine cannot be used afterwards. */
    void close();
}
