package org.mixlab.engine.gen;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders one stem offline (faster than real time, no audio device) with the JDK's Gervill software synthesizer
 * and a General MIDI SoundFont.
 *
 * <p>Gervill's offline entry point {@code AudioSynthesizer.openStream(AudioFormat, Map)} lives in the JDK-internal
 * package {@code com.sun.media.sound}. It is called by reflection, so the code compiles without flags, but the JVM
 * must export the package at run time: {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} on the
 * command line, or the {@code Add-Exports: java.desktop/com.sun.media.sound} entry of the shaded jar's manifest.
 *
 * <p>Each stem gets a fresh synthesizer with reverb, chorus and automatic gain control switched off and CC91/CC93
 * (reverb/chorus send) set to 0, so the result is dry. Rendering starts {@value #PRE_ROLL_S} s before the loop and
 * runs {@value #TAIL_S} s past it; the pre-roll is trimmed and the tail is added onto the loop start, so the stem
 * loops seamlessly and all stems of a song are sample-aligned and exactly one loop long.
 */
public final class StemRenderer {
    /** Sample rate of every stem in Hz. */
    public static final int SAMPLE_RATE = 44_100;
    /** Silence rendered before the loop start and trimmed afterwards, in seconds. */
    public static final double PRE_ROLL_S = 0.5;
    /** Time rendered after the loop end whose release tails are folded onto the loop start, in seconds. */
    public static final double TAIL_S = 4.0;

    /**
     * Gervill starts every note one control period late (44100 / 147 Hz = 300 samples, measured: a note sent at any
     * time within a period starts 300 samples later, plus the sample's own attack); the trim compensates it.
     */
    public static final int SYNTH_LATENCY_SAMPLES = 300;

    private static final String EXPORT_HINT = "offline rendering needs the JVM option "
        + "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED (the mixlab jar's manifest sets it)";
    private static final int MELODIC_CHANNEL = 0;
    private static final int DRUM_CHANNEL = 9;

    private final Soundbank soundbank;

    /**
     * Creates a renderer that plays the given SoundFont.
     *
     * @param soundbank a loaded General MIDI soundbank, see {@link #loadSoundFont(Path)}
     */
    public StemRenderer(Soundbank soundbank) {
        this.soundbank = soundbank;
    }

    /**
     * Loads a SoundFont 2 file (samples are read lazily by Gervill).
     *
     * @param sf2 path of the .sf2 file, e.g. /usr/share/sounds/sf2/FluidR3_GM.sf2
     * @return the soundbank
     * @throws IOException with a one-line message naming the file when it is missing or not a SoundFont
     */
    public static Soundbank loadSoundFont(Path sf2) throws IOException {
        if (!Files.isRegularFile(sf2)) {
            throw new IOException("SoundFont " + sf2 + " not found (install it with: apt-get install -y "
                + "fluid-soundfont-gm)");
        }
        try {
            return MidiSystem.getSoundbank(sf2.toFile());
        } catch (InvalidMidiDataException | RuntimeException e) {
            throw new IOException("SoundFont " + sf2 + " could not be read: " + e.getMessage(), e);
        }
    }

    /** True when this JVM lets us call Gervill's offline renderer (the package export is in place). */
    public static boolean offlineRenderingAvailable() {
        return Synthesizer.class.getModule().isExported("com.sun.media.sound", StemRenderer.class.getModule());
    }

    /** Number of samples in one loop of the song. */
    public static int loopSamples(SongSpec song) {
        return (int) Math.round(song.lengthS() * SAMPLE_RATE);
    }

    /**
     * Renders the stem dry, mono (left and right summed, halved), exactly one loop long, tail folded to the start.
     * No problem EQ or level scaling is applied here.
     *
     * @param song the song (tempo, loop length)
     * @param stem the stem to play
     * @return mono samples, {@link #loopSamples(SongSpec)} long
     * @throws IOException with a one-line message when the synthesizer cannot be opened
     */
    public float[] render(SongSpec song, StemSpec stem) throws IOException {
        int loop = loopSamples(song);
        int pre = (int) Math.round(PRE_ROLL_S * SAMPLE_RATE);
        int tail = (int) Math.round(TAIL_S * SAMPLE_RATE);
        int start = pre + SYNTH_LATENCY_SAMPLES;
        int total = start + loop + tail;
        float[] left = new float[total];
        float[] right = new float[total];
        renderInto(left, right, song, stem, pre);
        float[] out = new float[loop];
        for (int i = 0; i < loop; i++) {
            out[i] = 0.5f * (left[start + i] + right[start + i]);
        }
        for (int i = 0; i < tail && i < loop; i++) {
            out[i] += 0.5f * (left[start + loop + i] + right[start + loop + i]);
        }
        return out;
    }

    private void renderInto(float[] left, float[] right, SongSpec song, StemSpec stem, int preSamples)
            throws IOException {
        if (!offlineRenderingAvailable()) {
            throw new IOException(EXPORT_HINT);
        }
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("no software synthesizer available: " + e.getMessage(), e);
        }
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, SAMPLE_RATE, 32, 2, 8, SAMPLE_RATE,
            false);
        Map<String, Object> info = new HashMap<>();
        info.put("load default soundbank", Boolean.FALSE);
        info.put("reverb", Boolean.FALSE);
        info.put("chorus", Boolean.FALSE);
        info.put("auto gain control", Boolean.FALSE);
        info.put("jitter correction", Boolean.FALSE);
        info.put("interpolation", "sinc");
        info.put("control rate", 147f);
        info.put("max polyphony", 128);
        AudioInputStream stream;
        try {
            Method open = synth.getClass().getMethod("openStream", AudioFormat.class, Map.class);
            stream = (AudioInputStream) open.invoke(synth, format, info);
        } catch (NoSuchMethodException e) {
            throw new IOException("the synthesizer " + synth.getClass().getName()
                + " cannot render offline (not Gervill)", e);
        } catch (IllegalAccessException e) {
            throw new IOException(EXPORT_HINT, e);
        } catch (InvocationTargetException e) {
            throw new IOException("Gervill could not open an offline stream: " + e.getCause(), e);
        }
        try {
            loadInstruments(synth, stem);
            sendEvents(synth.getReceiver(), song, stem, preSamples);
            readAll(stream, left, right);
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            throw new IOException("rendering " + song.id() + "/" + stem.file() + " failed: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    private void loadInstruments(Synthesizer synth, StemSpec stem) throws IOException {
        List<Instrument> exact = new ArrayList<>();
        List<Instrument> any = new ArrayList<>();
        for (Instrument ins : soundbank.getInstruments()) {
            if (ins.getPatch().getBank() != 0 || ins.getPatch().getProgram() != stem.program()) {
                continue;
            }
            any.add(ins);
            // Gervill names SoundFont drum kits "Drumkit: ..." and melodic presets "Instrument: ..."
            if (ins.toString().startsWith("Drumkit") == stem.percussion()) {
                exact.add(ins);
            }
        }
        List<Instrument> chosen = exact.isEmpty() ? any : exact;
        if (chosen.isEmpty()) {
            throw new IOException("the SoundFont has no preset " + stem.program() + " for " + stem.file());
        }
        for (Instrument ins : chosen) {
            if (!synth.loadInstrument(ins)) {
                throw new IOException("Gervill could not load '" + ins.getName() + "' for " + stem.file());
            }
        }
    }

    private static void sendEvents(Receiver rx, SongSpec song, StemSpec stem, int preSamples)
            throws InvalidMidiDataException {
        int ch = stem.percussion() ? DRUM_CHANNEL : MELODIC_CHANNEL;
        rx.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 0, 0), 0);
        rx.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 32, 0), 0);
        rx.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, stem.program(), 0), 0);
        int[][] controllers = {{7, 100}, {10, 64}, {11, 127}, {91, 0}, {93, 0}};
        for (int[] cc : controllers) {
            rx.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, cc[0], cc[1]), 0);
        }
        // note-offs before note-ons at equal times; Gervill keeps equal timestamps in send order
        List<long[]> events = new ArrayList<>();
        double preUs = preSamples * 1e6 / SAMPLE_RATE;
        for (NoteEvent n : stem.notes()) {
            long on = Math.round(preUs + song.beatsToSeconds(n.startBeat()) * 1e6);
            long off = Math.round(preUs + song.beatsToSeconds(n.endBeat()) * 1e6);
            events.add(new long[] {on, 1, n.pitch(), n.velocity()});
            events.add(new long[] {off, 0, n.pitch(), 0});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (long[] e : events) {
            int cmd = e[1] == 1 ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF;
            rx.send(new ShortMessage(cmd, ch, (int) e[2], (int) e[3]), e[0]);
        }
    }

    private static void readAll(AudioInputStream stream, float[] left, float[] right) throws IOException {
        int frames = left.length;
        byte[] buf = new byte[8 * 4096];
        int frame = 0;
        try (InputStream in = stream) {
            while (frame < frames) {
                int want = Math.min(buf.length, (frames - frame) * 8);
                int got = 0;
                while (got < want) {
                    int r = in.read(buf, got, want - got);
                    if (r < 0) {
                        throw new IOException("Gervill stream ended early at frame " + (frame + got / 8));
                    }
                    got += r;
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, got).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < got / 8; i++) {
                    left[frame + i] = bb.getFloat();
                    right[frame + i] = bb.getFloat();
                }
                frame += got / 8;
            }
        }
    }
}
