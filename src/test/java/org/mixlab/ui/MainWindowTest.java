package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Component;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JSlider;
import javax.swing.UIManager;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.mixlab.ui.editor.ProcessorEditor;
import org.mixlab.ui.widgets.ParamControl;

/** The window itself: title, accessibility, theme, files and quitting (opening another session runs last). */
@Tag("gui")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest extends GuiTestBase {
    @Test
    @Order(1)
    void opensWithTheSessionTitle() {
        assertThat(onEdt(window::getTitle)).isEqualTo("MixLab — Pop-rock: Late Summer");
        assertThat(onEdt(() -> window.mixer().strips())).hasSize(10);
        assertThat(onEdt(window::isShowing)).isTrue();
    }

    @Test
    void everyControlHasAnAccessibleName() {
        ProcessorEditor ed = onEdt(() -> {
            window.editors().open("master", "comp1");
            return window.editors().editor("master", "comp1");
        });
        List<String> missing = onEdt(() -> {
            List<String> out = new ArrayList<>();
            collect(window.getContentPane(), out);
            collect(ed.getContentPane(), out);
            return out;
        });
        assertThat(missing).isEmpty();
        int controls = onEdt(() -> count(window.getContentPane()));
        assertThat(controls).isGreaterThan(80);
        edt(ed::dispose);
    }

    private static boolean isControl(Component c) {
        return c instanceof AbstractButton && !(c instanceof JMenuItem) || c instanceof JSlider
                || c instanceof JTextComponent || c instanceof JComboBox || c instanceof ParamControl;
    }

    private static void collect(Component c, List<String> missing) {
        if (isControl(c)) {
            String name = c.getAccessibleContext().getAccessibleName();
            String desc = c.getAccessibleContext().getAccessibleDescription();
            if (name == null || name.isBlank()) {
                missing.add(c.getClass().getSimpleName() + " " + c.getName() + " has no accessible name");
            }
            if (c instanceof ParamControl && (desc == null || desc.isBlank())) {
                missing.add(c.getName() + " has no accessible description");
            }
        }
        if (c instanceof java.awt.Container k && !(c instanceof javax.swing.JScrollBar)
                && !(c instanceof JComboBox)) {
            for (Component child : k.getComponents()) {
                collect(child, missing);
            }
        }
    }

    private static int count(Component c) {
        int n = isControl(c) ? 1 : 0;
        if (c instanceof java.awt.Container k && !(c instanceof javax.swing.JScrollBar)) {
            for (Component child : k.getComponents()) {
                n += count(child);
            }
        }
        return n;
    }

    @Test
    void themeToggleSwitchesFlatLafAndIsRemembered() {
        assertThat(onEdt(UIManager::getLookAndFeel)).isInstanceOf(FlatLightLaf.class);
        java.awt.Color lightStrip = onEdt(() -> UIManager.getColor("MixLab.strip.background"));
        JMenuItem dark = (JMenuItem) byName(window.getJMenuBar(), "menu.darkTheme");
        edt(dark::doClick);
        assertThat(onEdt(UIManager::getLookAndFeel)).isInstanceOf(FlatDarkLaf.class);
        assertThat(onEdt(Theme::isDark)).isTrue();
        assertThat(prefs.getBoolean(Theme.PREF_DARK, false)).isTrue();
        assertThat(onEdt(() -> UIManager.getColor("MixLab.strip.background"))).isNotEqualTo(lightStrip);
        assertThat(onEdt(() -> UIManager.getColor("MixLab.meter.peakColor"))).isNotNull();
        JMenuItem light = (JMenuItem) byName(window.getJMenuBar(), "menu.lightTheme");
        edt(light::doClick);
        assertThat(onEdt(UIManager::getLookAndFeel)).isInstanceOf(FlatLightLaf.class);
        assertThat(prefs.getBoolean(Theme.PREF_DARK, true)).isFalse();
    }

    @Test
    void editsMarkTheTitleAndSavingClearsIt() {
        edt(() -> window.mixer().strip("keys").fader().setValue(-7));
        assertThat(onEdt(window::getTitle)).isEqualTo("MixLab — Pop-rock: Late Summer *");
        assertThat(onEdt(window::save)).isTrue();
        assertThat(saved).containsExactly(Path.of("demo.session.json"));
        assertThat(onEdt(window::getTitle)).isEqualTo("MixLab — Pop-rock: Late Summer");
        dialogs.save = Path.of("copy.session.json");
        assertThat(onEdt(window::saveAs)).isTrue();
        assertThat(onEdt(window::sessionFile)).isEqualTo(Path.of("copy.session.json"));
        assertThat(prefs.get("recentSessions", "")).contains("copy.session.json");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void openingASessionRebuildsTheMixer() {
        dialogs.open = Path.of("other.session.json");
        JMenuItem open = (JMenuItem) byName(window.getJMenuBar(), "menu.open");
        edt(open::doClick);
        assertThat(onEdt(window::getTitle)).isEqualTo("MixLab — Loaded other.session.json");
        assertThat(engine.lastCall("loadSession")).isEqualTo("loadSession Loaded other.session.json");
        assertThat(onEdt(() -> window.mixer().strip("kick"))).isNotNull();
        assertThat(onEdt(() -> window.mixer().strip("kick").fader().value())).isEqualTo(-4.0);
    }

    @Test
    void quitAsksAboutUnsavedChanges() {
        edt(() -> window.mixer().strip("vocal").panKnob().setValue(10));
        dialogs.unsaved = Dialogs.UnsavedAnswer.CANCEL;
        int asked = dialogs.unsavedAsked;
        assertThat(onEdt(window::quit)).isFalse();
        assertThat(dialogs.unsavedAsked).isEqualTo(asked + 1);
        assertThat(quits).isZero();
        assertThat(onEdt(window::isDisplayable)).isTrue();
        assertThat(onEdt(() -> ((JComponent) window.getContentPane()).isShowing())).isTrue();
    }
}
