package org.mixlab.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

class LiveMixTest {
    static final double RATE = 48_000;
    LiveMix mix;

    @BeforeAll
    static void noDevice() {
        System.setProperty("mixlab.audio", "none");
    }

    @AfterEach
    void close() {
        if (mix != null) {
            mix.close();
        }
    }

    static float[][] sine(double hz, double amp, double seconds) {
        int n = (int) (seconds * RATE);
        float[][] a = new float[1][n];
        for (int i = 0; i < n; i++) {
            a[0][i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return a;
    }

    static Session session() {
        Session s = new Session();
        s.sampleRate = RATE;
        TrackModel t = new TrackModel();
        t.id = "tone";
        t.name = "Tone";
        t.file = "tone.wav";
        s.tracks.add(t);
        return s;
    }

    static void waitFor(BooleanSupplier cond, long timeoutMs) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!cond.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %d ms", timeoutMs).isLessThan(end);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    @DisplayName("with no sound device playback runs on a silent clock and the meters move")
    void silentClockPlaysAndMeters() throws Exception {
        mix = new LiveMix(session(), s -> Map.of("tone", sine(1000, 0.5, 4)), 20);
        assertThat(mix.isSilentClock()).isTrue();
        assertThat(mix.outputStatus()).contains("silent clock");
        mix.play();
        MeterSnapshot snap = new MeterSnapshot();
        waitFor(() -> {
            mix.readMeters(snap);
            return snap.momentaryLufs > -60;
        }, 5000);
        assertThat(mix.isPlaying()).isTrue();
        assertThat(mix.positionSeconds()).isGreaterThan(0.3);
        // 0.5 amplitude centred at -3 dB: each side 0.3536 -> -9.03 dBFS
        assertThat(snap.peakDbfs[0]).isCloseTo(-9.03, within(0.1));
        mix.stop();
        waitFor(() -> !mix.isPlaying(), 2000);
    }

    @Test
    @DisplayName("loudness matching brings every source to the quietest one's integrated loudness")
    void loudnessMatchOffsets() throws Exception {
        Session s = session();
        s.tracks.get(0).gainDb = -10;
        mix = new LiveMix(s, x -> Map.of("tone", sine(1000, 0.5, 4)), 20);
        mix.awaitLoudnessMeasure();
        double mixL = mix.measuredLoudnessLufs(Source.MIX);
        double plainL = mix.measuredLoudnessLufs(Source.UNPROCESSED);
        assertThat(plainL - mixL).isCloseTo(10.0, within(0.05));
        assertThat(mix.matchOffsetDb(Source.MIX)).isCloseTo(0.0, within(0.01));
        assertThat(mix.matchOffsetDb(Source.UNPROCESSED)).isCloseTo(-10.0, within(0.05));
        mix.setLoudnessMatch(false);
        assertThat(mix.matchOffsetDb(Source.UNPROCESSED)).isZero();
    }

    @Test
    @DisplayName("switching to the unprocessed source is heard (meters follow the source at its true level)")
    void abSwitchChangesWhatIsHeard() throws Exception {
        Session s = session();
        s.tracks.get(0).gainDb = -20;
        mix = new LiveMix(s, x -> Map.of("tone", sine(1000, 0.5, 4)), 20);
        mix.play();
        MeterSnapshot snap = new MeterSnapshot();
        waitFor(() -> {
            mix.readMeters(snap);
            return snap.source == Source.MIX && snap.peakDbfs[0] > -40 && snap.peakDbfs[0] < -28;
        }, 5000);
        mix.setSource(Source.UNPROCESSED);
        waitFor(() -> {
            mix.readMeters(snap);
            return snap.source == Source.UNPROCESSED && Math.abs(snap.peakDbfs[0] + 9.03) < 0.2;
        }, 5000);
        assertThat(mix.source()).isEqualTo(Source.UNPROCESSED);
    }

    @Test
    @DisplayName("the model follows every edit and seek stays inside the song")
    void modelFollowsEdits() throws Exception {
        mix = new LiveMix(session(), x -> Map.of("tone", sine(1000, 0.5, 2)), 20);
        mix.setGainDb("tone", 50);
        assertThat(mix.session().track("tone").gainDb).isEqualTo(12.0);
        mix.setPan("tone", -30);
        assertThat(mix.session().track("tone").pan).isEqualTo(-30.0);
        mix.setMute("tone", true);
        assertThat(mix.session().track("tone").mute).isTrue();
        mix.seek(99);
        assertThat(mix.positionSeconds()).isCloseTo(2.0, within(1e-3));
        assertThat(mix.lengthSeconds()).isCloseTo(2.0, within(1e-3));
    }

    @Test
    @DisplayName("wet-only effects added to a track start part-wet so the dry sound stays; on an aux return fully wet")
    void newInsertMix() throws Exception {
        Session s = session();
        org.mixlab.engine.session.AuxModel aux = new org.mixlab.engine.session.AuxModel();
        aux.id = "verb";
        s.auxes.add(aux);
        mix = new LiveMix(s, x -> Map.of("tone", sine(1000, 0.5, 2)), 20);
        java.util.Map<String, Double> onTrack = new java.util.LinkedHashMap<>();
        for (String type : new String[] {"reverb", "delay", "chorus", "flanger", "phaser", "eq", "saturation"}) {
            String id = mix.addInsert("tone", type);
            onTrack.put(type, mix.session().track("tone").inserts.stream().filter(i -> i.id.equals(id))
                    .findFirst().orElseThrow().mix);
        }
        assertThat(onTrack).containsExactly(java.util.Map.entry("reverb", 0.25), java.util.Map.entry("delay", 0.3),
                java.util.Map.entry("chorus", 0.5), java.util.Map.entry("flanger", 1.0),
                java.util.Map.entry("phaser", 1.0), java.util.Map.entry("eq", 1.0),
                java.util.Map.entry("saturation", 1.0));
        mix.addInsert("verb", "reverb");
        assertThat(mix.session().strip("verb").inserts.get(0).mix).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a reference given at construction is measured once, and no measurement starts during start-up")
    void referenceAtConstructionAndStartUpHold() throws Exception {
        Session s = session();
        s.tracks.get(0).gainDb = -6;
        Session ref = session();
        long built = System.nanoTime();
        mix = new LiveMix(s, ref, x -> Map.of("tone", sine(1000, 0.5, 2)), 20);
        assertThat(mix.hasReference()).isTrue();
        mix.setGainDb("tone", -8); // an edit during start-up: still held
        mix.awaitLoudnessMeasure();
        long measuredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - built);
        assertThat(measuredAfterMs).isGreaterThanOrEqualTo(LiveMix.FIRST_MEASURE_DELAY_MS);
        double mixL = mix.measuredLoudnessLufs(Source.MIX);
        double refL = mix.measuredLoudnessLufs(Source.REFERENCE);
        assertThat(refL - mixL).isCloseTo(8.0, within(0.05));
    }

    @Test
    @DisplayName("an app holds the measurement for its start-up and releases it when its window is up")
    void startUpHoldReleasedByTheWindow() throws Exception {
        mix = new LiveMix(session(), null, x -> Map.of("tone", sine(1000, 0.5, 2)), 20);
        mix.holdForStartUp();
        long released = System.nanoTime();
        mix.startUpFinished();
        mix.awaitLoudnessMeasure();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released))
                .isGreaterThanOrEqualTo(LiveMix.AFTER_START_UP_DELAY_MS);
        assertThat(mix.measuredLoudnessLufs(Source.MIX)).isCloseTo(-9.02, within(0.05)); // 1 kHz at 0.354 peak per side
    }
}
