package org.mixlab.ui.lesson;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;
import org.mixlab.lesson.LessonPack;
import org.mixlab.lesson.LessonStep;

/**
 * The list of lesson packs, in pack order: each shows its title, tool, summary and progress (steps done of the
 * total), with an Open button. Keyboard: Tab moves between the Open buttons, Enter/Space opens.
 */
public final class LessonBrowserPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient ProgressView progress;
    private final transient Consumer<LessonPack> onOpen;
    private final transient List<LessonPack> packs = new ArrayList<>();
    private final List<Card> cards = new ArrayList<>();
    private final CardList list = new CardList();
    private final JLabel heading = new JLabel("Lessons");
    private final JLabel subheading = new JLabel("Work through a pack to learn one mixing tool.");

    /**
     * Creates the browser.
     *
     * @param packs    the loaded packs (shown sorted by order, then id)
     * @param progress the learner's progress
     * @param onOpen   called on the Swing thread with the pack to open
     */
    public LessonBrowserPanel(List<LessonPack> packs, ProgressView progress, Consumer<LessonPack> onOpen) {
        super(new BorderLayout());
        this.progress = progress;
        this.onOpen = onOpen;
        getAccessibleContext().setAccessibleName("Lesson packs");
        JPanel top = new JPanel(new MigLayout("insets 12 14 6 14, gap 0 2, fillx", "[grow]"));
        top.setOpaque(false);
        top.add(heading, "wrap");
        top.add(subheading, "wmin 0");
        add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        add(scroll, BorderLayout.CENTER);
        setPacks(packs);
        updateColours();
    }

    /** Replaces the packs shown. */
    public void setPacks(List<LessonPack> newPacks) {
        packs.clear();
        packs.addAll(newPacks);
        packs.sort(Comparator.comparingInt(LessonPack::order).thenComparing(LessonPack::id));
        cards.clear();
        list.removeAll();
        for (LessonPack p : packs) {
            Card c = new Card(p);
            cards.add(c);
            list.add(c, "growx, wmin 0");
        }
        refresh();
        list.revalidate();
        list.repaint();
    }

    /** Re-reads the progress of every pack (call after a step is completed or the profile changes). */
    public void refresh() {
        for (Card c : cards) {
            c.update();
        }
        javax.swing.SwingUtilities.invokeLater(() -> list.scrollRectToVisible(new java.awt.Rectangle(0, 0, 1, 1)));
    }

    /** The packs shown, in display order. */
    public List<LessonPack> packs() {
        return List.copyOf(packs);
    }

    /** Steps done in a pack, per the progress view. */
    public int stepsDone(LessonPack pack) {
        int n = 0;
        for (LessonStep s : pack.steps()) {
            if (progress.isStepDone(pack.id(), s.id())) {
                n++;
            }
        }
        return n;
    }

    /** Opens a pack as if its button were pressed. */
    public void open(LessonPack pack) {
        onOpen.accept(pack);
    }

    /** The Open button of the pack at display position {@code index} (for tests and focus). */
    public JButton openButton(int index) {
        return cards.get(index).open;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (heading != null) {
            updateColours();
        }
    }

    private void updateColours() {
        heading.setFont(LessonTheme.titleFont(6));
        subheading.setForeground(LessonTheme.secondaryText());
        for (Card c : cards) {
            c.updateColours();
        }
    }

    private static String toolName(String tool) {
        return tool == null || tool.isEmpty() ? "" : tool.substring(0, 1).toUpperCase(Locale.ROOT) + tool.substring(1);
    }

    /** A vertical list that tracks the viewport width so summaries wrap. */
    private static final class CardList extends JPanel implements Scrollable {
        private static final long serialVersionUID = 1L;

        CardList() {
            super(new MigLayout("insets 6 12 12 12, gap 0 10, fillx, wrap 1", "[grow, fill]"));
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle r, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle r, int orientation, int direction) {
            return Math.max(16, r.height - 32);
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }

    /** One pack. */
    private final class Card extends JPanel {
        private static final long serialVersionUID = 1L;
        private final transient LessonPack pack;
        private final JLabel number = new JLabel();
        private final JTextArea title = new JTextArea();
        private final JLabel tool = new JLabel();
        private final JTextArea summary = new JTextArea();
        private final JProgressBar bar = new JProgressBar();
        private final JLabel count = new JLabel();
        private final JButton open = new JButton("Open");

        Card(LessonPack pack) {
            super(new MigLayout("insets 12 14 12 14, gap 10 4, fillx", "[][grow, fill][]", "[][][]"));
            this.pack = pack;
            number.setText(Integer.toString(pack.order()));
            number.setHorizontalAlignment(SwingConstants.CENTER);
            title.setText(pack.title());
            LessonTheme.readOnlyText(title);
            tool.setText(toolName(pack.tool()));
            summary.setText(pack.summary());
            LessonTheme.readOnlyText(summary);
            summary.getAccessibleContext().setAccessibleName("Summary of " + pack.title());
            bar.setMinimum(0);
            bar.setMaximum(Math.max(1, pack.steps().size()));
            bar.getAccessibleContext().setAccessibleName("Progress in " + pack.title());
            open.getAccessibleContext().setAccessibleName("Open lesson " + pack.title());
            open.setToolTipText("Open " + pack.title());
            open.addActionListener(e -> onOpen.accept(pack));
            open.setName("open-" + pack.id());
            add(number, "spany 3, top, w 28!, h 28!");
            add(title, "wmin 0");
            add(open, "top, wrap");
            add(summary, "span 2, wmin 0, wrap");
            add(tool, "skip 1, split 3");
            add(bar, "growx, h 6!, wmax 200, gapleft 6");
            add(count, "gapleft 8");
            getAccessibleContext().setAccessibleName(pack.title());
            updateColours();
        }

        void update() {
            int done = stepsDone(pack);
            int total = pack.steps().size();
            bar.setValue(done);
            String text = done == total ? "Complete: all " + total + " steps" : done + " of " + total + " steps done";
            count.setText(text);
            bar.getAccessibleContext().setAccessibleDescription(text);
            open.setText(done == 0 ? "Start" : done == total ? "Review" : "Continue");
        }

        void updateColours() {
            setBackground(LessonTheme.card());
            setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
            title.setFont(LessonTheme.titleFont(2));
            number.setFont(LessonTheme.titleFont(1));
            number.setOpaque(true);
            number.setBackground(LessonTheme.accent());
            number.setForeground(java.awt.Color.WHITE);
            tool.setForeground(LessonTheme.accent());
            tool.setFont(LessonTheme.baseFont().deriveFont(LessonTheme.baseFont().getSize2D() - 1f));
            summary.setFont(LessonTheme.baseFont());
            summary.setForeground(LessonTheme.secondaryText());
            count.setForeground(LessonTheme.secondaryText());
            count.setFont(LessonTheme.baseFont().deriveFont(LessonTheme.baseFont().getSize2D() - 1f));
            bar.setForeground(LessonTheme.pass());
        }
    }
}
