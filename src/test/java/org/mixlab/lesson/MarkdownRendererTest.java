package org.mixlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages render CommonMark plus tables, with no way to reach remote content. */
class MarkdownRendererTest {
    private final MarkdownRenderer md = new MarkdownRenderer();

    @Test
    void headingsListsEmphasisAndCode() {
        String html = md.render("# Title\n\n## Sub\n\n- one\n- **two**\n\n1. first\n2. *second*\n\n`code`\n");
        assertThat(html).contains("<h1>Title</h1>", "<h2>Sub</h2>", "<ul>", "<li>one</li>",
                "<li><strong>two</strong></li>", "<ol>", "<li><em>second</em></li>", "<code>code</code>");
    }

    @Test
    void pipeTablesWithAlignmentAndInlineMarkup() {
        String html = md.render("Intro.\n\n| Range | Hz |\n|:------|---:|\n| **Bass** | 60-250 |\n| Air | 6k |\n\nAfter.\n");
        assertThat(html).contains("<p>Intro.</p>", "<table>", "<th align=\"left\">Range</th>",
                "<th align=\"right\">Hz</th>", "<td align=\"left\"><strong>Bass</strong></td>",
                "<td align=\"right\">60-250</td>", "<p>After.</p>");
        assertThat(html.indexOf("<table>")).isBetween(html.indexOf("Intro."), html.indexOf("After."));
    }

    @Test
    void tableSyntaxInsideCodeFenceStaysCode() {
        String html = md.render("```\n| a | b |\n|---|---|\n```\n");
        assertThat(html).doesNotContain("<table>").contains("<pre><code>| a | b |");
    }

    @Test
    void rawHtmlIsEscaped() {
        String html = md.render("Hello <script>alert(1)</script>\n\n<iframe src=\"http://evil\"></iframe>\n");
        assertThat(html).doesNotContain("<script>").doesNotContain("<iframe").contains("&lt;script&gt;")
                .contains("&lt;iframe");
    }

    @Test
    void linksAreInertText() {
        String html = md.render("See [the docs](https://example.com/x) and <https://example.org>.\n");
        assertThat(html).doesNotContain("href").doesNotContain("<a ")
                .contains("<span class=\"link\">the docs</span>").contains("<span class=\"link\">https://example.org</span>");
    }

    @Test
    void remoteImagesAreNotRenderedLocalOnesAre() {
        String html = md.render("![local](img/eq.png)\n\n![remote](https://example.com/a.png)\n\n"
                + "![proto](//cdn.example.com/a.png)\n\n![up](../x.png)\n\n![js](javascript:alert(1))\n");
        assertThat(html).contains("<img src=\"img/eq.png\" alt=\"local\" />");
        assertThat(html).doesNotContain("example.com/a.png\"").doesNotContain("src=\"//")
                .doesNotContain("src=\"../").doesNotContain("javascript");
        assertThat(html).contains("[image not shown: remote]", "[image not shown: up]");
    }

    @Test
    void imagesAreListedWithLines() {
        List<MarkdownRenderer.ImageRef> refs = md.images("# T\n\n![a](a.png)\n\n| x |\n|---|\n| ![b](http://b/c.png) |\n");
        assertThat(refs).containsExactly(new MarkdownRenderer.ImageRef("a.png", 3),
                new MarkdownRenderer.ImageRef("http://b/c.png", 7));
    }

    @Test
    void localImageRule() {
        assertThat(MarkdownRenderer.isLocalImage("img/a.png")).isTrue();
        assertThat(MarkdownRenderer.isLocalImage("a b.png")).isTrue();
        assertThat(MarkdownRenderer.isLocalImage("/a.png")).isFalse();
        assertThat(MarkdownRenderer.isLocalImage("img/../../a.png")).isFalse();
        assertThat(MarkdownRenderer.isLocalImage("data:image/png;base64,AAAA")).isFalse();
        assertThat(MarkdownRenderer.isLocalImage("file:///etc/x.png")).isFalse();
        assertThat(MarkdownRenderer.isLocalImage("img\\a.png")).isFalse();
        assertThat(MarkdownRenderer.isLocalImage("")).isFalse();
    }

    @Test
    void oddInputNeverThrows() {
        assertThat(md.render(null)).isEmpty();
        assertThat(md.render("|\n|-|\n")).contains("<table>");
        assertThat(md.render("| a |\n|---|---|\n")).doesNotContain("<table>");
    }
}
