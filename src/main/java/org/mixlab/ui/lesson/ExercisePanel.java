package org.mixlab.ui.lesson;

import java.awt.Color;
import java.awt.Component;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.Source;

/**
 * A graded exercise: the brief, an optional countdown, "Load exercise" (opens the start session), "Submit" (grades the
 * engine's current session in the background) and the result: the score 0-100, a per-criterion table and the
 * feedback lines, with "Try again". The reference A/B button appears only when the exercise allows listening.
 */
public final class ExercisePanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private transient MixEngine engine;
    private final transient ProgressView progress;
    private transient Consumer<Path> openSession = p -> { };
    private transient Consumer<ExerciseBrief> enableReference = b -> { };
    private transient ExerciseGrader grader;
    private transient GradedListener onGraded = (b, s, g) -> { };
    private transient ExerciseBrief brief;

    private final JLabel title = new JLabel(" ");
    private final JLabel meta = new JLabel(" ");
    private final JLabel clock = new JLabel(" ");
    private final PageView page = new PageView();
    private final JScrollPane pageScroll = new JScrollPane(page);
    private static final String BRIEF = "brief";
    private static final String RESULT = "result";
    private final java.awt.CardLayout cards = new java.awt.CardLayout();
    private final JPanel center = new JPanel(cards);
    private final JButton load = new JButton("Load exercise");
    private final JToggleButton reference = new JToggleButton("Hear the reference");
    private final JButton submit = new JButton("Submit for grading");
    private final JLabel working = new JLabel(" ");
    private final JPanel resultCard = new JPanel(new MigLayout("insets 12 14 12 14, fill, gap 0 8, wrap 1",
            "[grow, fill]", "[][][][grow, top][]"));
    private final JLabel score = new JLabel(" ");
    private final JLabel verdict = new JLabel(" ");
    private final RowsModel rowsModel = new RowsModel();
    private final JTable table = new JTable(rowsModel);
    private final JTextArea feedback = new JTextArea();
    private final JButton tryAgain = new JButton("Try again");
    private final Timer countdown;
    private long deadlineNanos;
    private boolean grading;
    private int generation;
    private transient ExerciseGrade lastGrade;

    /**
     * Creates the panel.
     *
     * @param engine   the live engine whose session is submitted (see {@link #setEngine})
     * @param progress records each graded attempt
     */
    public ExercisePanel(MixEngine engine, ProgressView progress) {
        super(new MigLayout("insets 12 14 12 14, fill, gap 0 8, wrap 1", "[grow, fill]",
                "[][][grow, fill][][]"));
        this.engine = engine;
        this.progress = progress;
        getAccessibleContext().setAccessibleName("Exercise");
        countdown = new Timer(1000, e -> tick());

        add(title, "split 2, growx, wmin 0");
        add(clock, "growx 0");
        add(meta, "wmin 0");
        pageScroll.getVerticalScrollBar().setUnitIncrement(16);
        center.add(pageScroll, BRIEF);
        center.add(resultCard, RESULT);
        add(center, "hmin 200");

        load.getAccessibleContext().setAccessibleName("Load the exercise's start session");
        reference.getAccessibleContext().setAccessibleName("Hear the reference instead of your mix");
        submit.getAccessibleContext().setAccessibleName("Submit your mix for grading");
        tryAgain.getAccessibleContext().setAccessibleName("Try the exercise again");
        load.setMnemonic('L');
        submit.setMnemonic('S');
        load.addActionListener(e -> loadExercise());
        reference.addActionListener(e -> {
            if (this.engine != null) {
                this.engine.setSource(reference.isSelected() ? Source.REFERENCE : Source.MIX);
            }
        });
        submit.addActionListener(e -> submit());
        tryAgain.addActionListener(e -> tryAgain());
        JPanel actions = new JPanel(new MigLayout("insets 0, gap 8", "[][][grow][]"));
        actions.setOpaque(false);
        actions.add(load);
        actions.add(reference, "hidemode 3");
        actions.add(submit, "skip 1");
        add(actions);
        add(working, "wmin 0");

        score.getAccessibleContext().setAccessibleName("Score");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setRowHeight(Math.max(22, table.getRowHeight() + 6));
        table.getAccessibleContext().setAccessibleName("Score for each criterion");
        table.getSelectionModel().addListSelectionListener(e -> showFeedback());
        table.setDefaultRenderer(Object.class, new PointsRenderer());
        LessonTheme.readOnlyText(feedback);
        feedback.setFocusable(true);
        feedback.getAccessibleContext().setAccessibleName("Feedback");
        resultCard.add(score, "split 2, growx 0");
        resultCard.add(verdict, "gapleft 12, growx, wmin 0");
        JScrollPane tableScroll = new JScrollPane(table);
        resultCard.add(tableScroll, "hmin 90, hmax 260");
        resultCard.add(feedback, "wmin 0");
        resultCard.add(tryAgain, "growx 0");
        resultCard.setOpaque(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(300);
        for (int c = 1; c < 4; c++) {
            table.getColumnModel().getColumn(c).setMinWidth(c == 3 ? 58 : 82);
            table.getColumnModel().getColumn(c).setPreferredWidth(c == 3 ? 58 : 82);
            table.getColumnModel().getColumn(c).setMaxWidth(c == 3 ? 70 : 110);
        }
        updateColours();
        setExercise(null, null);
    }

    /** Sets the engine whose session is submitted. */
    public void setEngine(MixEngine newEngine) {
        this.engine = newEngine;
    }

    /** Called with the start session file by "Load exercise". */
    public void setOpenSession(Consumer<Path> callback) {
        this.openSession = callback == null ? p -> { } : callback;
    }

    /**
     * Called after "Load exercise" when the exercise allows listening: the app sets the engine's reference (session
     * or audio) so that the Reference source can be heard.
     */
    public void setEnableReference(Consumer<ExerciseBrief> callback) {
        this.enableReference = callback == null ? b -> { } : callback;
    }

    /** Hears about every graded attempt (e.g. to save a sealed submission for the teacher). */
    @FunctionalInterface
    public interface GradedListener {
        /**
         * Called on the Swing thread after a submission is graded.
         *
         * @param brief     the exercise
         * @param submitted the session that was graded (a private copy)
         * @param grade     its grade
         */
        void graded(ExerciseBrief brief, org.mixlab.engine.session.Session submitted, ExerciseGrade grade);
    }

    /** Called after every graded attempt. */
    public void setOnGraded(GradedListener listener) {
        this.onGraded = listener == null ? (b, s, g) -> { } : listener;
    }

    /** Shows an exercise (or none) with the grader for it. */
    public void setExercise(ExerciseBrief newBrief, ExerciseGrader newGrader) {
        generation++;
        grading = false;
        countdown.stop();
        this.brief = newBrief;
        this.grader = newGrader;
        this.lastGrade = null;
        cards.show(center, BRIEF);
        working.setText(" ");
        clock.setText(" ");
        reference.setSelected(false);
        if (newBrief == null) {
            title.setText("No exercise open");
            meta.setText(" ");
            page.showMarkdown("Choose an exercise from a lesson, or from **Learn > Exercises**.", null);
            load.setEnabled(false);
            submit.setEnabled(false);
            reference.setVisible(false);
            return;
        }
        title.setText(newBrief.title());
        title.getAccessibleContext().setAccessibleName("Exercise " + newBrief.title());
        StringBuilder m = new StringBuilder(capital(newBrief.tool()));
        m.append(" \u00b7 ").append(difficultyText(newBrief.difficulty()));
        m.append(String.format(Locale.ROOT, " \u00b7 pass mark %.0f", newBrief.passScore()));
        if (newBrief.timeLimitMin() != null) {
            m.append(String.format(Locale.ROOT, " \u00b7 %s minutes", num(newBrief.timeLimitMin())));
        }
        if (!newBrief.allowReferenceListening()) {
            m.append(" \u00b7 no reference (exam)");
        }
        meta.setText(m.toString());
        page.showMarkdown(newBrief.briefMarkdown(), newBrief.dir());
        load.setEnabled(newBrief.startFile() != null);
        submit.setEnabled(grader != null);
        reference.setVisible(newBrief.allowReferenceListening());
        reference.setEnabled(false);
        var best = progress.bestExerciseScore(newBrief.id());
        working.setText(best.isPresent() ? String.format(Locale.ROOT, "Your best score so far: %.0f",
                best.getAsDouble()) : " ");
    }

    /** The exercise shown, or null. */
    public ExerciseBrief brief() {
        return brief;
    }

    /** The last grade shown, or null. */
    public ExerciseGrade lastGrade() {
        return lastGrade;
    }

    /** True while a submission is being graded. */
    public boolean isGrading() {
        return grading;
    }

    /** The score text shown ("72"), or blank. */
    public String scoreText() {
        return score.getText();
    }

    /** The Submit button. */
    public JButton submitButton() {
        return submit;
    }

    /** The reference A/B button (visible only when listening is allowed). */
    public JToggleButton referenceButton() {
        return reference;
    }

    /** Seconds left on the countdown, or -1 when there is none. */
    public long secondsLeft() {
        if (!countdown.isRunning()) {
            return -1;
        }
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000_000L);
    }

    /** Opens the start session, starts the countdown and enables the reference when allowed. */
    public void loadExercise() {
        if (brief == null || brief.startFile() == null) {
            return;
        }
        openSession.accept(brief.startFile());
        if (brief.allowReferenceListening()) {
            enableReference.accept(brief);
            reference.setEnabled(true);
        }
        if (brief.timeLimitMin() != null && brief.timeLimitMin() > 0) {
            deadlineNanos = System.nanoTime() + (long) (brief.timeLimitMin() * 60e9);
            countdown.restart();
            tick();
        }
        working.setText("Exercise loaded: make your changes, then submit.");
    }

    /** Grades the engine's current session in the background and shows the result. */
    public void submit() {
        if (grading || grader == null || brief == null) {
            return;
        }
        if (engine == null || engine.session() == null) {
            working.setText("Load the exercise first.");
            return;
        }
        if (reference.isSelected()) {
            reference.setSelected(false);
            engine.setSource(Source.MIX);
        }
        var session = engine.session().copy();
        var g = grader;
        int gen = ++generation;
        grading = true;
        submit.setEnabled(false);
        working.setIcon(new StatusIcon(StatusIcon.Kind.PENDING, 16));
        working.setText("Grading your mix: rendering and measuring...");
        new SwingWorker<ExerciseGrade, Void>() {
            @Override
            protected ExerciseGrade doInBackground() throws Exception {
                return g.grade(session);
            }

            @Override
            protected void done() {
                if (gen != generation) {
                    return;
                }
                grading = false;
                submit.setEnabled(true);
                working.setIcon(null);
                try {
                    ExerciseGrade result = get();
                    showGrade(result);
                    working.setText(" ");
                    onGraded.graded(brief, session, result);
                } catch (Exception e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    working.setIcon(new StatusIcon(StatusIcon.Kind.FAILED, 16));
                    working.setText("Your mix could not be graded: " + (cause.getMessage() == null
                            ? cause.getClass().getSimpleName() : cause.getMessage()));
                }
            }
        }.execute();
    }

    /** Hides the result so the learner can keep working and submit again. */
    public void tryAgain() {
        cards.show(center, BRIEF);
        revalidate();
        submit.requestFocusInWindow();
    }

    private void showGrade(ExerciseGrade grade) {
        lastGrade = grade;
        progress.recordExerciseScore(brief.id(), grade.score());
        score.setText(String.format(Locale.ROOT, "%.0f", grade.score()));
        score.getAccessibleContext().setAccessibleName(String.format(Locale.ROOT, "Score %.0f out of 100",
                grade.score()));
        boolean passed = grade.passed();
        score.setForeground(passed ? LessonTheme.pass() : LessonTheme.fail());
        verdict.setText(String.format(Locale.ROOT, "<html>out of 100<br>%s (pass mark %.0f)</html>",
                passed ? "Passed: well done!" : "Not passed yet", grade.passScore()));
        rowsModel.set(grade.rows());
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(360,
                Math.max(3, grade.rows().size()) * table.getRowHeight()));
        StringBuilder b = new StringBuilder();
        for (ExerciseGrade.Row r : grade.rows()) {
            if (r.points() < 99.5) {
                b.append("\u2022 ").append(r.feedback()).append('\n');
            }
        }
        for (String n : grade.notes()) {
            b.append("Note: ").append(n).append('\n');
        }
        if (b.length() == 0) {
            b.append("Every criterion is right. Great mixing!");
        }
        feedback.setText(b.toString().trim());
        cards.show(center, RESULT);
        revalidate();
        repaint();
    }

    private void showFeedback() {
        int row = table.getSelectedRow();
        if (row >= 0 && lastGrade != null) {
            feedback.setText(lastGrade.rows().get(table.convertRowIndexToModel(row)).feedback());
        }
    }

    private void tick() {
        long left = Math.max(0, (deadlineNanos - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
        clock.setText(String.format(Locale.ROOT, "%d:%02d left", left / 60, left % 60));
        clock.setForeground(left == 0 ? LessonTheme.fail() : left < 60 ? LessonTheme.pending()
                : LessonTheme.secondaryText());
        clock.getAccessibleContext().setAccessibleName("Time left " + left / 60 + " minutes " + left % 60
                + " seconds");
        if (left == 0) {
            countdown.stop();
            clock.setText("Time is up: submit your mix");
        }
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (title != null) {
            updateColours();
        }
    }

    private void updateColours() {
        title.setFont(LessonTheme.titleFont(5));
        meta.setForeground(LessonTheme.secondaryText());
        clock.setFont(LessonTheme.titleFont(1));
        score.setFont(LessonTheme.titleFont(26));
        verdict.setForeground(LessonTheme.secondaryText());
        feedback.setFont(LessonTheme.baseFont());
        resultCard.setBackground(LessonTheme.card());
        resultCard.setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
        pageScroll.setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
        submit.putClientProperty("JButton.buttonType", null);
    }

    private static String difficultyText(int d) {
        return switch (d) {
            case 1 -> "easy";
            case 2 -> "medium";
            default -> "hard";
        };
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String value(double v, String unit) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f%s" : "%.1f%s", v, u);
    }

    /** The criteria table. */
    private static final class RowsModel extends AbstractTableModel {
        private static final long serialVersionUID = 1L;
        private static final String[] COLUMNS = {"Criterion", "Yours", "Target", "Points"};
        private transient List<ExerciseGrade.Row> rows = List.of();

        void set(List<ExerciseGrade.Row> newRows) {
            rows = List.copyOf(newRows);
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int c) {
            return COLUMNS[c];
        }

        @Override
        public Object getValueAt(int r, int c) {
            ExerciseGrade.Row row = rows.get(r);
            return switch (c) {
                case 0 -> capital(row.label());
                case 1 -> value(row.measured(), row.unit());
                case 2 -> value(row.reference(), row.unit());
                default -> String.format(Locale.ROOT, "%.0f", row.points());
            };
        }

        double points(int r) {
            return rows.get(r).points();
        }
    }

    /** Colours the points column: green when full marks, amber when partly right, red when far off. */
    private final class PointsRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row,
                                                       int col) {
            super.getTableCellRendererComponent(t, v, sel, focus, row, col);
            setHorizontalAlignment(col == 0 ? SwingConstants.LEFT : SwingConstants.RIGHT);
            setToolTipText(col == 0 && v != null ? v.toString() : null);
            setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 8));
            if (col == 3 && !sel) {
                double p = rowsModel.points(t.convertRowIndexToModel(row));
                Color c = p >= 90 ? LessonTheme.pass() : p >= 50 ? LessonTheme.pending() : LessonTheme.fail();
                setForeground(c);
                setFont(getFont().deriveFont(java.awt.Font.BOLD));
            } else if (!sel) {
                setForeground(t.getForeground());
            }
            return this;
        }
    }
}
