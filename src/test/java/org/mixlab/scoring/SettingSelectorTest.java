package org.mixlab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** Selector parsing and resolution, and grading of settings that are switched off or bypassed. */
class SettingSelectorTest {

    static InsertModel insert(String id, String type, boolean bypass, Map<String, Double> params) {
        InsertModel m = new InsertModel();
        m.id = id;
        m.type = type;
        m.bypass = bypass;
        m.params.putAll(params);
        return m;
    }

    /** A guitar with an EQ (high-pass 160 Hz, band 2 -4 dB at 400 Hz, band 3 off), a send to "verb". */
    static Session session(boolean eqBypassed, boolean bandOn, double hpHz) {
        Session s = new Session();
        TrackModel g = new TrackModel();
        g.id = "guitar";
        g.name = "Guitar";
        g.file = "guitar.wav";
        g.gainDb = -4;
        g.pan = -40;
        g.inserts.add(insert("eq1", "eq", eqBypassed, Map.of("hpOn", 1.0, "hpFreqHz", hpHz, "b2On", bandOn ? 1.0 : 0.0,
                "b2FreqHz", 400.0, "b2GainDb", -4.0, "b2Q", 1.4, "b3On", 0.0, "b3FreqHz", 3000.0, "b3GainDb", 5.0)));
        SendModel send = new SendModel();
        send.to = "verb";
        send.levelDb = -18;
        g.sends.add(send);
        s.tracks.add(g);
        AuxModel verb = new AuxModel();
        verb.id = "verb";
        verb.name = "Reverb";
        verb.inserts.add(insert("rv", "reverb", false, Map.of("decayS", 1.6)));
        s.auxes.add(verb);
        s.master.inserts.add(insert("lim", "limiter", false, Map.of("ceilingDb", -1.0)));
        return s;
    }

    @Test
    @DisplayName("selectors read faders, pans, sends, insert parameters, mix and EQ bands")
    void resolvesValues() {
        Session s = session(false, true, 160);
        assertThat(SettingSelector.parse("track:guitar/gainDb").resolve(s).value()).isEqualTo(-4.0);
        assertThat(SettingSelector.parse("track:guitar/pan").resolve(s).value()).isEqualTo(-40.0);
        assertThat(SettingSelector.parse("track:guitar/send:verb/levelDb").resolve(s).value()).isEqualTo(-18.0);
        assertThat(SettingSelector.parse("track:guitar/insert:eq/hpFreqHz").resolve(s).value()).isEqualTo(160.0);
        assertThat(SettingSelector.parse("track:guitar/insert:@eq1/hpFreqHz").resolve(s).value()).isEqualTo(160.0);
        assertThat(SettingSelector.parse("track:guitar/insert:eq#1/mix").resolve(s).value()).isEqualTo(100.0);
        assertThat(SettingSelector.parse("aux:verb/insert:reverb/decayS").resolve(s).value()).isEqualTo(1.6);
        assertThat(SettingSelector.parse("master/insert:limiter/ceilingDb").resolve(s).value()).isEqualTo(-1.0);
        assertThat(SettingSelector.parse("track:guitar/insert:eq/band@500/gainDb").resolve(s).value()).isEqualTo(-4.0);
        assertThat(SettingSelector.parse("track:guitar/insert:eq/band@300/freqHz").resolve(s).value()).isEqualTo(400.0);
        assertThat(SettingSelector.parse("track:guitar/insert:eq/band@400/q").resolve(s).value()).isEqualTo(1.4);
        org.mixlab.engine.session.VcaModel vca = new org.mixlab.engine.session.VcaModel();
        vca.id = "v";
        vca.gainDb = -2.5;
        vca.members.add("guitar");
        s.vcas.add(vca);
        assertThat(SettingSelector.parse("track:guitar/gainDb").resolve(s).value()).as("fader plus VCA")
                .isEqualTo(-6.5);
    }

    @Test
    @DisplayName("bypassed inserts, switched-off sections and bands, absent sends resolve as missing with a reason")
    void offMeansMissing() {
        Session bypassed = session(true, true, 160);
        SettingSelector.Value v = SettingSelector.parse("track:guitar/insert:eq/hpFreqHz").resolve(bypassed);
        assertThat(v.missing()).isTrue();
        assertThat(v.missingReason()).contains("bypassed");
        assertThat(SettingSelector.parse("track:guitar/insert:eq/band@400/gainDb").resolve(bypassed).missing()).isTrue();
        Session bandOff = session(false, false, 160);
        SettingSelector.Value b = SettingSelector.parse("track:guitar/insert:eq/b2GainDb").resolve(bandOff);
        assertThat(b.missing()).isTrue();
        assertThat(b.missingReason()).contains("band 2").contains("switched off");
        assertThat(SettingSelector.parse("track:guitar/insert:eq/band@400/gainDb").resolve(bandOff).missingReason())
                .contains("no EQ band");
        // band 3 is off: its 3 kHz boost is never found
        assertThat(SettingSelector.parse("track:guitar/insert:eq/band@3000/gainDb").resolve(bandOff).missing())
                .isTrue();
        Session s = session(false, true, 160);
        s.track("guitar").inserts.get(0).params.put("hpOn", 0.0);
        assertThat(SettingSelector.parse("track:guitar/insert:eq/hpFreqHz").resolve(s).missingReason())
                .contains("high-pass");
        assertThat(SettingSelector.parse("track:guitar/send:delay/levelDb").resolve(s).missing()).isTrue();
        assertThat(SettingSelector.parse("track:bass/gainDb").resolve(s).missingReason()).contains("no track 'bass'");
        s.track("guitar").inserts.get(0).mix = 0;
        assertThat(SettingSelector.parse("track:guitar/insert:eq/hpFreqHz").resolve(s).missing()).isTrue();
    }

