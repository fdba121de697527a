package org.mixlab.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.awt.Font;
import java.util.prefs.Preferences;
import javax.swing.UIManager;

/**
 * The app's look: FlatLaf light or dark, with every MixLab colour read from
 * {@code org/mixlab/ui/FlatLightLaf.properties} / {@code FlatDarkLaf.properties} under {@code MixLab.*} keys.
 * Call from the Swing thread only.
 */
public final class Theme {
    /** Preferences key that remembers the dark theme choice. */
    public static final String PREF_DARK = "darkTheme";

    private static boolean registered;

    private Theme() {}

    /** Installs the light (false) or dark (true) theme; safe to call again to switch (updates every window). */
    public static void install(boolean dark) {
        if (!registered) {
            FlatLaf.registerCustomDefaultsSource("org.mixlab.ui");
            registered = true;
        }
        boolean switching = UIManager.getLookAndFeel() instanceof FlatLaf;
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        if (switching) {
            FlatLaf.updateUI();
        }
    }

    /** True when the dark theme is installed. */
    public static boolean isDark() {
        return UIManager.getLookAndFeel() instanceof FlatLaf laf && laf.isDark();
    }

    /** System property that overrides the remembered choice: {@code light} or {@code dark} (for screenshots). */
    public static final String THEME_PROPERTY = "mixlab.theme";

    /**
     * The theme to start with: {@code -Dmixlab.theme=light|dark} when given, else the remembered choice
     * (false = light, the default).
     */
    public static boolean preferredDark(Preferences prefs) {
        String forced = System.getProperty(THEME_PROPERTY, "").trim();
        if (forced.equalsIgnoreCase("dark")) {
            return true;
        }
        if (forced.equalsIgnoreCase("light")) {
            return false;
        }
        return prefs.getBoolean(PREF_DARK, false);
    }

    /** Remembers the theme choice. */
    public static void rememberDark(Preferences prefs, boolean dark) {
        prefs.putBoolean(PREF_DARK, dark);
    }

    /** The colour under {@code key} (e.g. "MixLab.meter.peakColor"), or magenta when the key is missing. */
    public static Color color(String key) {
        Color c = UIManager.getColor(key);
        return c != null ? c : Color.MAGENTA;
    }

    /** The default label font scaled by {@code factor} with the given style. */
    public static Font font(float factor, int style) {
        Font base = UIManager.getFont("Label.font");
        if (base == null) {
            base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
        return base.deriveFont(style, base.getSize2D() * factor);
    }
}
