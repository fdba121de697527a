package org.mixlab.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.render.OfflineRenderer;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.engine.session.VcaModel;

class SessionGraphTest {
    static final int N = 2048;

    static float[][] impulse(int at) {
        float[][] a = new float[1][N];
        a[0][at] = 1f;
        return a;
    }

    static TrackModel track(String id) {
        TrackModel t = new TrackModel();
        t.id = id;
        t.name = id;
        t.file = id + ".wav";
        return t;
    }

    static Session session(TrackModel... tracks) {
        Session s = new Session();
        s.sampleRate = 48_000;
        for (TrackModel t : tracks) {
            s.tracks.add(t);
        }
        return s;
    }

    @Test
    @DisplayName("a centred mono track at 0 dB reaches each side at -3 dB (constant-power law)")
    void centredMonoIsMinus3Db() {
        Session s = session(track("a"));
        float[][] out = OfflineRenderer.render(s, Map.of("a", impulse(10)), 0, false, null);
        assertThat(out[0][10]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(out[1][10]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(out[0][11]).isZero();
    }

    @Test
    @DisplayName("fader -6.02 dB halves the level; hard left puts all of it left")
    void faderAndHardPan() {
        TrackModel t = track("a");
        t.gainDb = 20 * Math.log10(0.5);
        t.pan = -100;
        float[][] out = OfflineRenderer.render(session(t), Map.of("a", impulse(100)), 0, false, null);
        assertThat(out[0][100]).isCloseTo(0.5f, within(1e-6f));
        assertThat(out[1][100]).isCloseTo(0f, within(1e-7f));
    }

    @Test
    @DisplayName("trim and polarity apply before the fader; -100 dB fader is silence")
    void trimPolarityAndSilence() {
        TrackModel a = track("a");
        a.trimDb = 20 * Math.log10(2);
        a.polarity = true;
        TrackModel b = track("b");
        b.gainDb = -100;
        float[][] out = OfflineRenderer.render(session(a, b), Map.of("a", impulse(5), "b", impulse(7)), 0, false, null);
        assertThat(out[0][5]).isCloseTo((float) (-2 * Math.sqrt(0.5)), within(1e-5f));
        assertThat(out[0][7]).isZero();
    }

    @Test
    @DisplayName("solo silences the other tracks but never the aux returns; a track routed to a soloed bus plays")
    void soloLogic() {
        TrackModel a = track("a");
        TrackModel b = track("b");
        TrackModel c = track("c");
        a.solo = true;
        c.output = "grp";
        BusModel bus = new BusModel();
        bus.id = "grp";
        bus.name = "Group";
        bus.solo = true;
        AuxModel aux = new AuxModel();
        aux.id = "fx";
        aux.name = "FX";
        SendModel send = new SendModel();
        send.to = "fx";
        send.levelDb = 0;
        a.sends.add(send);
        Session s = session(a, b, c);
        s.buses.add(bus);
        s.auxes.add(aux);
        Map<String, float[][]> stems = Map.of("a", impulse(1), "b", impulse(2), "c", impulse(3));
        float[][] out = OfflineRenderer.render(s, stems, 0, false, null);
        double centre = Math.sqrt(0.5);
        // a: direct + post-fader send through the aux (centre-panned stereo aux passes both sides at unity)
        assertThat(out[0][1]).isCloseTo((float) (2 * centre), within(1e-5f));
        assertThat(out[0][2]).isZero();
        assertThat(out[0][3]).isCloseTo((float) centre, within(1e-5f));
    }

    @Test
    @DisplayName("a VCA adds its gain to every member's fader")
    void vcaOffsetsMembers() {
        TrackModel a = track("a");
        a.gainDb = -6;
        VcaModel v = new VcaModel();
        v.id = "v";
        v.gainDb = -6;
        v.members.add("a");
        Session s = session(a);
        s.vcas.add(v);
        float[][] out = OfflineRenderer.render(s, Map.of("a", impulse(0)), 0, false, null);
        assertThat(20 * Math.log10(out[0][0] / Math.sqrt(0.5))).isCloseTo(-12.0, within(1e-4));
    }

    @Test
    @DisplayName("the unprocessed graph ignores faders, pans and mutes")
    void plainGraphIsUnity() {
        TrackModel a = track("a");
        a.gainDb = -20;
        a.pan = 100;
        a.mute = true;
        float[][] out = OfflineRenderer.render(session(a), Map.of("a", impulse(4)), 0, true, null);
        assertThat(out[0][4]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(out[1][4]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    @DisplayName("the same session renders bit-identically twice")
    void deterministic() {
        Map<String, float[][]> stems = new HashMap<>();
        float[][] noise = new float[1][N];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < N; i++) {
            noise[0][i] = (float) (r.nextGaussian() * 0.1);
        }
        stems.put("a", noise);
        TrackModel a = track("a");
        a.pan = 30;
        float[][] x = OfflineRenderer.render(session(a), stems, 0.1, false, null);
        float[][] y = OfflineRenderer.render(session(a), stems, 0.1, false, null);
        assertThat(x[0]).containsExactly(y[0]);
        assertThat(x[1]).containsExactly(y[1]);
        assertThat(x[0].length).isEqualTo(N + 4800);
    }

    @Test
    @DisplayName("pan laws at centre: -3, -4.5, -6 and 0 dB")
    void panLawsAtCentre() {
        assertThat(20 * Math.log10(PanLaw.left(0, PanLaw.MINUS_3))).isCloseTo(-3.01, within(0.01));
        assertThat(20 * Math.log10(PanLaw.left(0, PanLaw.MINUS_4_5))).isCloseTo(-4.52, within(0.02));
        assertThat(20 * Math.log10(PanLaw.left(0, PanLaw.MINUS_6))).isCloseTo(-6.02, within(0.01));
        assertThat(PanLaw.left(0, PanLaw.ZERO)).isEqualTo(1.0);
        assertThat(PanLaw.right(100, PanLaw.MINUS_3)).isCloseTo(1.0, within(1e-12));
        assertThat(PanLaw.left(100, PanLaw.MINUS_3)).isCloseTo(0.0, within(1e-12));
    }
    @Test
    @DisplayName("delay compensation: a track with a latent insert stays aligned with a track without one")
    void latentInsertIsCompensated() {
        TrackModel a = track("a");
        TrackModel b = track("b");
        org.mixlab.engine.session.InsertModel sat = new org.mixlab.engine.session.InsertModel();
        sat.id = "sat1";
        sat.type = "saturation";
        sat.params.put("driveDb", 0.0);
        sat.params.put("autoGain", 0.0);
        a.inserts.add(sat);
        a.pan = -100;
        b.pan = 100;
        Session s = session(a, b);
        SessionGraph g = SessionGraph.build(s, Map.of("a", impulse(300), "b", impulse(300)),
                new org.mixlab.dsp.ProcessSpec(48_000, 512, 2), false);
        assertThat(g.latencySamples()).isGreaterThan(0);
        float[][] out = OfflineRenderer.render(s, Map.of("a", impulse(300), "b", impulse(300)), 0, false, null);
        int peakL = argMaxAbs(out[0]);
        int peakR = argMaxAbs(out[1]);
        assertThat(peakR).isEqualTo(300);
        assertThat(peakL).isBetween(299, 301);
    }

    @Test
    @DisplayName("bypassing an insert crossfades: no sample-to-sample jump bigger than the signal's own")
    void bypassIsClickFree() {
        org.mixlab.dsp.Processor eq = org.mixlab.engine.ProcessorRegistry.create("eq");
        eq.setParameter("b1On", 1);
        eq.setParameter("b1FreqHz", 1000);
        eq.setParameter("b1GainDb", 18);
        InsertSlot slot = new InsertSlot("eq1", eq, false, 1.0);
        slot.prepare(new org.mixlab.dsp.ProcessSpec(48_000, 256, 2));
        org.mixlab.dsp.AudioBlock b = new org.mixlab.dsp.AudioBlock(2, 256);
        double phase = 0;
        float prev = 0;
        double maxStep = 0;
        double staticStep = 2 * Math.PI * 1000 / 48_000 * 0.1 * Math.pow(10, 18 / 20.0) * 1.05;
        for (int block = 0; block < 200; block++) {
            if (block == 100) {
                slot.setBypass(true);
            }
            b.setNumChannels(1);
            b.setNumSamples(256);
            for (int i = 0; i < 256; i++) {
                b.channel(0)[i] = (float) (0.1 * Math.sin(phase));
                phase += 2 * Math.PI * 1000 / 48_000;
            }
            slot.process(b);
            for (int i = 0; i < 256; i++) {
                float x = b.channel(0)[i];
                if (block > 20) {
                    maxStep = Math.max(maxStep, Math.abs(x - prev));
                }
                prev = x;
            }
        }
        assertThat(maxStep).isLessThan(staticStep);
        assertThat(slot.isBypassed()).isTrue();
    }

    @Test
    @DisplayName("a session with one EQ band, rendered from a unit impulse, matches the RBJ cookbook within 0.1 dB")
    void sessionEqMatchesCookbook() {
        TrackModel t = track("a");
        t.pan = -100; // hard left under the -3 dB law: the left channel carries the track at unity
        org.mixlab.engine.session.InsertModel eq = new org.mixlab.engine.session.InsertModel();
        eq.id = "eq1";
        eq.type = "eq";
        eq.params.put("b2On", 1.0);
        eq.params.put("b2FreqHz", 1000.0);
        eq.params.put("b2GainDb", 9.0);
        eq.params.put("b2Q", 1.4);
        t.inserts.add(eq);
        int n = 1 << 16;
        float[][] imp = new float[1][n];
        imp[0][0] = 1f;
        Session s = session(t);
        s.sampleRate = 48_000;
        float[][] out = OfflineRenderer.render(s, Map.of("a", imp), 0, false, null);
        org.mixlab.dsp.Biquad cookbook = new org.mixlab.dsp.Biquad(1);
        cookbook.setPeaking(48_000, 1000, 1.4, 9.0);
        double worst = 0;
        for (double f = 20; f <= 20_000; f *= Math.pow(2, 1 / 12.0)) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double w = -2 * Math.PI * f * i / 48_000;
                re += out[0][i] * Math.cos(w);
                im += out[0][i] * Math.sin(w);
            }
            double measured = 10 * Math.log10(re * re + im * im);
            worst = Math.max(worst, Math.abs(measured - cookbook.magnitudeDb(f, 48_000)));
        }
        assertThat(worst).isLessThan(0.1);
    }

    static int argMaxAbs(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i]) > Math.abs(a[best])) {
                best = i;
            }
        }
        return best;
    }
}
