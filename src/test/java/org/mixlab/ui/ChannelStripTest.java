package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.event.KeyEvent;
import javax.swing.JTextField;
import org.assertj.swing.core.MouseButton;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.ui.mixer.ChannelStrip;
import org.mixlab.ui.widgets.Fader;
import org.mixlab.ui.widgets.Knob;

/** The channel strip's controls drive the engine with the right values. */
@Tag("gui")
class ChannelStripTest extends GuiTestBase {
    private ChannelStrip strip(String id) {
        return onEdt(() -> window.mixer().strip(id));
    }

    @Test
    void movingTheFaderSetsGainInDb() {
        Fader f = strip("kick").fader();
        edt(() -> f.model().setNormalized(f.model().spec().toNormalized(-6.0)));
        assertThat(engine.lastCall("setGainDb kick")).isEqualTo("setGainDb kick -6.0");
        assertThat(engine.session().track("kick").gainDb).isEqualTo(-6.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onEdt(() -> strip("kick").gainField().getText())).isEqualTo("-6.0 dB");
    }

    @Test
    void draggingTheFaderUpRaisesTheGain() {
        Fader f = strip("snare").fader();
        double before = onEdt(f::value);
        Point cap = onEdt(() -> new Point(f.getWidth() - 15, f.yOf(f.model().normalized())));
        robot.pressMouse(f, cap, MouseButton.LEFT_BUTTON);
        robot.moveMouse(f, cap.x, cap.y - 20);
        robot.moveMouse(f, cap.x, cap.y - 40);
        robot.releaseMouse(MouseButton.LEFT_BUTTON);
        robot.waitForIdle();
        double after = onEdt(f::value);
        assertThat(after).isGreaterThan(before + 2);
        assertThat(engine.lastCall("setGainDb snare")).isEqualTo(String.format(java.util.Locale.ROOT,
                "setGainDb snare %.1f", after));
    }

    @Test
    void typingDbInTheFieldSetsTheGain() {
        JTextField field = strip("bass").gainField();
        edt(() -> {
            field.setText("-12.5");
            field.postActionEvent();
        });
        assertThat(engine.lastCall("setGainDb bass")).isEqualTo("setGainDb bass -12.5");
        edt(() -> {
            field.setText("-inf");
            field.postActionEvent();
        });
        assertThat(engine.lastCall("setGainDb bass")).isEqualTo("setGainDb bass -100.0");
        edt(() -> {
            field.setText("loud");
            field.postActionEvent();
        });
        Object outline = onEdt(() -> field.getClientProperty("JComponent.outline"));
        String tip = onEdt(field::getToolTipText);
        assertThat(outline).isEqualTo("error");
        assertThat(tip).contains("not a number");
    }

    @Test
    void ctrlClickOpensATextFieldForTypingAValue() {
        Fader f = strip("guitar").fader();
        Point cap = onEdt(() -> new Point(f.getWidth() - 15, f.yOf(f.model().normalized())));
        edt(() -> f.dispatchEvent(new java.awt.event.MouseEvent(f, java.awt.event.MouseEvent.MOUSE_PRESSED,
                System.currentTimeMillis(), java.awt.event.InputEvent.CTRL_DOWN_MASK
                | java.awt.event.InputEvent.BUTTON1_DOWN_MASK, cap.x, cap.y, 1, false,
                java.awt.event.MouseEvent.BUTTON1)));
        waitFor("text entry open", () -> f.textEntryField() != null);
        assertThat(onEdt(() -> f.textEntryField().getText())).isEqualTo("-9.0 dB");
        edt(() -> {
            f.textEntryField().setText("+3.5 dB");
            f.commitTextEntry();
        });
        assertThat(engine.lastCall("setGainDb guitar")).isEqualTo("setGainDb guitar 3.5");
        assertThat(onEdt(f::textEntryField)).isNull();
    }