    @Test
    @DisplayName("malformed selectors are refused with one line naming the problem")
    void parseErrors() {
        for (String bad : new String[] {"", "guitar/gainDb", "track:/gainDb", "track:guitar", "track:guitar/volume",
            "master/pan", "aux:verb/trimDb", "track:guitar/send:verb/pre", "track:guitar/insert:/x",
            "track:guitar/insert:eq#0/hpFreqHz", "track:guitar/insert:eq/band@5/gainDb",
            "track:guitar/insert:eq/band@400/slope", "track:guitar/insert:compressor/band@400/gainDb",
            "track:guitar//gainDb"}) {
            assertThatThrownBy(() -> SettingSelector.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    static Exercise exercise(Session start, Session ref, List<Criterion> criteria) {
        return new Exercise("eq-test", "EQ test", "tone", 1, null, "Cut the mud.", Path.of("."), Path.of("start"),
                start, Path.of("ref"), ref, null, null, null, true, 70, criteria);
    }

    static Criterion setting(String id, String selector, double tol, double falloff, Double whenMissing) {
        SettingSelector sel = SettingSelector.parse(selector);
        return new Criterion(id, Criterion.Kind.SETTING, null, 1, tol, falloff, sel, null, sel.naturalScale(), null,
                null, null, whenMissing, List.of(), 31.5, 16_000, null);
    }

    @Test
    @DisplayName("a bypassed EQ or a switched-off band earns nothing even when its numbers match the reference")
    void offSettingsAreNotCredited() throws Exception {
        Session ref = session(false, true, 160);
        Exercise ex = exercise(session(false, true, 40), ref, List.of(
                setting("hp", "track:guitar/insert:eq/hpFreqHz", 0.25, 1.5, null),
                setting("mud", "track:guitar/insert:eq/band@400/gainDb", 1, 4, 0.0)));
        Scorer scorer = new Scorer(new StemCache(List.of()));
        assertThat(scorer.grade(ex, ref).score()).isEqualTo(100.0);
        ScoreReport bypassed = scorer.grade(ex, session(true, true, 160));
        assertThat(bypassed.criterion("hp").points()).isZero();
        assertThat(bypassed.criterion("hp").feedback()).contains("the guitar").contains("bypassed")
                .contains("switch it back on").contains("160 Hz");
        // whenMissing 0 dB: a switched-off band counts as no cut, 4 dB from the reference's -4 dB
        assertThat(bypassed.criterion("mud").points()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
        ScoreReport bandOff = scorer.grade(ex, session(false, false, 160));
        assertThat(bandOff.criterion("hp").points()).isEqualTo(100.0);
        assertThat(bandOff.criterion("mud").points()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
        ScoreReport low = scorer.grade(ex, session(false, true, 40));
        assertThat(low.criterion("hp").feedback()).isEqualTo("Your high-pass on the guitar is at 40 Hz; the reference"
                + " uses about 160 Hz: raise it by about 2 octaves.");
        assertThat(low.criterion("hp").difference()).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scorer.renderCount()).as("settings rubrics never render").isZero();
    }

    @Test
    @DisplayName("property: moving an EQ frequency or gain toward the reference never lowers the score")
    void eqMovesAreMonotone() throws Exception {
        Session ref = session(false, true, 160);
        Exercise ex = exercise(session(false, true, 40), ref, List.of(
                setting("hp", "track:guitar/insert:eq/hpFreqHz", 0.25, 1.5, null),
                setting("mudF", "track:guitar/insert:eq/band@400/freqHz", 0.33, 1, null),
                setting("mud", "track:guitar/insert:eq/band@400/gainDb", 1, 4, 0.0)));
        Scorer scorer = new Scorer(new StemCache(List.of()));
        java.util.Random rnd = new java.util.Random(3);
        for (int trial = 0; trial < 200; trial++) {
            Session s = session(false, true, 20 * Math.pow(100, rnd.nextDouble()));
            Map<String, Double> p = s.track("guitar").inserts.get(0).params;
            p.put("b2FreqHz", 200 * Math.pow(4, rnd.nextDouble()));
            p.put("b2GainDb", -12 + 24 * rnd.nextDouble());
            double before = scorer.grade(ex, s).score();
            String key = new String[] {"hpFreqHz", "b2FreqHz", "b2GainDb"}[rnd.nextInt(3)];
            double target = ref.track("guitar").inserts.get(0).params.get(key);
            double f = rnd.nextDouble();
            double now = p.get(key);
            p.put(key, key.endsWith("Hz") ? now * Math.pow(target / now, f) : now + f * (target - now));
            assertThat(scorer.grade(ex, s).score()).as("trial " + trial + " " + key).isGreaterThanOrEqualTo(before);
        }
    }
}
