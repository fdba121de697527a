package org.mixlab.ui.lesson;

import java.awt.event.HierarchyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.playback.Transport;
import org.mixlab.lesson.LessonStep;
import org.mixlab.lesson.drill.DrillGenerator;
import org.mixlab.lesson.drill.DrillQuestion;
import org.mixlab.lesson.drill.DrillSpec;
import org.mixlab.lesson.drill.DrillType;
import org.mixlab.lesson.drill.Staircase;

/**
 * Runs an ear-training drill: a question at the staircase's level, its versions rendered offline (loudness-matched)
 * and played on the drill's own transport (silent clock when there is no sound device), answer buttons, feedback
 * with the true answer, and at the end the threshold in the drill's unit, saved through {@link ProgressView}.
 * Playback stops when the panel is hidden.
 */
public final class DrillPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    /** Sample rate of pink-noise drills, Hz. */
    public static final double NOISE_RATE = 44_100;

    private final transient ProgressView progress;
    private final transient Function<String, StemExcerpt> stems;
    private final JLabel title = new JLabel("Ear training");
    private final JTextArea prompt = text();
    private final JLabel status = new JLabel(" ");
    private final JProgressBar bar = new JProgressBar();
    private final JPanel playRow = new JPanel(new MigLayout("insets 0, gap 8", ""));
    private final JPanel answerRow = new JPanel(new MigLayout("insets 0, gap 8 8, wrap 4", "[sg a, fill]"));
    private final JLabel feedback = new JLabel(" ");
    private final JTextArea detail = text();
    private final JLabel result = new JLabel(" ");
    private final JButton start = new JButton("Start drill");
    private final List<JButton> playButtons = new ArrayList<>();
    private final List<JButton> answerButtons = new ArrayList<>();
    private final Timer playTimer;

    private transient LessonStep.Drill drill;
    private transient DrillSpec spec;
    private transient Staircase staircase;
    private transient DrillGenerator generator;
    private transient DrillQuestion question;
    private transient List<float[][]> rendered = List.of();
    private transient float[][] sourceAudio;
    private double sourceRate = NOISE_RATE;
    private transient String sourceNote = "";
    private transient Transport transport;
    private double transportRate;
    private final transient AtomicReference<float[][]> pending = new AtomicReference<>();
    private transient float[][] current;
    private int playPos;
    private long playingUntilNanos;
    private int playingIndex = -1;
    private boolean busy;
    private int generation;
    private long seed = System.nanoTime();
    private transient Consumer<DrillPanel> onFinished = d -> { };
    private transient Runnable onPlay = () -> { };

    /**
     * A stem excerpt for "stem:&lt;role&gt;" drills.
     *
     * @param planar audio, 1 or 2 channels
     * @param rate   its sample rate, Hz
     */
    public record StemExcerpt(float[][] planar, double rate) { }

    /**
     * Creates the panel.
     *
     * @param progress where the threshold is saved
     * @param stems    gives the audio of a track by role ("bass"), or null when there is none (pink noise is used)
     */
    public DrillPanel(ProgressView progress, Function<String, StemExcerpt> stems) {
        super(new MigLayout("insets 12 14 12 14, fillx, gap 0 8, wrap 1", "[grow, fill]"));
        this.progress = progress;
        this.stems = stems == null ? r -> null : stems;
        getAccessibleContext().setAccessibleName("Ear-training drill");
        playTimer = new Timer(100, e -> updatePlaying());
        add(title);
        add(prompt, "wmin 0");
        add(status, "split 2, wmin 0, growx");
        add(bar, "w 120!, h 6!");
        playRow.setOpaque(false);
        answerRow.setOpaque(false);
        add(playRow, "gaptop 4");
        add(answerRow, "gaptop 2");
        add(feedback, "gaptop 4, wmin 0");
        add(detail, "wmin 0");
        add(result, "wmin 0");
        add(start, "gaptop 6, growx 0");
        start.getAccessibleContext().setAccessibleName("Start the drill");
        start.addActionListener(e -> startDrill());
        bar.getAccessibleContext().setAccessibleName("Drill progress");
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && !isShowing()) {
                stopPlayback();
            }
        });
        for (int i = 1; i <= 9; i++) {
            final int idx = i - 1;
            String key = "answer" + i;
            getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(javax.swing.KeyStroke.getKeyStroke((char) ('0' + i)),
                    key);
            getActionMap().put(key, new javax.swing.AbstractAction() {
                private static final long serialVersionUID = 1L;

                @Override
                public void actionPerformed(java.awt.event.ActionEvent e) {
                    answer(idx);
                }
            });
        }
        updateColours();
        setDrill("Ear training", null);
    }

    /** Called when a drill finishes (after the threshold is saved). */
    public void setOnFinished(Consumer<DrillPanel> listener) {
        this.onFinished = listener == null ? d -> { } : listener;
    }

    /** Called before a drill version starts playing (the app stops the song so the two never overlap). */
    public void setOnPlay(Runnable listener) {
        this.onPlay = listener == null ? () -> { } : listener;
    }

    /** Fixes the random seed of the next drills (reproducible questions, for tests and classes). */
    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** Shows a drill ready to start (nothing plays until Start). */
    public void setDrill(String stepTitle, LessonStep.Drill newDrill) {
        stopPlayback();
        generation++;
        this.drill = newDrill;
        this.staircase = null;
        this.question = null;
        this.rendered = List.of();
        this.sourceAudio = null;
        title.setText(stepTitle);
        clearButtons();
        feedback.setText(" ");
        detail.setText("");
        result.setText(" ");
        bar.setValue(0);
        if (newDrill == null) {
            spec = null;
            prompt.setText("No drill selected.");
            status.setText(" ");
            start.setEnabled(false);
            return;
        }
        spec = DrillSpec.of(newDrill.type());
        prompt.setText(spec.description() + " Listen to each version, then answer. The difference gets smaller"
                + " as you get it right, and bigger when you miss.");
        var last = progress.drillThreshold(newDrill.type().json());
        status.setText(last.isPresent() ? "Your last threshold: " + levelText(newDrill.type(), last.getAsDouble())
                : "About " + (int) setting("trials", 40) + " questions.");
        start.setText("Start drill");
        start.setEnabled(true);
    }

    /** Starts (or restarts) the drill. */
    public void startDrill() {
        if (spec == null) {
            return;
        }
        double startLevel = setting("startLevel", Double.NaN);
        staircase = spec.staircase(startLevel, (int) setting("reversals", 8), (int) setting("trials", 40));
        generator = new DrillGenerator(spec, drill.source(), drill.settings(), seed++);
        sourceAudio = null;
        result.setText(" ");
        feedback.setText(" ");
        detail.setText("");
        start.setText("Start again");
        nextQuestion();
    }

    /** The question being asked, or null. */
    public DrillQuestion question() {
        return question;
    }

    /** The staircase of the running drill, or null before Start. */
    public Staircase staircase() {
        return staircase;
    }

    /** True while a question is being rendered. */
    public boolean isBusy() {
        return busy;
    }

    /** True when a question is rendered and waiting for an answer. */
    public boolean isReady() {
        return !busy && question != null && !rendered.isEmpty() && staircase != null && !staircase.isFinished();
    }

    /** The rendered versions of the current question (stereo planar), for tests. */
    public List<float[][]> renderedVersions() {
        return List.copyOf(rendered);
    }

    /** The feedback line after the last answer. */
    public String feedbackText() {
        return feedback.getText();
    }

    /** The result line (the threshold) once the drill is finished, else blank. */
    public String resultText() {
        return result.getText();
    }

    /** Plays version {@code index} of the current question from its start. */
    public void play(int index) {
        if (!isReady() || index < 0 || index >= rendered.size()) {
            return;
        }
        float[][] buf = rendered.get(index);
        onPlay.run();
        ensureTransport();
        pending.set(buf);
        transport.start();
        playingIndex = index;
        playingUntilNanos = System.nanoTime() + (long) (buf[0].length / transportRate * 1e9) + 200_000_000L;
        playTimer.start();
        updatePlaying();
    }

    /** Answers the current question with choice {@code index}. */
    public void answer(int index) {
        if (!isReady() || index < 0 || index >= question.choices().size()) {
            return;
        }
        boolean correct = question.isCorrect(index);
        String truth = question.choices().get(question.correctIndex());
        staircase.record(correct);
        feedback.setForeground(correct ? LessonTheme.pass() : LessonTheme.fail());
        feedback.setIcon(new StatusIcon(correct ? StatusIcon.Kind.DONE : StatusIcon.Kind.FAILED, 16));
        feedback.setText((correct ? "Correct: " : "Not this time: ") + truthText(truth) + ".");
        feedback.getAccessibleContext().setAccessibleName(feedback.getText());
        detail.setText("Last question: " + question.stimulus() + sourceNote);
        if (staircase.isFinished()) {
            finish();
        } else {
            nextQuestion();
        }
    }

    /** Stops the drill's playback (also done when the panel is hidden). */
    public void stopPlayback() {
        if (transport != null) {
            transport.stop();
        }
        playTimer.stop();
        playingIndex = -1;
        updatePlayButtons();
    }

    @Override
    public void removeNotify() {
        stopPlayback();
        super.removeNotify();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (title != null) {
            updateColours();
        }
    }

    private void nextQuestion() {
        stopPlayback();
        DrillQuestion q = generator.next(staircase.level());
        int gen = ++generation;
        busy = true;
        setAnswerEnabled(false);
        status.setText("Preparing question " + (staircase.trials() + 1) + "...");
        final float[][] knownSource = sourceAudio;
        final double knownRate = sourceRate;
        final LessonStep.Drill d = drill;
        final long noiseSeed = seed + staircase.trials() * 7919L;
        new SwingWorker<Rendered, Void>() {
            @Override
            protected Rendered doInBackground() {
                float[][] src = knownSource;
                double rate = knownRate;
                String note = "";
                if (src == null) {
                    StemExcerpt stem = null;
                    String source = d.source() == null ? "pink-noise" : d.source();
                    if (source.startsWith("stem:")) {
                        stem = stems.apply(source.substring(5));
                        if (stem == null) {
                            note = " (the " + source.substring(5) + " stem is not available, so pink noise is used)";
                        }
                    }
                    if (stem != null) {
                        rate = stem.rate();
                        src = DrillAudio.loudestExcerpt(stem.planar(), rate, DrillAudio.STEM_SECONDS);
                    } else {
                        rate = NOISE_RATE;
                        src = new float[][] {DrillAudio.pinkNoise(DrillAudio.NOISE_SECONDS, rate, noiseSeed)};
                    }
                }
                return new Rendered(src, rate, note, DrillAudio.render(q, src, rate, d.settings()));
            }

            @Override
            protected void done() {
                if (gen != generation) {
                    return;
                }
                busy = false;
                try {
                    Rendered r = get();
                    sourceAudio = r.source;
                    if (r.rate != sourceRate && transport != null) {
                        transport.stop();
                        transport = null;
                    }
                    sourceRate = r.rate;
                    if (!r.note.isEmpty()) {
                        sourceNote = r.note;
                    }
                    showQuestion(q, r.versions);
                } catch (Exception e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    status.setText("The question could not be prepared: " + cause.getMessage());
                }
            }
        }.execute();
    }

    private record Rendered(float[][] source, double rate, String note, List<float[][]> versions) { }

    private void showQuestion(DrillQuestion q, List<float[][]> versions) {
        question = q;
        rendered = versions;
        clearButtons();
        for (int i = 0; i < q.versions().size(); i++) {
            String label = q.versions().get(i).label();
            JButton b = new JButton(q.versions().size() == 1 ? "Play" : "Play " + label);
            final int idx = i;
            b.addActionListener(e -> play(idx));
            b.getAccessibleContext().setAccessibleName(q.versions().size() == 1 ? "Play the example"
                    : "Play version " + label);
            b.setName("play-" + i);
            if (label.length() == 1) {
                b.setMnemonic(label.charAt(0));
            }
            playButtons.add(b);
            playRow.add(b);
        }
        for (int i = 0; i < q.choices().size(); i++) {
            String label = q.choices().get(i);
            JButton b = new JButton(label);
            final int idx = i;
            b.addActionListener(e -> answer(idx));
            b.getAccessibleContext().setAccessibleName("Answer " + label);
            if (i < 9) {
                b.setToolTipText("Answer " + label + " (key " + (i + 1) + ")");
            }
            b.setName("answer-" + i);
            answerButtons.add(b);
            answerRow.add(b);
        }
        prompt.setText(q.prompt());
        status.setText("Question " + (staircase.trials() + 1) + " \u00b7 " + spec.varies() + " "
                + levelText(q.type(), q.level()));
        bar.setMaximum(Math.max(1, (int) setting("reversals", 8)));
        bar.setValue(staircase.reversals());
        playRow.revalidate();
        answerRow.revalidate();
        repaint();
        setAnswerEnabled(true);
    }

    private void finish() {
        stopPlayback();
        double threshold = staircase.threshold();
        DrillType type = drill.type();
        progress.saveDrillThreshold(type.json(), threshold, staircase.trials());
        clearButtons();
        bar.setValue(bar.getMaximum());
        status.setText("Finished after " + staircase.trials() + " questions.");
        result.setText(thresholdSentence(type, threshold));
        result.getAccessibleContext().setAccessibleName(result.getText());
        start.setText("Start again");
        onFinished.accept(this);
    }

    /** The learner-facing sentence for a threshold, e.g. "You hear a boost down to +3.5 dB." */
    public static String thresholdSentence(DrillType type, double t) {
        return switch (type) {
            case EQ_BAND -> "You hear an octave-band boost down to " + levelText(type, t) + ".";
            case COMPRESSION -> "You hear compression down to a ratio of " + levelText(type, t) + ".";
            case PAN -> "You hear a pan of " + levelText(type, t) + " away from the centre.";
            case REVERB_AMOUNT -> "You hear a reverb send difference down to " + levelText(type, t) + ".";
            case SATURATION -> "You hear saturation down to " + levelText(type, t) + " of drive.";
            case LEVEL -> "You hear a level difference down to " + levelText(type, t) + ".";
        };
    }

    /** A level in the drill type's unit, e.g. "+3.5 dB", "2.3:1", "8 %". */
    public static String levelText(DrillType type, double v) {
        return switch (type) {
            case EQ_BAND -> String.format(Locale.ROOT, "+%.1f dB", v);
            case COMPRESSION -> String.format(Locale.ROOT, "%.1f:1", v);
            case PAN -> String.format(Locale.ROOT, "%.0f %%", v);
            case REVERB_AMOUNT, SATURATION, LEVEL -> String.format(Locale.ROOT, "%.1f dB", v);
        };
    }

    private String truthText(String choice) {
        return switch (question.type()) {
            case EQ_BAND -> "the boost was at " + choice;
            case PAN -> "it was " + choice.toLowerCase(Locale.ROOT) + " of centre";
            default -> "it was version " + choice;
        };
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private double setting(String name, double def) {
        if (drill == null) {
            return def;
        }
        Map<String, Double> m = drill.settings();
        Double v = m == null ? null : m.get(name);
        return v == null || v.isNaN() ? def : v;
    }

    private void clearButtons() {
        playButtons.clear();
        answerButtons.clear();
        playRow.removeAll();
        answerRow.removeAll();
        playRow.revalidate();
        answerRow.revalidate();
    }

    private void setAnswerEnabled(boolean on) {
        for (JButton b : answerButtons) {
            b.setEnabled(on);
        }
        for (JButton b : playButtons) {
            b.setEnabled(on);
        }
    }

    private void ensureTransport() {
        if (transport == null) {
            transportRate = sourceRate;
            transport = new Transport(sourceRate, 512, 40, this::renderBlock);
        }
    }

    /** The drill transport's audio callback: copies from the buffer being played, then silence. */
    private void renderBlock(float[] left, float[] right, int n) {
        float[][] next = pending.getAndSet(null);
        if (next != null) {
            current = next;
            playPos = 0;
        }
        float[][] buf = current;
        int len = buf == null ? 0 : buf[0].length;
        for (int i = 0; i < n; i++) {
            int p = playPos + i;
            if (p < len) {
                left[i] = buf[0][p];
                right[i] = buf[1][p];
            } else {
                left[i] = 0f;
                right[i] = 0f;
            }
        }
        playPos = Math.min(len, playPos + n);
    }

    private void updatePlaying() {
        if (playingIndex >= 0 && System.nanoTime() > playingUntilNanos) {
            stopPlayback();
            return;
        }
        updatePlayButtons();
    }

    private void updatePlayButtons() {
        for (int i = 0; i < playButtons.size(); i++) {
            JButton b = playButtons.get(i);
            boolean on = i == playingIndex;
            b.putClientProperty("JButton.buttonType", null);
            b.setForeground(on ? LessonTheme.accent() : null);
            b.setFont(on ? b.getFont().deriveFont(java.awt.Font.BOLD) : b.getFont().deriveFont(java.awt.Font.PLAIN));
        }
    }

    private void updateColours() {
        setBackground(LessonTheme.card());
        setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
        title.setFont(LessonTheme.titleFont(3));
        prompt.setFont(LessonTheme.baseFont().deriveFont(LessonTheme.baseFont().getSize2D() + 1f));
        status.setForeground(LessonTheme.secondaryText());
        detail.setForeground(LessonTheme.secondaryText());
        detail.setFont(LessonTheme.baseFont().deriveFont(LessonTheme.baseFont().getSize2D() - 1f));
        result.setFont(LessonTheme.titleFont(2));
        result.setForeground(LessonTheme.accent());
        bar.setForeground(LessonTheme.accent());
    }

    private static JTextArea text() {
        JTextArea t = new JTextArea();
        LessonTheme.readOnlyText(t);
        return t;
    }
}
