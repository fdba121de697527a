package org.mixlab.ui.lesson;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import javax.swing.UIManager;

/**
 * Colours and fonts of the lesson screens. Every colour is read from a {@code MixLab.lesson.*} key (listed in
 * the FlatLaf theme files) and falls back to a standard FlatLaf key, then to a fixed colour, so
 * the panels stay legible under any FlatLaf theme. Call from {@code updateUI()} so a theme switch is picked up.
 */
public final class LessonTheme {
    private LessonTheme() {}

    /** Passed check / correct answer. */
    public static Color pass() {
        return color("MixLab.lesson.pass", "Actions.Green", new Color(0x2f, 0xae, 0x5b));
    }

    /** Failed check / wrong answer. */
    public static Color fail() {
        return color("MixLab.lesson.fail", "Actions.Red", new Color(0xd9, 0x4a, 0x3d));
    }

    /** A check that cannot be judged yet (not measured, switched off). */
    public static Color pending() {
        return color("MixLab.lesson.pending", "Actions.Yellow", new Color(0xd9, 0x8f, 0x2b));
    }

    /** Accent: progress bars, selected step, headings. */
    public static Color accent() {
        return color("MixLab.lesson.accent", "Component.accentColor", new Color(0x2f, 0x6f, 0xd6));
    }

    /** Secondary text (summaries, messages). */
    public static Color secondaryText() {
        return color("MixLab.lesson.secondaryText", "Label.disabledForeground", new Color(0x69, 0x70, 0x7d));
    }

    /** Background of cards (a pack in the browser, the checklist). */
    public static Color card() {
        return color("MixLab.lesson.card", "TextField.background", Color.WHITE);
    }

    /** Border of cards. */
    public static Color cardBorder() {
        return color("MixLab.lesson.cardBorder", "Component.borderColor", new Color(0xd9, 0xdc, 0xe1));
    }

    /** Background of the lesson page. */
    public static Color pageBackground() {
        return color("MixLab.lesson.pageBackground", "TextArea.background", Color.WHITE);
    }

    /** Text colour of the lesson page. */
    public static Color pageText() {
        return color("MixLab.lesson.pageText", "TextArea.foreground", new Color(0x1f, 0x23, 0x29));
    }

    /** Background of code and table headers on the page. */
    public static Color pageCode() {
        return color("MixLab.lesson.pageCode", "Panel.background", new Color(0xf0, 0xf1, 0xf4));
    }

    /** Makes a text area a wrapping, read-only, transparent label that never scrolls its parent. */
    public static void readOnlyText(javax.swing.JTextArea t) {
        t.setEditable(false);
        t.setFocusable(false);
        t.setLineWrap(true);
        t.setWrapStyleWord(true);
        t.setOpaque(false);
        t.setBorder(javax.swing.BorderFactory.createEmptyBorder());
        if (t.getCaret() instanceof javax.swing.text.DefaultCaret c) {
            c.setUpdatePolicy(javax.swing.text.DefaultCaret.NEVER_UPDATE);
        }
    }

    /** The theme colour for {@code key}, else {@code fallbackKey}, else {@code fallback}. */
    public static Color color(String key, String fallbackKey, Color fallback) {
        Color c = UIManager.getColor(key);
        if (c == null && fallbackKey != null) {
            c = UIManager.getColor(fallbackKey);
        }
        return c == null ? fallback : c;
    }

    /** The default label font (the theme's), never null. */
    public static Font baseFont() {
        Font f = UIManager.getFont("Label.font");
        return f == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 13) : f;
    }

    /** A larger bold font for titles, {@code extraPt} points above the base size. */
    public static Font titleFont(float extraPt) {
        Font f = baseFont();
        return f.deriveFont(Font.BOLD, f.getSize2D() + extraPt);
    }

    /** A CSS colour, e.g. "#1f2329". */
    public static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The style sheet for lesson pages: the theme's font, sizes and colours. */
    public static String pageCss() {
        Font f = baseFont();
        int size = Math.max(12, Math.round(f.getSize2D() + 1));
        String text = css(pageText());
        String code = css(pageCode());
        String border = css(cardBorder());
        return "body { font-family: '" + f.getFamily() + "'; font-size: " + size + "pt; color: " + text
                + "; margin: 12px 18px 12px 18px; }"
                + " h1 { font-size: " + (size + 8) + "pt; margin-top: 4px; margin-bottom: 8px; color: "
                + css(accent()) + "; }"
                + " h2 { font-size: " + (size + 3) + "pt; margin-top: 14px; margin-bottom: 4px; }"
                + " h3 { font-size: " + (size + 1) + "pt; margin-top: 10px; margin-bottom: 4px; }"
                + " p { margin-top: 4px; margin-bottom: 8px; }"
                + " li { margin-bottom: 3px; }"
                + " code { font-family: Monospaced; background-color: " + code + "; }"
                + " pre { font-family: Monospaced; background-color: " + code + "; padding: 6px; }"
                + " table { border-collapse: collapse; margin-top: 6px; margin-bottom: 10px; }"
                + " th { background-color: " + code + "; text-align: left; padding: 4px 8px 4px 8px;"
                + " border: 1px solid " + border + "; }"
                + " td { padding: 4px 8px 4px 8px; border: 1px solid " + border + "; }"
                + " .link { text-decoration: underline; }";
    }
}
