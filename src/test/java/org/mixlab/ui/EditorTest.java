package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JMenuItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.ui.editor.CompressorCurveView;
import org.mixlab.ui.editor.EqCurveView;
import org.mixlab.ui.editor.ProcessorEditor;
import org.mixlab.ui.editor.SaturationCurveView;
import org.mixlab.ui.widgets.Knob;

/** Insert slots and processor editors. */
@Tag("gui")
class EditorTest extends GuiTestBase {
    private ProcessorEditor open(String strip, String insert) {
        JButton b = (JButton) byName(window, strip + "." + insert + ".open");
        edt(b::doClick);
        ProcessorEditor ed = onEdt(() -> window.editors().editor(strip, insert));
        assertThat(ed).isNotNull();
        return ed;
    }

    @Test
    void eqEditorLoadsTheInsertAndDraggingAHandleSetsParameters() {
        ProcessorEditor ed = open("kick", "eq1");
        assertThat(onEdt(() -> ed.model("b1FreqHz").value())).isEqualTo(60.0);
        assertThat(onEdt(() -> ed.model("b3GainDb").value())).isEqualTo(2.5);
        assertThat(onEdt(ed::curveView)).isInstanceOf(EqCurveView.class);
        EqCurveView view = (EqCurveView) onEdt(ed::curveView);
        EqCurveView.Band b2 = onEdt(() -> view.bands().stream().filter(b -> b.key().equals("b2")).findFirst()
                .orElseThrow());
        edt(() -> view.moveHandle(b2, view.getWidth() / 2, view.getHeight() / 4));
        assertThat(engine.lastCall("setParam kick eq1 b2On")).isEqualTo("setParam kick eq1 b2On 1.00");
        assertThat(engine.session().track("kick").insert("eq1").params.get("b2FreqHz")).isBetween(400.0, 1200.0);
        assertThat(engine.session().track("kick").insert("eq1").params.get("b2GainDb")).isGreaterThan(3.0);
        Knob freq = (Knob) onEdt(() -> ed.control("b2FreqHz"));
        assertThat(onEdt(freq::value)).isEqualTo(engine.session().track("kick").insert("eq1").params.get("b2FreqHz"));
        edt(() -> freq.setValue(1500));
        assertThat(engine.lastCall("setParam kick eq1 b2FreqHz")).isEqualTo("setParam kick eq1 b2FreqHz 1500.00");
        double x = onEdt(() -> view.handleX(b2));
        edt(() -> view.moveHandle(b2, (int) Math.round(x), view.getHeight() / 4));
        assertThat(engine.session().track("kick").insert("eq1").params.get("b2FreqHz")).isCloseTo(1500, within(30.0));
        JCheckBox hp = (JCheckBox) onEdt(() -> ed.control("hpOn"));
        assertThat(onEdt(hp::isSelected)).isTrue();
        edt(hp::doClick);
        assertThat(engine.lastCall("setParam kick eq1 hpOn")).isEqualTo("setParam kick eq1 hpOn 0.00");
        edt(() -> ed.bypassButton().doClick());
        assertThat(engine.lastCall("setBypass")).isEqualTo("setBypass kick eq1 true");
        edt(() -> ed.mixModel().setValue(50));
        assertThat(engine.lastCall("setMix")).isEqualTo("setMix kick eq1 0.50");
        edt(ed::dispose);
    }

    @Test
    void compressorEditorShowsCurveAndLiveGainReduction() {
        ProcessorEditor ed = open("vocal", "comp1");
        CompressorCurveView view = (CompressorCurveView) onEdt(ed::curveView);
        waitFor("gain reduction shown", () -> ed.gainReductionMeter().reductionDb() > 2.5);
        assertThat(onEdt(() -> view.inputForReduction(3.0))).isBetween(-24.0, 0.0);
        @SuppressWarnings("unchecked")
        JComboBox<String> detector = (JComboBox<String>) onEdt(() -> ed.control("detector"));
        edt(() -> detector.setSelectedIndex(1));
        assertThat(engine.lastCall("setParam vocal comp1 detector")).isEqualTo("setParam vocal comp1 detector 1.00");
        edt(ed::dispose);
    }

    @Test
    void saturationEditorDrawsTheTransferCurve() {
        ProcessorEditor ed = open("bass", "sat1");
        assertThat(onEdt(ed::curveView)).isInstanceOf(SaturationCurveView.class);
        assertThat(onEdt(() -> ed.model("driveDb").value())).isEqualTo(9.0);
        assertThat(onEdt(ed::gainReductionMeter)).isNull();
        edt(ed::dispose);
    }

    @Test
    void addBypassAndRemoveInsertsFromTheStrip() {
        JButton add = (JButton) byName(window, "guitar.addInsert");
        JMenuItem comp = onEdt(() -> {
            for (java.awt.Component c : window.mixer().strip("guitar").getComponents()) {
                c.getName();
            }
            return (JMenuItem) findItem(add, "guitar.add.compressor");
        });
        edt(comp::doClick);
        String id = engine.lastCall("addInsert guitar compressor").split(" ")[3];
        assertThat(onEdt(() -> window.editors().editor("guitar", id))).isNotNull();
        edt(() -> window.editors().editor("guitar", id).dispose());
        javax.swing.JToggleButton bypass = (javax.swing.JToggleButton) byName(window,
                "guitar." + id + ".bypass");
        edt(bypass::doClick);
        assertThat(engine.lastCall("setBypass")).isEqualTo("setBypass guitar " + id + " true");
        JButton remove = (JButton) byName(window, "guitar." + id + ".remove");
        edt(remove::doClick);
        assertThat(engine.lastCall("removeInsert")).isEqualTo("removeInsert guitar " + id);
        assertThat(engine.session().track("guitar").insert(id)).isNull();
        assertThatThrownBy(() -> byName(window, "guitar." + id + ".open")).hasMessageContaining("no component");
    }

    private static java.awt.Component findItem(JButton add, String name) {
        javax.swing.JPopupMenu menu = ((org.mixlab.ui.mixer.InsertSlotsPanel) add.getParent()).addMenu();
        for (java.awt.Component c : menu.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
        }
        throw new AssertionError("no menu item " + name);
    }
}
