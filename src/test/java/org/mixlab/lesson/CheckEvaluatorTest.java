package org.mixlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** Known answers for selector resolution and every non-audio check kind on small sessions built in code. */
class CheckEvaluatorTest {
    private Session s;

    private static TrackModel track(String id, String role, double gainDb) {
        TrackModel t = new TrackModel();
        t.id = id;
        t.role = role;
        t.gainDb = gainDb;
        return t;
    }

    private static InsertModel insert(String id, String type, Map<String, Double> params) {
        InsertModel i = new InsertModel();
        i.id = id;
        i.type = type;
        i.params.putAll(params);
        return i;
    }

    @BeforeEach
    void session() {
        s = new Session();
        s.tracks.add(track("kick", "kick", -6));
        s.tracks.add(track("bass", "bass", -10));
        s.tracks.add(track("gtr1", "guitar", -12));
        TrackModel lead = track("lead", "lead", -3);
        lead.pan = 4;
        SendModel send = new SendModel();
        send.to = "verb";
        send.levelDb = -18;
        lead.sends.add(send);
        s.tracks.add(lead);
        AuxModel verb = new AuxModel();
        verb.id = "verb";
        verb.inserts.add(insert("r1", "reverb", Map.of("preDelayMs", 40.0)));
        s.auxes.add(verb);
    }

