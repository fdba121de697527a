package org.mixlab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders lesson pages (CommonMark plus pipe tables) to HTML that can reach nothing outside the pack: raw HTML is
 * escaped, links are rendered as plain text in a {@code <span class="link">}, and only pack-local images (a
 * relative path without ".." and without a scheme) become {@code <img>}; any other image is replaced by its alt
 * text. Image sources stay relative: the caller resolves them against the pack folder. Thread-safe.
 */
public final class MarkdownRenderer {

    /** An image reference found in a page, with its 1-based line number. */
    public record ImageRef(String destination, int line) { }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern DELIMITER_ROW =
            Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final HtmlRenderer html = builder(false).build();
    private final HtmlRenderer inlineHtml = builder(true).build();

    private static HtmlRenderer.Builder builder(boolean omitP) {
        return HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).omitSingleParagraphP(omitP)
                .nodeRendererFactory(SafeNodeRenderer::new);
    }

    /** True when an image destination is pack-local: relative, no scheme, no "..", no backslash, no "//". */
    public static boolean isLocalImage(String destination) {
        if (destination == null || destination.isBlank()) {
            return false;
        }
        String d = destination.trim();
        if (SCHEME.matcher(d).matches() || d.startsWith("/") || d.startsWith("\\") || d.contains("\\")) {
            return false;
        }
        for (String part : d.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Renders a page to an HTML fragment. Never throws for any input text. */
    public String render(String markdown) {
        StringBuilder out = new StringBuilder();
        List<String> lines = markdown == null ? List.of() : markdown.lines().toList();
        StringBuilder chunk = new StringBuilder();
        boolean inFence = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            }
            boolean blankBefore = i == 0 || lines.get(i - 1).isBlank();
            if (!inFence && blankBefore && line.contains("|") && i + 1 < lines.size()
                    && DELIMITER_ROW.matcher(lines.get(i + 1)).matches() && lines.get(i + 1).contains("-")
                    && cells(line).size() == cells(lines.get(i + 1)).size()) {
                out.append(html.render(parser.parse(chunk.toString())));
                chunk.setLength(0);
                int end = i + 2;
                while (end < lines.size() && !lines.get(end).isBlank() && lines.get(end).contains("|")) {
                    end++;
                }
                renderTable(lines.subList(i, end), out);
                i = end;
                continue;
            }
            chunk.append(line).append('\n');
            i++;
        }
        out.append(html.render(parser.parse(chunk.toString())));
        return out.toString();
    }

    /** Every image in a page with its line number, for validation. */
    public List<ImageRef> images(String markdown) {
        List<ImageRef> found = new ArrayList<>();
        Node doc = parser.parse(markdown == null ? "" : markdown);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                int line = image.getSourceSpans().isEmpty() ? 0 : image.getSourceSpans().get(0).getLineIndex() + 1;
                found.add(new ImageRef(image.getDestination(), line));
                visitChildren(image);
            }
        });
        return found;
    }

    private void renderTable(List<String> rows, StringBuilder out) {
        List<String> header = cells(rows.get(0));
        List<String> delim = cells(rows.get(1));
        String[] align = new String[header.size()];
        for (int c = 0; c < delim.size() && c < align.length; c++) {
            String d = delim.get(c).trim();
            boolean left = d.startsWith(":");
            boolean right = d.endsWith(":");
            align[c] = left && right ? "center" : right ? "right" : left ? "left" : null;
        }
        out.append("<table>\n<thead>\n<tr>\n");
        for (int c = 0; c < header.size(); c++) {
            cell(out, "th", align[c], header.get(c));
        }
        out.append("</tr>\n</thead>\n");
        if (rows.size() > 2) {
            out.append("<tbody>\n");
            for (String row : rows.subList(2, rows.size())) {
                List<String> cs = cells(row);
                out.append("<tr>\n");
                for (int c = 0; c < header.size(); c++) {
                    cell(out, "td", align[c], c < cs.size() ? cs.get(c) : "");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n");
        }
        out.append("</table>\n");
    }

    private void cell(StringBuilder out, String tag, String align, String text) {
        out.append('<').append(tag);
        if (align != null) {
            out.append(" align=\"").append(align).append('"');
        }
        out.append('>');
        String inner = inlineHtml.render(parser.parse(text.trim()));
        out.append(inner.strip()).append("</").append(tag).append(">\n");
    }

    private static List<String> cells(String row) {
        String r = row.trim();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|") && !r.endsWith("\\|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int k = 0; k < r.length(); k++) {
            char ch = r.charAt(k);
            if (ch == '\\' && k + 1 < r.length() && r.charAt(k + 1) == '|') {
                cur.append('|');
                k++;
            } else if (ch == '|') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        cells.add(cur.toString());
        return cells;
    }

    /** Renders links as inert text and images only when pack-local. */
    private static final class SafeNodeRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter writer;

        SafeNodeRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.writer = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Link) {
                writer.tag("span", Map.of("class", "link"));
                renderChildren(node);
                writer.tag("/span");
                return;
            }
            Image image = (Image) node;
            String alt = altText(image);
            if (isLocalImage(image.getDestination())) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("src", image.getDestination().trim());
                attrs.put("alt", alt);
                writer.tag("img", attrs, true);
            } else {
                writer.tag("span", Map.of("class", "image-removed"));
                writer.text("[image not shown: " + alt + "]");
                writer.tag("/span");
            }
        }

        private void renderChildren(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }

        private static String altText(Node image) {
            StringBuilder sb = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    sb.append(text.getLiteral());
                }
            });
            return sb.toString();
        }
    }
}
