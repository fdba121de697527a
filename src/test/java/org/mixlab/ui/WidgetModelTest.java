package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.ui.mixer.ChannelStrip;
import org.mixlab.ui.widgets.ParamModel;
import org.mixlab.ui.widgets.ValueParser;

/** The value model behind every control: steps, formatting and parsing (no windows). */
class WidgetModelTest {
    @Test
    void faderStepsInHalfDecibelsAndDropsToSilenceBelowTheFloor() {
        ParamModel m = new ParamModel(ChannelStrip.GAIN, -4);
        List<Double> heard = new ArrayList<>();
        m.addValueListener(heard::add);
        m.step(1, ParamModel.Step.NORMAL);
        m.step(1, ParamModel.Step.FINE);
        m.step(-1, ParamModel.Step.COARSE);
        assertThat(heard).containsExactly(-3.5, -3.4, -9.4);
        m.setValue(-59.8);
        m.step(-1, ParamModel.Step.NORMAL);
        assertThat(m.value()).isEqualTo(-100.0);
        assertThat(m.formatted()).isEqualTo("-inf dB");
        m.step(1, ParamModel.Step.NORMAL);
        assertThat(m.value()).isEqualTo(-59.5);
    }

    @Test
    void normalizedTravelFollowsTheFaderTaper() {
        ParamModel m = new ParamModel(ChannelStrip.GAIN);
        assertThat(m.normalized()).isEqualTo(0.75);
        m.setNormalized(1.0);
        assertThat(m.value()).isEqualTo(12.0);
        m.setNormalized(0.0);
        assertThat(m.value()).isEqualTo(-100.0);
        m.reset();
        assertThat(m.value()).isEqualTo(0.0);
    }

    @Test
    void panFormatsAsLeftCentreRight() {
        ParamModel p = new ParamModel(ChannelStrip.PAN, -30);
        assertThat(p.formatted()).isEqualTo("L 30");
        p.setValue(0);
        assertThat(p.formatted()).isEqualTo("C");
        assertThat(p.parse("r 45")).isEqualTo(45.0);
        assertThat(p.parse("L100")).isEqualTo(-100.0);
        p.step(1, ParamModel.Step.COARSE);
        assertThat(p.value()).isEqualTo(20.0);
    }

    @Test
    void parserUnderstandsUnitsAndReportsBadInput() {
        ParamSpec hz = ParamSpec.log("b1FreqHz", "Frequency", "Hz", 20, 20000, 200);
        assertThat(ValueParser.parse(hz, "1.2k")).isEqualTo(1200.0, within(1e-9));
        assertThat(ValueParser.parse(hz, "2.5 kHz")).isEqualTo(2500.0, within(1e-9));
        assertThat(ValueParser.parse(hz, "50000")).isEqualTo(20000.0);
        ParamSpec choice = ParamSpec.choice("type", "Type", 0, "Tape", "Tube", "Hard clip");
        assertThat(ValueParser.parse(choice, "tube")).isEqualTo(1.0);
        assertThatThrownBy(() -> ValueParser.parse(choice, "7")).hasMessage("Type: choose one of Tape, Tube, Hard clip");
        ParamSpec toggle = ParamSpec.toggle("hpOn", "High-pass", false);
        assertThat(ValueParser.parse(toggle, "on")).isEqualTo(1.0);
        assertThatThrownBy(() -> ValueParser.parse(ChannelStrip.GAIN, "loud"))
                .hasMessage("Volume: \"loud\" is not a number");
        assertThat(ValueParser.parse(ChannelStrip.GAIN, "-6 dB")).isEqualTo(-6.0);
        assertThat(ValueParser.parse(ChannelStrip.GAIN, "-inf")).isEqualTo(-100.0);
    }

    @Test
    void ratioShowsInfinityAtTheTop() {
        ParamModel r = new ParamModel(ParamSpec.log("ratio", "Ratio", ":1", 1, 100, 4));
        assertThat(r.formatted()).isEqualTo("4.0:1");
        r.setValue(100);
        assertThat(r.formatted()).isEqualTo("inf:1");
    }
}