    @Test
    void relativeFaderCheckSaysHowFarToMove() {
        Check c = Check.relative("track:bass/gainDb", "track:kick/gainDb", Check.Op.BETWEEN, -2, 2);
        CheckResult r = CheckEvaluator.evaluate(c, s);
        assertThat(r.passed()).isFalse();
        assertThat(r.value()).isEqualTo(-4.0);
        assertThat(r.message()).isEqualTo("The bass is 4.0 dB below the kick: raise its fader about 4.0 dB "
                + "(target: -2 to 2 dB).");
        s.track("bass").gainDb = -7.5;
        CheckResult ok = CheckEvaluator.evaluate(c, s);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.message()).startsWith("The bass is 1.5 dB below the kick");
    }

    @Test
    void settingOnStripFieldsAndRoles() {
        assertThat(CheckEvaluator.evaluate(Check.setting("track:lead/pan", Check.Op.BETWEEN, -5, 5), s).passed())
                .isTrue();
        // role lookup: "guitar" is the role of track gtr1
        CheckResult g = CheckEvaluator.evaluate(Check.setting("track:guitar/gainDb", Check.Op.LE, -10, 0), s);
        assertThat(g.passed()).isTrue();
        assertThat(g.value()).isEqualTo(-12.0);
        CheckResult high = CheckEvaluator.evaluate(Check.setting("track:lead/gainDb", Check.Op.LE, -6, 0), s);
        assertThat(high.passed()).isFalse();
        assertThat(high.message()).contains("lower it about 3.0 dB");
    }

    @Test
    void switchedOffHighPassDoesNotPass() {
        InsertModel eq = insert("eq1", "eq", Map.of("hpOn", 0.0, "hpFreqHz", 150.0));
        s.track("gtr1").inserts.add(eq);
        Check c = Check.setting("track:guitar/insert:eq/hpFreqHz", Check.Op.BETWEEN, 80, 250);
        CheckResult off = CheckEvaluator.evaluate(c, s);
        assertThat(off.status()).isEqualTo(CheckResult.Status.INACTIVE);
        assertThat(off.passed()).isFalse();
        assertThat(off.message()).contains("switched off");
        eq.params.put("hpOn", 1.0);
        assertThat(CheckEvaluator.evaluate(c, s).passed()).isTrue();
        eq.bypass = true;
        CheckResult bypassed = CheckEvaluator.evaluate(c, s);
        assertThat(bypassed.status()).isEqualTo(CheckResult.Status.INACTIVE);
        assertThat(bypassed.message()).contains("bypassed");
    }

    @Test
    void defaultsApplyWhenParamsAreOmitted() {
        s.track("lead").inserts.add(insert("c1", "compressor", Map.of()));
        Resolution r = SelectorResolver.resolve(s, "track:lead/insert:compressor/ratio");
        assertThat(r.isOk()).isTrue();
        assertThat(r.value()).isEqualTo(4.0);
        assertThat(CheckEvaluator.evaluate(Check.setting("track:lead/insert:compressor/ratio",
                Check.Op.BETWEEN, 2, 6), s).passed()).isTrue();
    }

    @Test
    void insertByIdAndPseudoParams() {
        s.track("lead").inserts.add(insert("c1", "compressor", Map.of("ratio", 2.0)));
        InsertModel second = insert("c2", "compressor", Map.of("ratio", 8.0));
        second.mix = 0.4;
        s.track("lead").inserts.add(second);
        assertThat(SelectorResolver.resolve(s, "track:lead/insert:compressor/ratio").value()).isEqualTo(2.0);
        assertThat(SelectorResolver.resolve(s, "track:lead/insert:compressor#c2/ratio").value()).isEqualTo(8.0);
        assertThat(SelectorResolver.resolve(s, "track:lead/insert:compressor#c2/mix").value()).isEqualTo(0.4);
        assertThat(SelectorResolver.resolve(s, "track:lead/insert:compressor#c2/bypass").value()).isEqualTo(0.0);
        assertThat(SelectorResolver.resolve(s, "track:lead/insert:compressor#c9/ratio").status())
                .isEqualTo(Resolution.Status.MISSING);
    }

    @Test
    void sendsAuxesAndMaster() {
        assertThat(SelectorResolver.resolve(s, "track:lead/send:verb/levelDb").value()).isEqualTo(-18.0);
        assertThat(SelectorResolver.resolve(s, "track:lead/send:verb/pre").value()).isEqualTo(0.0);
        assertThat(SelectorResolver.resolve(s, "track:bass/send:verb/levelDb").status())
                .isEqualTo(Resolution.Status.MISSING);
        assertThat(SelectorResolver.resolve(s, "aux:verb/insert:reverb/preDelayMs").value()).isEqualTo(40.0);
        assertThat(SelectorResolver.resolve(s, "aux:verb/insert:reverb/decayS").value()).isEqualTo(1.8);
        s.master.gainDb = -1.5;
        assertThat(SelectorResolver.resolve(s, "master/gainDb").value()).isEqualTo(-1.5);
        assertThat(SelectorResolver.resolve(s, "master/insert:limiter/ceilingDb").status())
                .isEqualTo(Resolution.Status.MISSING);
        assertThat(SelectorResolver.resolve(s, "track:nobody/gainDb").status()).isEqualTo(Resolution.Status.MISSING);
        assertThat(SelectorResolver.resolve(s, "track:lead/insert:eqq/hpOn").status())
                .isEqualTo(Resolution.Status.INVALID);
    }

    @Test
    void delayNoteOnlyCountsWhenSynced() {
        AuxModel d = new AuxModel();
        d.id = "delay";
        InsertModel delay = insert("d1", "delay", Map.of("note", 8.0));
        d.inserts.add(delay);
        s.auxes.add(d);
        Check c = Check.setting("aux:delay/insert:delay/note", Check.Op.EQ, 8, 0);
        assertThat(CheckEvaluator.evaluate(c, s).status()).isEqualTo(CheckResult.Status.INACTIVE);
        delay.params.put("sync", 1.0);
        assertThat(CheckEvaluator.evaluate(c, s).passed()).isTrue();
        assertThat(SelectorResolver.resolve(s, "aux:delay/insert:delay/timeMs").status())
                .isEqualTo(Resolution.Status.INACTIVE);
    }

    @Test
    void existsChecks() {
        Check comp = Check.exists("track:lead/insert:compressor", true);
        CheckResult none = CheckEvaluator.evaluate(comp, s);
        assertThat(none.passed()).isFalse();
        assertThat(none.message()).isEqualTo("Add a compressor on the lead.");
        InsertModel c = insert("c1", "compressor", Map.of());
        c.bypass = true;
        s.track("lead").inserts.add(c);
        assertThat(CheckEvaluator.evaluate(comp, s).status()).isEqualTo(CheckResult.Status.INACTIVE);
        c.bypass = false;
        assertThat(CheckEvaluator.evaluate(comp, s).passed()).isTrue();

        Check noLimiter = Check.exists("master/insert:limiter", false);
        assertThat(CheckEvaluator.evaluate(noLimiter, s).passed()).isTrue();
        InsertModel lim = insert("l1", "limiter", Map.of());
        s.master.inserts.add(lim);
        CheckResult withLimiter = CheckEvaluator.evaluate(noLimiter, s);
        assertThat(withLimiter.passed()).isFalse();
        assertThat(withLimiter.message()).contains("Remove or bypass the limiter");
        lim.bypass = true;
        assertThat(CheckEvaluator.evaluate(noLimiter, s).passed()).isTrue();
    }

    @Test
    void eqBandLooksThroughAllFourBandsAndIgnoresSwitchedOffOnes() {
        Check c = Check.eqBand("track:bass/insert:eq", 100, 250, Check.Op.BETWEEN, -9, -2);
        assertThat(CheckEvaluator.evaluate(c, s).status()).isEqualTo(CheckResult.Status.MISSING);
        InsertModel eq = insert("eq1", "eq", Map.of(
                "b1On", 1.0, "b1FreqHz", 60.0, "b1GainDb", -4.0,      // outside the window
                "b3On", 0.0, "b3FreqHz", 160.0, "b3GainDb", -4.0));   // in the window but switched off
        s.track("bass").inserts.add(eq);
        CheckResult off = CheckEvaluator.evaluate(c, s);
        assertThat(off.passed()).isFalse();
        assertThat(off.status()).isEqualTo(CheckResult.Status.INACTIVE);
        eq.params.put("b3On", 1.0);
        eq.params.put("b3GainDb", 2.0);
        CheckResult boost = CheckEvaluator.evaluate(c, s);
        assertThat(boost.passed()).isFalse();
        assertThat(boost.message()).contains("Band 3").contains("160 Hz").contains("lower its gain about 4.0 dB");
        eq.params.put("b3GainDb", -4.0);
        CheckResult pass = CheckEvaluator.evaluate(c, s);
        assertThat(pass.passed()).isTrue();
        assertThat(pass.value()).isEqualTo(-4.0);
        // band 4 also counts: its default frequency 6000 Hz moved into the window
        eq.params.put("b3On", 0.0);
        eq.params.put("b4On", 1.0);
        eq.params.put("b4FreqHz", 220.0);
        eq.params.put("b4GainDb", -3.0);
        assertThat(CheckEvaluator.evaluate(c, s).passed()).isTrue();
        eq.bypass = true;
        assertThat(CheckEvaluator.evaluate(c, s).passed()).isFalse();
    }

    @Test
    void audioChecksUseMeasurementsAndWaitWithoutThem() {
        Check lufs = Check.audio("integratedLufs", "master", null, Check.Op.BETWEEN, -15, -13);
        assertThat(CheckEvaluator.evaluate(lufs, s).status()).isEqualTo(CheckResult.Status.NOT_MEASURED);
        AudioMeasurements quiet = (m, t, o) -> m.equals("integratedLufs") && t.equals("master") ? -18.2 : Double.NaN;
        CheckResult r = CheckEvaluator.evaluate(lufs, s, quiet);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).isEqualTo("The integrated loudness of the mix is -18.2 LUFS: raise it about 3.2 LUFS "
                + "(target: -15 to -13 LUFS).");
        assertThat(CheckEvaluator.evaluate(lufs, s, (m, t, o) -> -14.0).passed()).isTrue();
        Check tp = Check.audio("truePeakDbtp", "master", null, Check.Op.LE, -1, 0);
        assertThat(CheckEvaluator.evaluate(tp, s, (m, t, o) -> -0.3).passed()).isFalse();
        assertThat(CheckEvaluator.evaluate(tp, s, (m, t, o) -> -1.0).passed()).isTrue();
        Check diff = Check.audio("stemLevelDiff", "track:bass", "track:kick", Check.Op.BETWEEN, -3, 3);
        CheckResult d = CheckEvaluator.evaluate(diff, s, (m, t, o) -> t.equals("track:bass")
                && o.equals("track:kick") ? 1.0 : Double.NaN);
        assertThat(d.passed()).isTrue();
        CheckResult broken = CheckEvaluator.evaluate(lufs, s, (m, t, o) -> {
            throw new IllegalStateException("render failed");
        });
        assertThat(broken.status()).isEqualTo(CheckResult.Status.ERROR);
    }

    @Test
    void hintIsAppendedOnlyOnFailure() {
        Check c = Check.setting("track:kick/gainDb", Check.Op.BETWEEN, -8, -4).withHint("Use the fader.");
        assertThat(CheckEvaluator.evaluate(c, s).message()).doesNotContain("Hint");
        s.track("kick").gainDb = 0;
        assertThat(CheckEvaluator.evaluate(c, s).message()).endsWith("Hint: Use the fader.");
    }

    @Test
    void booleanFields() {
        s.track("lead").mute = true;
        assertThat(CheckEvaluator.evaluate(Check.setting("track:lead/mute", Check.Op.EQ, 0, 0), s).passed()).isFalse();
        s.track("lead").mute = false;
        assertThat(CheckEvaluator.evaluate(Check.setting("track:lead/mute", Check.Op.EQ, 0, 0), s).passed()).isTrue();
        s.track("bass").polarity = true;
        assertThat(SelectorResolver.resolve(s, "track:bass/polarity").value()).isEqualTo(1.0);
    }
}
