package org.mixlab.ui.widgets;

import java.awt.Color;
import java.awt.Insets;
import javax.swing.JToggleButton;
import org.mixlab.ui.Theme;

/**
 * The small square toggles of a channel strip (mute, solo, bypass): a FlatLaf toggle button whose "on" colour
 * comes from the theme ({@code MixLab.mute.color}, {@code MixLab.solo.color}, ...).
 */
public final class ToggleButtons {
    private ToggleButtons() {}

    /** Mute: "M", orange when on. */
    public static JToggleButton mute(String stripName) {
        return make("M", "MixLab.mute.color", "Mute " + stripName, "Silences this strip");
    }

    /** Solo: "S", yellow when on. */
    public static JToggleButton solo(String stripName) {
        return make("S", "MixLab.solo.color", "Solo " + stripName, "Hear only soloed strips (and the effect returns)");
    }

    /** Bypass ("power"): green when the processor is active, grey when bypassed. Selected = bypassed. */
    public static JToggleButton bypass(String what) {
        JToggleButton b = make("", null, "Bypass " + what, "Turns the processor off (bypassed) and on");
        b.setIcon(new PowerIcon());
        return b;
    }

    /** A toggle with {@code text} that shows {@code colorKey} when selected. */
    public static JToggleButton make(String text, String colorKey, String accessibleName, String description) {
        JToggleButton b = new ColoredToggle(text, colorKey);
        b.getAccessibleContext().setAccessibleName(accessibleName);
        b.getAccessibleContext().setAccessibleDescription(description);
        b.setToolTipText(accessibleName);
        b.setFocusable(true);
        return b;
    }

    /** A round power symbol: green when the processor runs (button not selected), grey when bypassed. */
    static final class PowerIcon implements javax.swing.Icon {
        @Override
        public void paintIcon(java.awt.Component c, java.awt.Graphics g0, int x, int y) {
            java.awt.Graphics2D g = (java.awt.Graphics2D) g0.create();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            boolean bypassed = c instanceof javax.swing.AbstractButton b && b.isSelected();
            g.setColor(Theme.color(bypassed ? "MixLab.bypass.color" : "MixLab.active.color"));
            g.setStroke(new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            g.drawArc(x + 1, y + 2, 9, 9, 120, 300);
            g.drawLine(x + 5, y, x + 5, y + 5);
            g.dispose();
        }

        @Override
        public int getIconWidth() {
            return 11;
        }

        @Override
        public int getIconHeight() {
            return 12;
        }
    }

    /** A toggle that paints its selected background in a theme colour. */
    static final class ColoredToggle extends JToggleButton {
        private final String colorKey;

        ColoredToggle(String text, String colorKey) {
            super(text);
            this.colorKey = colorKey;
            putClientProperty("JButton.buttonType", "square");
            setMargin(new Insets(1, 4, 1, 4));
            if (colorKey != null) {
                applyColor();
            }
        }

        @Override
        public void updateUI() {
            super.updateUI();
            if (colorKey != null) {
                applyColor();
            }
        }

        private void applyColor() {
            Color on = Theme.color(colorKey);
            putClientProperty("FlatLaf.style", String.format("selectedBackground: #%06x; selectedForeground: #1d2026;"
                    + " font: -1", on.getRGB() & 0xffffff));
        }
    }
}
