package org.mixlab.ui.lesson;

import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JEditorPane;
import javax.swing.text.BadLocationException;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;
import org.mixlab.lesson.MarkdownRenderer;

/**
 * A read-only lesson page: Markdown rendered by {@link MarkdownRenderer} (raw HTML escaped, links as plain text,
 * only pack-local images) into a non-editable HTML pane styled with the theme's font and colours. Images resolve
 * against the pack folder; nothing is ever loaded from the network.
 */
public final class PageView extends JEditorPane {
    private static final long serialVersionUID = 1L;
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    private transient String markdown = "";
    private transient Path baseDir;

    /** An empty page. */
    public PageView() {
        setEditable(false);
        setContentType("text/html");
        putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.FALSE);
        getAccessibleContext().setAccessibleName("Lesson page");
        setFocusable(true);
    }

    /** Shows a page file (Markdown); a file that cannot be read shows a one-line message instead. */
    public void showFile(Path page) {
        if (page == null) {
            showMarkdown("", null);
            return;
        }
        try {
            showMarkdown(Files.readString(page, StandardCharsets.UTF_8), page.getParent());
        } catch (IOException e) {
            showMarkdown("*" + page.getFileName() + " could not be read: " + e.getMessage() + "*", null);
        }
    }

    /** Shows Markdown text; relative images resolve against {@code imageDir} (may be null: none resolve). */
    public void showMarkdown(String text, Path imageDir) {
        this.markdown = text == null ? "" : text;
        this.baseDir = imageDir;
        rebuild();
    }

    /** The Markdown shown. */
    public String markdown() {
        return markdown;
    }

    /** The plain text of the rendered page (for tests and screen readers). */
    public String plainText() {
        try {
            return getDocument().getText(0, getDocument().getLength());
        } catch (BadLocationException e) {
            return "";
        }
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBackground(LessonTheme.pageBackground());
        if (markdown != null) {
            rebuild();
        }
    }

    private void rebuild() {
        HTMLEditorKit kit = new HTMLEditorKit();
        setEditorKit(kit);
        StyleSheet css = new StyleSheet();
        css.addStyleSheet(kit.getStyleSheet());
        css.addRule(LessonTheme.pageCss());
        HTMLDocument doc = new HTMLDocument(css);
        doc.putProperty("IgnoreCharsetDirective", Boolean.TRUE);
        doc.setAsynchronousLoadPriority(-1);
        if (baseDir != null) {
            try {
                doc.setBase(baseDir.toUri().toURL());
            } catch (MalformedURLException e) {
                // no base: images show their alt text
            }
        }
        String html = "<html><body>" + MARKDOWN.render(markdown) + "</body></html>";
        try {
            kit.read(new StringReader(html), doc, 0);
        } catch (IOException | BadLocationException e) {
            // a StringReader cannot fail; an odd document simply stays empty
        }
        setDocument(doc);
        setCaretPosition(0);
    }
}