    @Test
    void doubleClickResetsToTheDefault() {
        Fader f = strip("keys").fader();
        assertThat(onEdt(f::value)).isEqualTo(-12.0);
        Point cap = onEdt(() -> new Point(f.getWidth() - 15, f.yOf(f.model().normalized())));
        robot.click(f, cap, MouseButton.LEFT_BUTTON, 2);
        waitFor("fader reset", () -> f.value() == 0.0);
        assertThat(engine.lastCall("setGainDb keys")).isEqualTo("setGainDb keys 0.0");
        Knob pan = onEdt(() -> window.mixer().strip("guitar").panKnob());
        robot.click(pan, onEdt(() -> new Point(pan.getWidth() / 2, pan.getHeight() / 2)), MouseButton.LEFT_BUTTON, 2);
        waitFor("pan reset", () -> pan.value() == 0.0);
        assertThat(engine.lastCall("setPan guitar")).isEqualTo("setPan guitar 0.0");
    }

    @Test
    void keyboardStepsTheFader() {
        Fader f = strip("vocal").fader();
        robot.focusAndWaitForFocusGain(f);
        robot.pressAndReleaseKey(KeyEvent.VK_UP);
        waitFor("setGainDb vocal -2.5", () -> "setGainDb vocal -2.5".equals(engine.lastCall("setGainDb vocal")));
        robot.pressAndReleaseKey(KeyEvent.VK_PAGE_DOWN);
        waitFor("setGainDb vocal -8.5", () -> "setGainDb vocal -8.5".equals(engine.lastCall("setGainDb vocal")));
        robot.pressAndReleaseKey(KeyEvent.VK_END);
        waitFor("setGainDb vocal 12.0", () -> "setGainDb vocal 12.0".equals(engine.lastCall("setGainDb vocal")));
        robot.pressAndReleaseKey(KeyEvent.VK_HOME);
        waitFor("setGainDb vocal -100.0", () -> "setGainDb vocal -100.0".equals(engine.lastCall("setGainDb vocal")));
        assertThat(onEdt(() -> f.model().formatted())).isEqualTo("-inf dB");
    }

    @Test
    void keyboardAndWheelMoveThePanKnob() {
        Knob pan = onEdt(() -> window.mixer().strip("drums").panKnob());
        robot.focusAndWaitForFocusGain(pan);
        robot.pressAndReleaseKey(KeyEvent.VK_RIGHT);
        waitFor("setPan drums 2.0", () -> "setPan drums 2.0".equals(engine.lastCall("setPan drums")));
        robot.moveMouse(pan);
        robot.rotateMouseWheel(pan, -1);
        waitFor("wheel step", () -> "setPan drums 4.0".equals(engine.lastCall("setPan drums")));
        assertThat(onEdt(() -> pan.getToolTipText(null))).isEqualTo("Pan: R 4");
    }

    @Test
    void muteSoloAndSendsReachTheEngine() {
        ChannelStrip snare = onEdt(() -> window.mixer().strip("snare"));
        edt(() -> snare.muteButton().doClick());
        assertThat(engine.lastCall("setMute")).isEqualTo("setMute snare true");
        edt(() -> snare.soloButton().doClick());
        assertThat(engine.lastCall("setSolo")).isEqualTo("setSolo snare true");
        edt(() -> snare.muteButton().doClick());
        assertThat(engine.lastCall("setMute")).isEqualTo("setMute snare false");
        Knob send = (Knob) byName(window, "snare.send.delay");
        edt(() -> send.setValue(-10));
        assertThat(engine.lastCall("setSendLevel")).isEqualTo("setSendLevel snare delay -10.0");
        assertThat(onEdt(window::isDirty)).isTrue();
        assertThat(onEdt(window::getTitle)).endsWith(" *");
    }

    @Test
    void stripMetersFollowTheEngine() {
        ChannelStrip delay = onEdt(() -> window.mixer().strip("delay"));
        waitFor("delay return meter shows a level", () -> delay.meter().peakDb(0) > -40);
        edt(() -> delay.muteButton().doClick());
        waitFor("muted meter falls silent", () -> delay.meter().peakDb(0) == Double.NEGATIVE_INFINITY);
    }
}
