package org.mixlab.ui.lesson;

import java.awt.Component;
import java.awt.event.HierarchyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.lesson.AudioMeasurements;
import org.mixlab.lesson.Check;
import org.mixlab.lesson.CheckEvaluator;
import org.mixlab.lesson.CheckResult;
import org.mixlab.lesson.LessonPack;
import org.mixlab.lesson.LessonStep;
import org.mixlab.lesson.Selector;
import org.mixlab.lesson.SelectorResolver;

/**
 * Plays a lesson pack one step at a time: a step list, the step's page, and for a task step a checklist whose ticks
 * turn green live as the session is edited. Setting, relative, exists and eqBand checks are evaluated on the Swing
 * thread {@value #EDIT_DELAY_MS} ms after the last edit ({@link #onSessionEdited()}) and every
 * {@value #POLL_MS} ms as a fallback; audio checks are measured by a background render {@value #AUDIO_DELAY_MS} ms
 * after edits settle. When every check passes the step is marked done and Next is enabled.
 */
public final class LessonPlayerPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    /** Delay after the last edit before the checks are evaluated, ms. */
    public static final int EDIT_DELAY_MS = 150;
    /** Fallback polling period, ms. */
    public static final int POLL_MS = 500;
    /** Delay after edits settle before audio checks are measured, ms. */
    public static final int AUDIO_DELAY_MS = 600;

    private final transient ProgressView progress;
    private final transient SessionMeasurer measurer;
    private final DrillPanel drillPanel;
    private transient MixEngine engine;
    private transient Consumer<Path> openSession = p -> { };
    private transient Consumer<String> openExercise = id -> { };
    private transient Runnable onBackToList = () -> { };
    private transient Runnable onProgress = () -> { };

    private final JButton lessonsButton = new JButton("\u2190 All lessons");
    private final JLabel packTitle = new JLabel(" ");
    private final JLabel stepCounter = new JLabel(" ");
    private final DefaultListModel<LessonStep> stepModel = new DefaultListModel<>();
    private final JList<LessonStep> stepList = new JList<>(stepModel);
    private final PageView page = new PageView();
    private final JScrollPane pageScroll = new JScrollPane(page);
    private final JPanel taskCard = new JPanel(new MigLayout("insets 10 12 10 12, fillx, gap 8 6, wrap 2",
            "[][grow, fill]"));
    private final JLabel checklistTitle = new JLabel("Checklist");
    private final JButton loadSession = new JButton("Load this step's session");
    private final JPanel exerciseCard = new JPanel(new MigLayout("insets 10 12 10 12, fillx, gap 6 6, wrap 1",
            "[grow, fill]"));
    private final JLabel confirmation = new JLabel(" ");
    private final JButton back = new JButton("Back");
    private final JButton next = new JButton("Next");
    private final List<CheckRow> rows = new ArrayList<>();
    private final Timer editTimer;
    private final Timer pollTimer;
    private final Timer audioTimer;

    private transient LessonPack pack;
    private int stepIndex = -1;
    private transient List<CheckResult> results = List.of();
    private transient AudioMeasurements measurements;
    private transient String measurementError;
    private transient String measuredFingerprint;
    private transient String lastFingerprint;
    private boolean measuring;
    private boolean measureAgain;
    private int measureGeneration;

    /**
     * Creates the player.
     *
     * @param engine     the live engine whose session the checks read (may be null until a session is open)
     * @param progress   the learner's progress
     * @param measurer   measures audio checks off the Swing thread (e.g. {@link RenderedMeasurements})
     * @param drillPanel the panel drill steps run in
     */
    public LessonPlayerPanel(MixEngine engine, ProgressView progress, SessionMeasurer measurer, DrillPanel drillPanel) {
        super(new MigLayout("insets 10 12 10 12, fill, gap 0 8, wrap 1", "[grow, fill]",
                "[][][grow, fill][][][]"));
        this.engine = engine;
        this.progress = progress;
        this.measurer = measurer;
        this.drillPanel = drillPanel;
        getAccessibleContext().setAccessibleName("Lesson");
        editTimer = new Timer(EDIT_DELAY_MS, e -> evaluateNow());
        editTimer.setRepeats(false);
        audioTimer = new Timer(AUDIO_DELAY_MS, e -> measureIfChanged());
        audioTimer.setRepeats(false);
        pollTimer = new Timer(POLL_MS, e -> poll());

        JPanel header = new JPanel(new MigLayout("insets 0, fillx, gap 8 2", "[grow, fill][]"));
        header.setOpaque(false);
        lessonsButton.getAccessibleContext().setAccessibleName("Back to all lessons");
        lessonsButton.putClientProperty("JButton.buttonType", "borderless");
        lessonsButton.addActionListener(e -> onBackToList.run());
        header.add(lessonsButton, "span 2, growx 0, wrap");
        header.add(packTitle, "wmin 0");
        header.add(stepCounter);
        add(header);

        stepList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        stepList.setCellRenderer(new StepRenderer());
        stepList.setVisibleRowCount(6);
        stepList.getAccessibleContext().setAccessibleName("Steps");
        stepList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && stepList.getSelectedIndex() >= 0
                    && stepList.getSelectedIndex() != stepIndex) {
                showStep(stepList.getSelectedIndex());
            }
        });
        JScrollPane stepScroll = new JScrollPane(stepList);
        add(stepScroll, "hmin 100, hmax 150");

        pageScroll.getVerticalScrollBar().setUnitIncrement(16);
        add(pageScroll, "hmin 160");

        checklistTitle.getAccessibleContext().setAccessibleName("Checklist");
        loadSession.getAccessibleContext().setAccessibleName("Load this step's session");
        loadSession.addActionListener(e -> {
            if (pack != null && pack.startSession() != null) {
                openSession.accept(pack.startSession());
            }
        });
        add(taskCard, "hidemode 3");
        add(exerciseCard, "hidemode 3");
        if (drillPanel != null) {
            add(drillPanel, "hidemode 3");
            drillPanel.setVisible(false);
            drillPanel.setOnFinished(d -> {
                if (pack != null && stepIndex >= 0) {
                    markDone(currentStep());
                    confirmation.setText("Drill finished: your threshold is saved.");
                    updateNext();
                }
            });
        }
        add(confirmation, "wmin 0");

        JPanel nav = new JPanel(new MigLayout("insets 0, fillx", "[][grow][]"));
        nav.setOpaque(false);
        back.getAccessibleContext().setAccessibleName("Previous step");
        next.getAccessibleContext().setAccessibleName("Next step");
        back.setMnemonic('B');
        next.setMnemonic('N');
        back.addActionListener(e -> goBack());
        next.addActionListener(e -> goNext());
        nav.add(back, "sg nav");
        nav.add(next, "skip 1, sg nav");
        add(nav);

        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                if (isShowing()) {
                    pollTimer.start();
                } else {
                    pollTimer.stop();
                }
            }
        });
        updateColours();
        setPack(null);
    }

    /** Sets the engine whose session is checked (call when the app opens a new engine). */
    public void setEngine(MixEngine newEngine) {
        this.engine = newEngine;
        onSessionEdited();
    }

    /** Called to open a session file ("Load this step's session"). */
    public void setOpenSession(Consumer<Path> callback) {
        this.openSession = callback == null ? p -> { } : callback;
    }

    /** Called with an exercise id when the learner opens an exercise from an exercise step. */
    public void setOpenExercise(Consumer<String> callback) {
        this.openExercise = callback == null ? id -> { } : callback;
    }

    /** Called by "All lessons" and after the last step. */
    public void setOnBackToList(Runnable callback) {
        this.onBackToList = callback == null ? () -> { } : callback;
    }

    /** Called whenever a step is marked done (refresh the browser's progress). */
    public void setOnProgress(Runnable callback) {
        this.onProgress = callback == null ? () -> { } : callback;
    }

    /**
     * The app calls this after every edit of the engine's session: the checks are evaluated
     * {@value #EDIT_DELAY_MS} ms after the last call and audio checks measured {@value #AUDIO_DELAY_MS} ms after.
     */
    public void onSessionEdited() {
        editTimer.restart();
        if (hasAudioChecks()) {
            audioTimer.restart();
        }
    }

    /** A {@link Runnable} for {@link #onSessionEdited()}, to hand to the main window. */
    public Runnable sessionEditedListener() {
        return this::onSessionEdited;
    }

    /** Shows a pack from its first not-yet-done step (or the first step). */
    public void setPack(LessonPack newPack) {
        this.pack = newPack;
        stepModel.clear();
        if (newPack == null) {
            packTitle.setText("No lesson open");
            stepCounter.setText(" ");
            page.showMarkdown("Choose a lesson from the list.", null);
            taskCard.setVisible(false);
            exerciseCard.setVisible(false);
            if (drillPanel != null) {
                drillPanel.setVisible(false);
            }
            back.setEnabled(false);
            next.setEnabled(false);
            stepIndex = -1;
            return;
        }
        packTitle.setText(newPack.title());
        packTitle.getAccessibleContext().setAccessibleName("Lesson " + newPack.title());
        for (LessonStep s : newPack.steps()) {
            stepModel.addElement(s);
        }
        int first = 0;
        for (int i = 0; i < newPack.steps().size(); i++) {
            if (!progress.isStepDone(newPack.id(), newPack.steps().get(i).id())) {
                first = i;
                break;
            }
        }
        stepIndex = -1;
        showStep(first);
    }

    /** The pack shown, or null. */
    public LessonPack pack() {
        return pack;
    }

    /** Index of the step shown, or -1. */
    public int stepIndex() {
        return stepIndex;
    }

    /** The step shown, or null. */
    public LessonStep currentStep() {
        return pack == null || stepIndex < 0 ? null : pack.steps().get(stepIndex);
    }

    /** The latest results of the shown task's checks, in order (empty for other steps). */
    public List<CheckResult> checkResults() {
        return results;
    }

    /** The page view (for tests). */
    public PageView page() {
        return page;
    }

    /** The Next button. */
    public JButton nextButton() {
        return next;
    }

    /** The Back button. */
    public JButton backButton() {
        return back;
    }

    /** The confirmation line under the checklist. */
    public String confirmationText() {
        return confirmation.getText();
    }

    /** Shows step {@code index} of the pack. */
    public void showStep(int index) {
        if (pack == null || index < 0 || index >= pack.steps().size()) {
            return;
        }
        stepIndex = index;
        LessonStep step = pack.steps().get(index);
        if (stepList.getSelectedIndex() != index) {
            stepList.setSelectedIndex(index);
        }
        stepList.ensureIndexIsVisible(index);
        stepCounter.setText("Step " + (index + 1) + " of " + pack.steps().size());
        if (step.page() != null) {
            page.showFile(step.page());
        } else {
            page.showMarkdown(defaultPage(step), null);
        }
        measurements = null;
        measurementError = null;
        measuredFingerprint = null;
        lastFingerprint = null;
        measureGeneration++;
        confirmation.setText(" ");
        confirmation.setIcon(null);
        buildTaskCard(step);
        buildExerciseCard(step);
        if (drillPanel != null) {
            boolean drill = step.kind() == LessonStep.Kind.DRILL;
            if (drill) {
                drillPanel.setDrill(step.title(), step.drill());
            } else {
                drillPanel.stopPlayback();
            }
            drillPanel.setVisible(drill);
        }
        back.setEnabled(index > 0);
        next.setText(index == pack.steps().size() - 1 ? "Finish" : "Next");
        next.getAccessibleContext().setAccessibleName(index == pack.steps().size() - 1 ? "Finish the lesson"
                : "Next step");
        updateNext();
        if (step.kind() == LessonStep.Kind.TASK) {
            evaluateNow();
            if (hasAudioChecks()) {
                audioTimer.restart();
            }
        }
        revalidate();
        repaint();
    }

    /** Goes to the previous step. */
    public void goBack() {
        if (stepIndex > 0) {
            showStep(stepIndex - 1);
        }
    }

    /** Goes to the next step (marking a page or exercise step as read), or back to the list after the last. */
    public void goNext() {
        LessonStep step = currentStep();
        if (step == null || !next.isEnabled()) {
            return;
        }
        if (step.kind() == LessonStep.Kind.EXPLAIN || step.kind() == LessonStep.Kind.EXERCISE) {
            markDone(step);
        }
        if (stepIndex < pack.steps().size() - 1) {
            showStep(stepIndex + 1);
        } else {
            onBackToList.run();
        }
    }

    /** Evaluates the task's checks now against the engine's session (Swing thread). */
    public void evaluateNow() {
        LessonStep step = currentStep();
        if (step == null || step.kind() != LessonStep.Kind.TASK) {
            results = List.of();
            return;
        }
        Session s = engine == null ? null : engine.session();
        List<CheckResult> out = new ArrayList<>();
        boolean all = true;
        for (int i = 0; i < step.checks().size(); i++) {
            Check c = step.checks().get(i);
            CheckResult r;
            if (s == null) {
                r = new CheckResult(CheckResult.Status.MISSING, Double.NaN,
                        "Load this step's session to start.");
            } else if (c.kind() == Check.Kind.AUDIO) {
                r = audioResult(c, s);
            } else {
                r = CheckEvaluator.evaluate(c, s);
            }
            out.add(r);
            all &= r.passed();
            if (i < rows.size()) {
                rows.get(i).show(r);
            }
        }
        results = List.copyOf(out);
        if (all && !step.checks().isEmpty()) {
            markDone(step);
            confirmation.setIcon(new StatusIcon(StatusIcon.Kind.DONE, 18));
            confirmation.setForeground(LessonTheme.pass());
            confirmation.setText(stepIndex < pack.steps().size() - 1
                    ? "Every check passes: step complete. Press Next to go on."
                    : "Every check passes: step complete. Press Finish to end the lesson.");
        } else if (progress.isStepDone(pack.id(), step.id())) {
            confirmation.setIcon(null);
            confirmation.setForeground(LessonTheme.secondaryText());
            confirmation.setText("You completed this step before.");
        } else {
            confirmation.setIcon(null);
            confirmation.setText(" ");
        }
        updateNext();
    }

    private CheckResult audioResult(Check c, Session s) {
        if (measurementError != null) {
            return new CheckResult(CheckResult.Status.ERROR, Double.NaN,
                    "The mix could not be measured: " + measurementError);
        }
        if (measurements == null) {
            return new CheckResult(CheckResult.Status.NOT_MEASURED, Double.NaN, "Measuring the mix...");
        }
        CheckResult r = CheckEvaluator.evaluate(c, s, measurements);
        if (r.status() == CheckResult.Status.NOT_MEASURED) {
            return new CheckResult(r.status(), r.value(), unmeasurable(c, s));
        }
        return r;
    }

    /** Why an audio check has no value after a render: usually the insert or strip it measures is missing. */
    private static String unmeasurable(Check c, Session s) {
        if (AudioMeasurements.INSERT_MEASURES.contains(c.measure())) {
            Selector.Parsed p = Selector.parse(c.target(), Boolean.FALSE);
            if (p.ok() && SelectorResolver.findInsert(s, p.selector()) == null) {
                return "Add " + article(p.selector().insertType()) + " " + p.selector().insertType() + " to "
                        + p.selector().stripLabel() + " first.";
            }
        }
        return "This could not be measured: check that the strip exists and is not muted.";
    }

    private static String article(String word) {
        return word != null && !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private void markDone(LessonStep step) {
        if (step == null || pack == null) {
            return;
        }
        if (!progress.isStepDone(pack.id(), step.id())) {
            progress.markStepDone(pack.id(), step.id());
            stepList.repaint();
            onProgress.run();
        }
        updateNext();
    }

    private void updateNext() {
        LessonStep step = currentStep();
        if (step == null) {
            next.setEnabled(false);
            return;
        }
        boolean gated = step.kind() == LessonStep.Kind.TASK;
        next.setEnabled(!gated || progress.isStepDone(pack.id(), step.id()));
        next.setToolTipText(next.isEnabled() ? null : "Make every check pass first (or pick a step in the list)");
    }

    private boolean hasAudioChecks() {
        LessonStep step = currentStep();
        if (step == null || step.kind() != LessonStep.Kind.TASK || measurer == null) {
            return false;
        }
        for (Check c : step.checks()) {
            if (c.kind() == Check.Kind.AUDIO) {
                return true;
            }
        }
        return false;
    }

    private void poll() {
        LessonStep step = currentStep();
        if (step == null || step.kind() != LessonStep.Kind.TASK || engine == null) {
            return;
        }
        String fp = fingerprint(engine.session());
        if (!fp.equals(lastFingerprint)) {
            lastFingerprint = fp;
            evaluateNow();
            if (hasAudioChecks() && !fp.equals(measuredFingerprint)) {
                audioTimer.restart();
            }
        }
    }

    private void measureIfChanged() {
        if (!hasAudioChecks() || engine == null) {
            return;
        }
        if (measuring) {
            measureAgain = true;
            return;
        }
        Session s = engine.session();
        String fp = fingerprint(s);
        if (fp.equals(measuredFingerprint)) {
            return;
        }
        List<Check> audio = new ArrayList<>();
        for (Check c : currentStep().checks()) {
            if (c.kind() == Check.Kind.AUDIO) {
                audio.add(c);
            }
        }
        Session copy = s.copy();
        int gen = ++measureGeneration;
        measuring = true;
        evaluateNow();
        new SwingWorker<AudioMeasurements, Void>() {
            @Override
            protected AudioMeasurements doInBackground() throws Exception {
                return measurer.measure(copy, audio);
            }

            @Override
            protected void done() {
                measuring = false;
                if (gen != measureGeneration) {
                    return;
                }
                try {
                    measurements = get();
                    measurementError = null;
                } catch (Exception e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    measurements = null;
                    measurementError = cause.getMessage() == null ? cause.getClass().getSimpleName()
                            : cause.getMessage();
                }
                measuredFingerprint = fp;
                evaluateNow();
                if (measureAgain) {
                    measureAgain = false;
                    audioTimer.restart();
                }
            }
        }.execute();
    }

    private static String fingerprint(Session s) {
        if (s == null) {
            return "";
        }
        try {
            return SessionIo.toJson(s);
        } catch (RuntimeException e) {
            return Integer.toHexString(System.identityHashCode(s));
        }
    }

    private void buildTaskCard(LessonStep step) {
        rows.clear();
        taskCard.removeAll();
        boolean task = step.kind() == LessonStep.Kind.TASK;
        taskCard.setVisible(task);
        results = List.of();
        if (!task) {
            return;
        }
        taskCard.add(checklistTitle, "span 2, split 2, growx");
        if (pack.startSession() != null) {
            taskCard.add(loadSession, "growx 0");
        } else {
            taskCard.add(new JLabel(""), "growx 0");
        }
        for (int i = 0; i < step.checks().size(); i++) {
            CheckRow r = new CheckRow(step.checks().get(i), i);
            rows.add(r);
            taskCard.add(r.icon, "top, gaptop 2");
            taskCard.add(r.text, "wmin 0");
        }
        taskCard.revalidate();
    }

    private void buildExerciseCard(LessonStep step) {
        exerciseCard.removeAll();
        boolean ex = step.kind() == LessonStep.Kind.EXERCISE;
        exerciseCard.setVisible(ex);
        if (!ex) {
            return;
        }
        JLabel t = new JLabel("Graded exercises");
        t.setFont(LessonTheme.titleFont(1));
        exerciseCard.add(t);
        for (String id : step.exercises()) {
            var best = progress.bestExerciseScore(id);
            JButton b = new JButton("Open exercise " + id + (best.isPresent()
                    ? String.format(java.util.Locale.ROOT, "  (best %.0f)", best.getAsDouble()) : ""));
            b.getAccessibleContext().setAccessibleName("Open exercise " + id);
            b.setHorizontalAlignment(JButton.LEFT);
            b.addActionListener(e -> openExercise.accept(id));
            exerciseCard.add(b, "growx");
        }
        exerciseCard.revalidate();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (packTitle != null) {
            updateColours();
        }
    }

    private void updateColours() {
        packTitle.setFont(LessonTheme.titleFont(4));
        stepCounter.setForeground(LessonTheme.secondaryText());
        checklistTitle.setFont(LessonTheme.titleFont(1));
        for (JPanel card : new JPanel[] {taskCard, exerciseCard}) {
            card.setBackground(LessonTheme.card());
            card.setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
        }
        pageScroll.setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
        for (CheckRow r : rows) {
            r.text.setFont(LessonTheme.baseFont());
        }
    }

    /** The page shown for a drill or exercise step that has none of its own. */
    static String defaultPage(LessonStep step) {
        StringBuilder b = new StringBuilder("# ").append(step.title()).append("\n\n");
        if (step.kind() == LessonStep.Kind.DRILL && step.drill() != null) {
            var spec = org.mixlab.lesson.drill.DrillSpec.of(step.drill().type());
            b.append(spec.description()).append("\n\n");
            b.append("## How it works\n\n");
            b.append("- Press **Start drill**, listen to each version as often as you like, then answer.\n");
            b.append("- Two right answers in a row make the difference smaller; a wrong answer makes it bigger.\n");
            b.append("- The versions are matched in loudness, so *louder* never gives the answer away.\n");
            b.append("- At the end you see your threshold: the smallest ").append(spec.varies())
                    .append(" you can still hear reliably.\n\n");
            b.append("Use headphones or good speakers, and keep the volume the same for the whole drill.\n");
        } else if (step.kind() == LessonStep.Kind.EXERCISE) {
            b.append("Time to show what you have learnt. Each exercise opens a session and gives you a brief. ")
                    .append("Mix it, then press **Submit**: MixLab renders your mix, compares it with the ")
                    .append("reference and gives you a score from 0 to 100 with a line of feedback for each ")
                    .append("part of the rubric.\n\n")
                    .append("You can try again as often as you like; your best score is kept.\n");
        } else if (step.kind() == LessonStep.Kind.TASK) {
            b.append("Make every check in the list below pass.\n");
        }
        return b.toString();
    }

    /** Kind of a step as a short tag for the step list. */
    static String kindTag(LessonStep.Kind k) {
        return switch (k) {
            case EXPLAIN -> "Read";
            case TASK -> "Task";
            case DRILL -> "Ear training";
            case EXERCISE -> "Exercises";
        };
    }

    /** One check: a live tick and a two-line text (label, then what to change). */
    private static final class CheckRow {
        final Check check;
        final JLabel icon = new JLabel();
        final JTextArea text = new JTextArea();

        CheckRow(Check check, int index) {
            this.check = check;
            LessonTheme.readOnlyText(text);
            text.setFocusable(true);
            text.setFont(LessonTheme.baseFont());
            text.setName("check-" + index);
            icon.setName("check-icon-" + index);
            icon.setIcon(new StatusIcon(StatusIcon.Kind.OPEN, 18));
            text.setText(title());
        }

        String title() {
            if (check.label() != null && !check.label().isBlank()) {
                return check.label();
            }
            return switch (check.kind()) {
                case SETTING -> check.selector();
                case RELATIVE -> check.a() + " against " + check.b();
                case EXISTS -> (check.present() ? "" : "No ") + check.selector();
                case EQ_BAND -> "EQ band on " + check.selector();
                case AUDIO -> check.measure() + " of " + check.target();
            };
        }

        void show(CheckResult r) {
            StatusIcon.Kind k = switch (r.status()) {
                case PASSED -> StatusIcon.Kind.DONE;
                case NOT_MEASURED, INACTIVE -> StatusIcon.Kind.PENDING;
                case FAILED, MISSING, ERROR -> StatusIcon.Kind.FAILED;
            };
            if (!(icon.getIcon() instanceof StatusIcon si) || si.kind() != k) {
                icon.setIcon(new StatusIcon(k, 18));
            }
            String t = title() + (r.passed() ? "" : "\n" + r.message());
            if (!t.equals(text.getText())) {
                text.setText(t);
            }
            String state = r.passed() ? "passed" : r.status() == CheckResult.Status.NOT_MEASURED ? "not measured yet"
                    : "not yet";
            text.getAccessibleContext().setAccessibleName(title() + ": " + state);
            text.getAccessibleContext().setAccessibleDescription(r.message());
            icon.getAccessibleContext().setAccessibleName(state);
        }
    }

    /** Renders a step: done tick, number, title and kind. */
    private final class StepRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                      boolean focus) {
            super.getListCellRendererComponent(list, value, index, selected, focus);
            LessonStep s = (LessonStep) value;
            boolean done = pack != null && progress.isStepDone(pack.id(), s.id());
            setIcon(new StatusIcon(done ? StatusIcon.Kind.DONE : StatusIcon.Kind.OPEN, 16));
            setIconTextGap(8);
            String tagColour = LessonTheme.css(selected ? getForeground() : LessonTheme.secondaryText());
            setText("<html>" + (index + 1) + ".&nbsp;&nbsp;" + escape(s.title()) + "&nbsp;&nbsp;<span style='color:"
                    + tagColour + "'>" + kindTag(s.kind()) + "</span></html>");
            getAccessibleContext().setAccessibleName((index + 1) + ". " + s.title() + ", " + kindTag(s.kind())
                    + (done ? ", done" : ""));
            setBorder(BorderFactory.createEmptyBorder(3, 6, 3, 6));
            return this;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
