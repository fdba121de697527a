package org.mixlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFileChooser;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.mixlab.classroom.ExerciseHash;
import org.mixlab.classroom.FolderExerciseCatalog;
import org.mixlab.classroom.Gradebook;
import org.mixlab.classroom.ProfileStore;
import org.mixlab.classroom.ScorerGrader;
import org.mixlab.classroom.StudentProfile;
import org.mixlab.classroom.Submission;
import org.mixlab.classroom.SubmissionIo;
import org.mixlab.engine.io.StemCache;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.SessionIo;
import org.mixlab.lesson.LessonPack;
import org.mixlab.lesson.LessonPackLoader;
import org.mixlab.ui.classroom.ClassroomGradebook;
import org.mixlab.ui.classroom.ClassroomProfiles;
import org.mixlab.ui.classroom.ClassroomProgress;
import org.mixlab.ui.classroom.ProfileDialog;
import org.mixlab.ui.classroom.SwitchProfileDialog;
import org.mixlab.ui.classroom.TeacherViewDialog;
import org.mixlab.ui.lesson.DrillPanel;
import org.mixlab.ui.lesson.DrillSources;
import org.mixlab.ui.lesson.ExercisePanel;
import org.mixlab.ui.lesson.InMemoryProgress;
import org.mixlab.ui.lesson.LessonsDock;
import org.mixlab.ui.lesson.RenderedMeasurements;
import org.mixlab.ui.lesson.ScoringExercises;
import org.mixlab.ui.lesson.SwitchableProgress;

/**
 * Puts the teaching side into the main window: the Lessons and Exercise dock on the right, the student's profile and
 * progress, hand-in of graded exercises, and the teacher's view of a class's submissions (Class menu).
 */
public final class LearningShell {
    /** Width of the lessons dock, px. */
    public static final int DOCK_WIDTH = 430;
    private static final String PREF_HANDIN = "handInFolder";
    private static final String APP_VERSION = "0.1.0";

    private final MainWindow window;
    private final Path root;
    private final StemCache stems;
    private final ProfileStore store;
    private final Preferences prefs;
    private final SwitchableProgress progress = new SwitchableProgress();
    private final LessonsDock lessons;
    private final ExercisePanel exercise;
    private final JTabbedPane tabs = new JTabbedPane();
    private final ScoringExercises.Library library;
    private ClassroomProgress classroomProgress;
    private final ClassroomProfiles profiles;

    /**
     * Builds the screens and adds them to {@code window}.
     *
     * @param store the profile store, or null to keep progress in memory only (tests)
     */
    public LearningShell(MainWindow window, Path root, StemCache stems, ProfileStore store, Preferences prefs) {
        this(window, root, stems, store, prefs, new LessonPackLoader(root, false).loadAll().packs());
    }

    /** As above, with the lesson packs already loaded (the launcher loads them while the window is built). */
    public LearningShell(MainWindow window, Path root, StemCache stems, ProfileStore store, Preferences prefs,
                         List<LessonPack> packs) {
        this.window = window;
        this.root = root;
        this.stems = stems;
        this.store = store;
        this.prefs = prefs;
        this.profiles = store == null ? null : new ClassroomProfiles(store);
        progress.setTarget(new InMemoryProgress());
        DrillPanel drill = new DrillPanel(progress, DrillSources.fromEngine(window::engine, stems));
        drill.setOnPlay(() -> window.engine().stop());
        lessons = new LessonsDock(packs, window.engine(), progress, new RenderedMeasurements(stems), drill);
        exercise = new ExercisePanel(window.engine(), progress);
        library = new ScoringExercises.Library(root, stems);
        lessons.player().setOpenSession(this::openSession);
        exercise.setOpenSession(this::openSession);
        lessons.player().setOpenExercise(this::showExercise);
        exercise.setOnGraded((brief, session, grade) -> handIn(brief.id(), brief.dir(), session, grade.score()));
        if (window.engine() instanceof TrackedEngine) {
            ((TrackedEngine) window.engine()).addListener(new TrackedEngine.Listener() {
                @Override
                public void edited() {
                    lessons.onSessionEdited();
                }

                @Override
                public void structureChanged() {
                    lessons.onSessionEdited();
                }
            });
        }
        tabs.setName("learnTabs");
        tabs.addTab("Lessons", lessons);
        tabs.addTab("Exercise", exercise);
        tabs.getAccessibleContext().setAccessibleName("Lessons and exercises");
        window.addRightDock(tabs, DOCK_WIDTH);
        window.setShortcutFilter(c -> SwingUtilities.getAncestorOfClass(DrillPanel.class, c) != null);
        addMenus();
    }

