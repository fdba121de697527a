package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import javax.swing.JCheckBox;
import javax.swing.JToggleButton;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mixlab.engine.live.Source;

/** Transport, A/B switching, loudness matching and the status line. */
@Tag("gui")
class TransportBarTest extends GuiTestBase {
    private JToggleButton button(String name) {
        return (JToggleButton) byName(window, name);
    }

    @Test
    void keysOneTwoThreeAndBSwitchTheSource() {
        robot.focusAndWaitForFocusGain(button("source.mix"));
        robot.pressAndReleaseKey(KeyEvent.VK_2);
        waitFor("source " + Source.UNPROCESSED, () -> engine.source() == Source.UNPROCESSED);
        assertThat(onEdt(() -> button("source.unprocessed").isSelected())).isTrue();
        robot.pressAndReleaseKey(KeyEvent.VK_3);
        waitFor("source " + Source.REFERENCE, () -> engine.source() == Source.REFERENCE);
        robot.pressAndReleaseKey(KeyEvent.VK_B);
        waitFor("source " + Source.MIX, () -> engine.source() == Source.MIX);
        assertThat(onEdt(() -> button("source.mix").isSelected())).isTrue();
        robot.pressAndReleaseKey(KeyEvent.VK_B);
        waitFor("source " + Source.REFERENCE, () -> engine.source() == Source.REFERENCE);
        robot.pressAndReleaseKey(KeyEvent.VK_1);
        waitFor("source " + Source.MIX, () -> engine.source() == Source.MIX);
    }

    @Test
    void shortcutsWorkWithoutTheKeyboardToo() {
        assertThat(onEdt(() -> window.handleShortcut(KeyEvent.VK_3))).isTrue();
        assertThat(engine.source()).isEqualTo(Source.REFERENCE);
        assertThat(onEdt(() -> button("source.reference").isSelected())).isTrue();
        edt(() -> button("source.unprocessed").doClick());
        assertThat(engine.source()).isEqualTo(Source.UNPROCESSED);
        edt(() -> window.handleShortcut(KeyEvent.VK_B));
        assertThat(engine.source()).isEqualTo(Source.MIX);
        assertThat(onEdt(() -> window.handleShortcut(KeyEvent.VK_X))).isFalse();
    }

    @Test
    void spaceStartsAndStopsPlayback() {
        boolean before = engine.isPlaying();
        robot.focusAndWaitForFocusGain(button("source.mix"));
        robot.pressAndReleaseKey(KeyEvent.VK_SPACE);
        waitFor("playing toggled", () -> engine.isPlaying() != before);
        robot.pressAndReleaseKey(KeyEvent.VK_SPACE);
        waitFor("playing toggled back", () -> engine.isPlaying() == before);
        assertThat(onEdt(() -> button("source.mix").isSelected())).isTrue();
    }

    @Test
    void spaceInATextFieldTypesASpace() {
        javax.swing.JTextField field = onEdt(() -> window.mixer().strip("keys").gainField());
        robot.focusAndWaitForFocusGain(field);
        int calls = engine.calls.size();
        robot.pressAndReleaseKey(KeyEvent.VK_SPACE);
        robot.pressAndReleaseKey(KeyEvent.VK_2);
        waitFor("typed into the field", () -> field.getText().contains(" 2"));
        assertThat(engine.calls.subList(calls, engine.calls.size())).noneMatch(c -> c.startsWith("play")
                || c.startsWith("setSource"));
    }

    @Test
    void loudnessMatchShowsItsOffset() {
        edt(() -> window.transport().selectSource(Source.MIX));
        waitFor("offset shown", () -> window.transport().matchText().equals("Matched: -3.2 dB"));
        JCheckBox match = (JCheckBox) byName(window, "transport.loudnessMatch");
        edt(match::doClick);
        assertThat(engine.lastCall("setLoudnessMatch")).isEqualTo("setLoudnessMatch false");
        assertThat(onEdt(() -> window.transport().matchText())).isEqualTo("Matching off");
        edt(match::doClick);
        assertThat(engine.isLoudnessMatch()).isTrue();
        edt(() -> window.transport().selectSource(Source.UNPROCESSED));
        assertThat(onEdt(() -> window.transport().matchText())).isEqualTo("Matched: +1.5 dB");
    }

    @Test
    void bypassAllAndLoopReachTheEngine() {
        edt(() -> button("transport.bypassAll").doClick());
        assertThat(engine.lastCall("setAllBypassed")).isEqualTo("setAllBypassed true");
        edt(() -> button("transport.bypassAll").doClick());
        assertThat(engine.lastCall("setAllBypassed")).isEqualTo("setAllBypassed false");
        JToggleButton loop = button("transport.loop");
        assertThat(onEdt(loop::isSelected)).isTrue();
        edt(loop::doClick);
        assertThat(engine.lastCall("setLoop")).isEqualTo("setLoop 0.0 0.0");
        edt(loop::doClick);
        assertThat(engine.lastCall("setLoop")).isEqualTo("setLoop 32.0 48.0");
    }

    @Test
    void statusLineAndTimeFollowTheEngine() {
        waitFor("status shown", () -> window.transport().statusText()
                .equals("No sound device: playing on a silent clock"));
        edt(() -> engine.seek(75.25));
        javax.swing.JLabel time = (javax.swing.JLabel) byName(window, "transport.time");
        waitFor("time shown", () -> time.getText().equals("1:15.3 / 3:32.5"));
        javax.swing.JSlider pos = (javax.swing.JSlider) byName(window, "transport.position");
        edt(() -> pos.setValue(pos.getMaximum() / 2));
        assertThat(engine.lastCall("seek")).isEqualTo("seek 106.3");
    }
}