    /** The lessons dock. */
    public LessonsDock lessons() {
        return lessons;
    }

    /** The exercise panel. */
    public ExercisePanel exercise() {
        return exercise;
    }

    /** Asks for a profile when there is none (first launch), then loads that student's progress. */
    public void chooseProfileIfNeeded() {
        if (profiles == null) {
            return;
        }
        if (store.current().isEmpty()) {
            new ProfileDialog(window, profiles, true).showDialog();
        }
        loadProgress();
    }

    private void loadProgress() {
        Optional<StudentProfile> p = store.current();
        if (p.isEmpty()) {
            return;
        }
        try {
            ClassroomProgress next = new ClassroomProgress(store.progress(p.get()),
                    msg -> SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(window, msg, "Progress",
                            JOptionPane.WARNING_MESSAGE)));
            progress.setTarget(next);
            if (classroomProgress != null) {
                classroomProgress.close();
            }
            classroomProgress = next;
            lessons.browser().refresh();
            window.setStatusNote("Student: " + p.get().name() + " (" + p.get().classCode() + ")");
        } catch (IOException e) {
            JOptionPane.showMessageDialog(window, "Progress could not be read: " + e.getMessage(), "Progress",
                    JOptionPane.WARNING_MESSAGE);
        }
    }

    private void addMenus() {
        JMenu learn = new JMenu("Learn");
        learn.setName("menu.learn");
        JCheckBoxMenuItem show = new JCheckBoxMenuItem("Show lessons", true);
        show.setName("menu.learn.show");
        show.setAccelerator(KeyStroke.getKeyStroke("control L"));
        show.addActionListener(e -> {
            tabs.setVisible(show.isSelected());
            tabs.getParent().revalidate();
        });
        learn.add(show);
        JMenuItem list = new JMenuItem("All lessons");
        list.setName("menu.learn.list");
        list.addActionListener(e -> {
            tabs.setSelectedComponent(lessons);
            lessons.showList();
        });
        learn.add(list);
        learn.add(exercisesMenu());
        learn.addSeparator();
        JMenuItem refAudio = new JMenuItem("Load reference audio…");
        refAudio.setName("menu.learn.referenceAudio");
        refAudio.addActionListener(e -> loadReferenceAudio());
        learn.add(refAudio);
        JMenu cls = new JMenu("Class");
        cls.setName("menu.class");
        if (profiles != null) {
            JMenuItem sw = new JMenuItem("Switch profile…");
            sw.setName("menu.class.switchProfile");
            sw.addActionListener(e -> {
                new SwitchProfileDialog(window, profiles).showDialog();
                loadProgress();
            });
            cls.add(sw);
        }
        JMenuItem handIn = new JMenuItem("Hand-in folder…");
        handIn.setName("menu.class.handIn");
        handIn.addActionListener(e -> chooseHandInFolder());
        cls.add(handIn);
        cls.addSeparator();
        JMenuItem author = new JMenuItem("Save this mix as an exercise…");
        author.setName("menu.class.saveExercise");
        author.addActionListener(e -> saveMixAsExercise());
        cls.add(author);
        JMenuItem pack = new JMenuItem("New lesson pack…");
        pack.setName("menu.class.newPack");
        pack.addActionListener(e -> newLessonPack());
        cls.add(pack);
        JMenuItem teacher = new JMenuItem("Teacher view…");
        teacher.setName("menu.class.teacher");
        teacher.addActionListener(e -> {
            Path ex = root.resolve("exercises");
            Gradebook gb = new Gradebook(new FolderExerciseCatalog(ex), ScorerGrader.forExercises(ex));
            new TeacherViewDialog(window, new ClassroomGradebook(gb)).setVisible(true);
        });
        cls.add(teacher);
        int helpIndex = window.getJMenuBar().getMenuCount() - 1;
        window.getJMenuBar().add(learn, helpIndex);
        window.getJMenuBar().add(cls, helpIndex + 1);
        window.getJMenuBar().revalidate();
    }

    /** Asks for an id, a title and a tool; null when cancelled. */
    private String[] askIdTitleTool(String heading) {
        javax.swing.JTextField id = new javax.swing.JTextField(24);
        id.setName("author.id");
        javax.swing.JTextField title = new javax.swing.JTextField(24);
        title.setName("author.title");
        javax.swing.JComboBox<String> tool = new javax.swing.JComboBox<>(
                org.mixlab.classroom.ExerciseAuthoring.TOOLS.toArray(new String[0]));
        tool.setName("author.tool");
        javax.swing.JPanel p = new javax.swing.JPanel(new net.miginfocom.swing.MigLayout("insets 0, wrap 2",
                "[][grow, fill]"));
        p.add(new javax.swing.JLabel("Id (letters, digits, -)"));
        p.add(id);
        p.add(new javax.swing.JLabel("Title"));
        p.add(title);
        p.add(new javax.swing.JLabel("Tool"));
        p.add(tool);
        int ok = JOptionPane.showConfirmDialog(window, p, heading, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE);
        if (ok != JOptionPane.OK_OPTION) {
            return null;
        }
        return new String[] {id.getText().trim(), title.getText().trim(), (String) tool.getSelectedItem()};
    }

    /**
     * Teacher authoring: the session as last opened or saved is the student's start, the mix as it is now is the
     * reference; the rubric is derived from what changed, and the new exercise is validated at once.
     */
    private void saveMixAsExercise() {
        Path file = window.sessionFile();
        if (file == null) {
            JOptionPane.showMessageDialog(window, "Open or save a session first: it becomes the students' start.",
                    "Save as exercise", JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        String[] a = askIdTitleTool("Save this mix as an exercise reference");
        if (a == null) {
            return;
        }
        try {
            Session start = SessionIo.load(file, List.of(root));
            Session reference = window.engine().session().copy();
            Path dir = org.mixlab.classroom.ExerciseAuthoring.saveAsExercise(start, reference,
                    root.resolve("exercises"), a[0], a[1], a[2]);
            new org.mixlab.scoring.ExerciseLoader(root).load(dir);
            JOptionPane.showMessageDialog(window, "Saved and validated: " + root.relativize(dir)
                    + ". Students start from the opened session; the rubric follows what you changed.",
                    "Save as exercise", JOptionPane.INFORMATION_MESSAGE);
        } catch (org.mixlab.scoring.ExerciseException ex) {
            JOptionPane.showMessageDialog(window, String.join("\n", ex.problems()), "The new exercise has problems",
                    JOptionPane.ERROR_MESSAGE);
        } catch (IOException | RuntimeException ex) {
            JOptionPane.showMessageDialog(window, "Could not save the exercise: " + ex.getMessage(),
                    "Save as exercise", JOptionPane.ERROR_MESSAGE);
        }
    }

    /** Teacher authoring: writes a lesson pack from the template under lessons/ and validates it. */
    private void newLessonPack() {
        String[] a = askIdTitleTool("New lesson pack");
        if (a == null) {
            return;
        }
        try {
            Path dir = org.mixlab.classroom.LessonPackTemplate.create(root.resolve("lessons"), a[0], a[1], a[2]);
            var result = new LessonPackLoader(root, false).load(dir);
            long errors = result.problems().stream().filter(org.mixlab.lesson.Problem::isError).count();
            JOptionPane.showMessageDialog(window, "Created " + root.relativize(dir) + " (" + errors
                    + " problems). Edit its pack.json and pages; `mixlab validate` checks them.", "New lesson pack",
                    JOptionPane.INFORMATION_MESSAGE);
        } catch (IOException | RuntimeException ex) {
            JOptionPane.showMessageDialog(window, "Could not create the pack: " + ex.getMessage(), "New lesson pack",
                    JOptionPane.ERROR_MESSAGE);
        }
    }

    /** Lets the learner compare against any WAV/AIFF (a commercial track, last week's mix) as the reference. */
    private void loadReferenceAudio() {
        JFileChooser fc = new JFileChooser(root.resolve("audio").toFile());
        fc.setDialogTitle("Reference audio (WAV or AIFF)");
        fc.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter("WAV or AIFF audio", "wav", "aif",
                "aiff", "aifc"));
        if (fc.showOpenDialog(window) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path f = fc.getSelectedFile().toPath();
        try {
            float[][] audio = stems.loadFile(f, window.engine().sampleRate());
            window.engine().setReferenceAudio(audio);
            window.setStatusNote("Reference: " + f.getFileName());
        } catch (IOException ex) {
            JOptionPane.showMessageDialog(window, ex.getMessage(), "Reference audio", JOptionPane.ERROR_MESSAGE);
        }
    }

    private void chooseHandInFolder() {
        JFileChooser fc = new JFileChooser(prefs.get(PREF_HANDIN, System.getProperty("user.home")));
        fc.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        fc.setDialogTitle("Folder for your graded exercises (a shared drive or an LMS upload folder)");
        if (fc.showOpenDialog(window) == JFileChooser.APPROVE_OPTION) {
            prefs.put(PREF_HANDIN, fc.getSelectedFile().toPath().toString());
        }
    }

    /** Opens a session from a lesson or exercise; a song session's reference mix becomes the A/B reference. */
    private void openSession(Path file) {
        if (!window.openSession(file)) {
            return;
        }
        Path ref = file.toAbsolutePath().getParent().resolve("reference.session.json");
        MixEngine e = window.engine();
        if (Files.isRegularFile(ref) && !ref.equals(file.toAbsolutePath())) {
            try {
                e.setReferenceSession(SessionIo.load(ref, List.of(root)));
            } catch (IOException ex) {
                window.setStatusNote("Reference not loaded: " + ex.getMessage());
            }
        }
    }

    /** Tools in the order the lessons teach them (the Exercises menu groups by tool in this order). */
    private static final List<String> TOOL_ORDER =
            List.of("balance", "pan", "tone", "dynamics", "saturation", "effects", "mastering");

    /**
     * Learn > Exercises: every installed exercise grouped by tool, read on a worker the first time the menu opens
     * (nothing is read at start-up).
     */
    private JMenu exercisesMenu() {
        JMenu menu = new JMenu("Exercises");
        menu.setName("menu.learn.exercises");
        JMenuItem loading = new JMenuItem("Loading…");
        loading.setEnabled(false);
        menu.add(loading);
        menu.addMenuListener(new javax.swing.event.MenuListener() {
            private boolean started;

            @Override
            public void menuSelected(javax.swing.event.MenuEvent e) {
                if (started) {
                    return;
                }
                started = true;
                List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
                new javax.swing.SwingWorker<List<org.mixlab.scoring.Exercise>, Void>() {
                    @Override
                    protected List<org.mixlab.scoring.Exercise> doInBackground() throws Exception {
                        return library.all(problems::add);
                    }

                    @Override
                    protected void done() {
                        List<org.mixlab.scoring.Exercise> all;
                        try {
                            all = get();
                        } catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
                            all = List.of();
                            problems.add("The exercises could not be read: " + ex.getMessage());
                        }
                        fillExercises(menu, all, problems);
                    }
                }.execute();
            }

            @Override
            public void menuDeselected(javax.swing.event.MenuEvent e) {
            }

            @Override
            public void menuCanceled(javax.swing.event.MenuEvent e) {
            }
        });
        return menu;
    }

    private void fillExercises(JMenu menu, List<org.mixlab.scoring.Exercise> all, List<String> problems) {
        menu.removeAll();
        java.util.Map<String, List<org.mixlab.scoring.Exercise>> byTool = new java.util.TreeMap<>(
                java.util.Comparator.comparingInt((String t) -> TOOL_ORDER.contains(t) ? TOOL_ORDER.indexOf(t)
                        : TOOL_ORDER.size()).thenComparing(t -> t));
        for (org.mixlab.scoring.Exercise ex : all) {
            byTool.computeIfAbsent(ex.tool(), t -> new java.util.ArrayList<>()).add(ex);
        }
        byTool.forEach((tool, list) -> {
            JMenu sub = new JMenu(tool.isEmpty() ? tool : Character.toUpperCase(tool.charAt(0)) + tool.substring(1));
            sub.setName("menu.learn.exercises." + tool);
            for (org.mixlab.scoring.Exercise ex : list) {
                JMenuItem item = new JMenuItem(ex.title() + "  (" + "\u2605".repeat(Math.max(1, Math.min(3,
                        ex.difficulty()))) + ")");
                item.setName("exercise." + ex.id());
                item.setToolTipText(ex.id() + ", difficulty " + ex.difficulty() + " of 3");
                item.addActionListener(e -> showExercise(ex.id()));
                sub.add(item);
            }
            menu.add(sub);
        });
        if (all.isEmpty()) {
            JMenuItem none = new JMenuItem("No exercises installed");
            none.setEnabled(false);
            menu.add(none);
        }
        if (!problems.isEmpty()) {
            window.setStatusNote(problems.size() == 1 ? "Exercise not listed: " + problems.get(0)
                    : problems.size() + " exercises not listed; first: " + problems.get(0));
        }
        if (menu.isPopupMenuVisible()) {
            menu.setPopupMenuVisible(false);
            menu.setPopupMenuVisible(true);
        }
    }

    private void showExercise(String id) {
        library.show(exercise, id, window::engine, msg -> JOptionPane.showMessageDialog(window, msg, "Exercise",
                JOptionPane.ERROR_MESSAGE));
        tabs.setSelectedComponent(exercise);
    }

    /** Saves a sealed submission of a graded attempt into the hand-in folder, when the student has chosen one. */
    private void handIn(String exerciseId, Path exerciseDir, Session session, double score) {
        if (store == null || store.current().isEmpty()) {
            return;
        }
        String folder = prefs.get(PREF_HANDIN, null);
        if (folder == null) {
            window.setStatusNote("Graded. To hand it in, choose Class > Hand-in folder… and submit again.");
            return;
        }
        try {
            StudentProfile who = store.current().get();
            int attempt = store.progress(who).load().nextAttempt(exerciseId);
            Instant now = Instant.now();
            Submission s = new Submission(who, exerciseId, ExerciseHash.compute(exerciseDir), session, APP_VERSION,
                    now, now, attempt, Math.max(0, Math.min(100, score)));
            Path written = SubmissionIo.write(s, Path.of(folder));
            window.setStatusNote("Handed in: " + written.getFileName());
        } catch (IOException | RuntimeException ex) {
            JOptionPane.showMessageDialog(window, "Could not hand in: " + ex.getMessage(), "Hand-in",
                    JOptionPane.ERROR_MESSAGE);
        }
    }
}
