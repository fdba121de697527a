package org.mixlab.ui.lesson;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.Map;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;
import org.mixlab.lesson.LessonStep;
import org.mixlab.lesson.drill.DrillType;

/** Shows the lesson panels side by side for screenshots: {@code DemoLauncher [light|dark]}. */
public final class DemoLauncher {
    private DemoLauncher() {}

    /** Opens the demo window. */
    public static void main(String[] args) {
        GuiTestSupport.properties();
        boolean dark = args.length > 0 && "dark".equals(args[0]);
        if (args.length > 1 && "exercise".equals(args[1])) {
            SwingUtilities.invokeLater(() -> exercise(dark));
            return;
        }
        if (args.length > 1 && "steps".equals(args[1])) {
            SwingUtilities.invokeLater(() -> steps(dark));
            return;
        }
        if (args.length > 1 && "dialogs".equals(args[1])) {
            SwingUtilities.invokeLater(() -> dialogs(dark));
            return;
        }
        SwingUtilities.invokeLater(() -> {
            if (dark) {
                FlatDarkLaf.setup();
            } else {
                FlatLightLaf.setup();
            }
            InMemoryProgress progress = new InMemoryProgress();
            var tone = GuiTestSupport.pack("tone");
            progress.markStepDone("tone", tone.steps().get(0).id());
            progress.markStepDone("tone", tone.steps().get(1).id());
            progress.markStepDone("balance", GuiTestSupport.pack("balance").steps().get(0).id());
            FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
            String eq = engine.addInsert("guitar", "eq");
            engine.setParam("guitar", eq, "hpOn", 1);
            engine.setParam("guitar", eq, "hpFreqHz", 60);
            LessonBrowserPanel browser = new LessonBrowserPanel(GuiTestSupport.packs(), progress, p -> { });
            LessonPlayerPanel player = new LessonPlayerPanel(engine, progress, null, new DrillPanel(progress, r -> null));
            player.setPack(tone);
            player.showStep(2);
            DrillPanel drill = new DrillPanel(progress, r -> null);
            drill.setSeed(3);
            drill.setDrill("Ear training: which band was boosted?", new LessonStep.Drill(DrillType.EQ_BAND,
                    "pink-noise", Map.of("q", 1.4, "bands", 7.0, "trials", 40.0, "reversals", 8.0)));
            drill.startDrill();
            JPanel root = new JPanel(new MigLayout("insets 0, gap 0, fill", "[460!][520!][grow, fill]", "[grow, fill]"));
            root.add(browser);
            root.add(player);
            JPanel right = new JPanel(new MigLayout("insets 12, fillx, wrap 1", "[grow, fill]", "[]"));
            right.add(drill);
            root.add(right);
            JFrame f = new JFrame("MixLab lessons demo");
            f.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            f.setContentPane(root);
            f.setBounds(0, 0, 1600, 1000);
            f.setVisible(true);
        });
    }

    private static void dialogs(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        InMemoryProgress progress = new InMemoryProgress();
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        engine.setGainDb("bass", -3.5);
        ExercisePanel ex = new ExercisePanel(engine, progress);
        String brief = "# Balance the pop-rock song\n\nThe stems start at unity. Build a balance with the kick as your"
                + " anchor, the bass locked to it and the lead on top.\n\n- Kick around -6 dB\n- Bass within 2 dB of"
                + " the kick\n- Lead clearly on top\n";
        ex.setExercise(new ExerciseBrief("balance-1", "Balance the pop-rock song", "balance", 1, brief, null,
                java.nio.file.Path.of("x.session.json"), 20.0, true, 70), s -> new ExerciseGrade(68, 70, java.util.List.of(
                new ExerciseGrade.Row("the kick fader", 1, -6.2, -6, "dB", 100, "The kick fader is right."),
                new ExerciseGrade.Row("the bass against the kick", 2, 2.7, 0, "LU", 55,
                        "The bass is 2.7 LU louder than in the reference: lower its fader about 2.5 dB."),
                new ExerciseGrade.Row("the lead against the mix", 1, -1.0, 1.5, "LU", 40,
                        "The lead sits 2.5 LU lower than in the reference: raise it about 2.5 dB."),
                new ExerciseGrade.Row("master true peak", 1, -1.4, -1, "dBTP", 100, "The master peak is safe.")),
                java.util.List.of("solo switches were cleared: the whole mix is graded")));
        ex.loadExercise();
        ex.submit();
        JFrame f = new JFrame("Exercise");
        f.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
        f.setContentPane(ex);
        f.setBounds(0, 0, 560, 980);
        f.setVisible(true);

        org.mixlab.ui.classroom.InMemoryProfiles profiles = new org.mixlab.ui.classroom.InMemoryProfiles();
        org.mixlab.ui.classroom.ProfileDialog pd = new org.mixlab.ui.classroom.ProfileDialog(f, profiles, true);
        pd.setModalityType(java.awt.Dialog.ModalityType.MODELESS);
        pd.setFields("Ada Lovelace", "S 123", "");
        pd.submit();
        pd.setLocation(580, 10);
        pd.setVisible(true);

        org.mixlab.ui.classroom.TeacherViewDialog tv = new org.mixlab.ui.classroom.TeacherViewDialog(f,
                new org.mixlab.ui.classroom.TeacherGradebook() {
                    @Override
                    public Sheet grade(java.nio.file.Path folder) {
                        return new Sheet(java.util.List.of("balance-1", "pan-1", "tone-1"), java.util.List.of(
                                new StudentRow("Ada Lovelace", "S1001", "10B", Map.of("balance-1", 82.5, "tone-1", 64.0),
                                        java.util.List.of(), java.util.List.of("balance-1: the bass fader is right.",
                                        "tone-1: cut the boom in the bass a little more (about 2 dB).")),
                                new StudentRow("Grace Hopper", "S1002", "10B", Map.of("balance-1", 91.0, "pan-1", 77.0),
                                        java.util.List.of("balance-1 #2: score edited (reported 99.0, re-graded 91.0)"),
                                        java.util.List.of()),
                                new StudentRow("Alan Turing", "S1003", "10C", Map.of("pan-1", 48.5),
                                        java.util.List.of(), java.util.List.of("pan-1: the guitars are too close to the centre."))),
                                java.util.List.of(), 6, 1830, null);
                    }

                    @Override
                    public void exportCsv(Sheet sheet, java.nio.file.Path csv) {
                    }
                });
        tv.setFolder(java.nio.file.Path.of("/home/teacher/submissions/10B"));
        tv.grade();
        tv.setLocation(580, 420);
        tv.setVisible(true);
    }

    private static void steps(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        InMemoryProgress progress = new InMemoryProgress();
        var tone = GuiTestSupport.pack("tone");
        for (int i = 0; i < 5; i++) {
            progress.markStepDone("tone", tone.steps().get(i).id());
        }
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        DrillPanel drill = new DrillPanel(progress, r -> null);
        drill.setSeed(11);
        LessonPlayerPanel a = new LessonPlayerPanel(engine, progress, null, drill);
        a.setPack(tone);
        a.showStep(5);
        drill.startDrill();
        new javax.swing.Timer(1500, e -> {
            if (drill.isReady() && drill.staircase().trials() == 0) {
                drill.answer((drill.question().correctIndex() + 2) % 7);
            }
        }).start();
        LessonPlayerPanel b = new LessonPlayerPanel(engine, progress, null, new DrillPanel(progress, r -> null));
        b.setPack(tone);
        b.showStep(6);
        var dyn = GuiTestSupport.pack("dynamics");
        LessonPlayerPanel c = new LessonPlayerPanel(engine, progress, (session, checks) -> (m, t, o) -> Double.NaN,
                new DrillPanel(progress, r -> null));
        c.setPack(dyn);
        c.showStep(1);
        JPanel root = new JPanel(new MigLayout("insets 0, gap 0, fill", "[520!][520!][grow, fill]", "[grow, fill]"));
        root.add(a);
        root.add(b);
        root.add(c);
        JFrame f = new JFrame("MixLab lesson steps");
        f.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
        f.setContentPane(root);
        f.setBounds(0, 0, 1600, 1000);
        f.setVisible(true);
    }

    private static void exercise(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath();
        org.mixlab.engine.io.StemCache stems = new org.mixlab.engine.io.StemCache(
                java.util.List.of(root.resolve("audio"), root.resolve("exercises")));
        ScoringExercises.Library lib = new ScoringExercises.Library(root, stems);
        FakeMixEngine engine = new FakeMixEngine(FakeMixEngine.popRock());
        InMemoryProgress progress = new InMemoryProgress();
        ExercisePanel a = new ExercisePanel(engine, progress);
        ExercisePanel b = new ExercisePanel(engine, progress);
        lib.show(a, "balance-1", () -> engine, System.err::println);
        lib.show(b, "balance-1", () -> engine, System.err::println);
        try {
            engine.loadSession(lib.get("balance-1").start().copy());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        engine.setGainDb("bass", engine.session().track("bass").gainDb - 4);
        b.loadExercise();
        b.submit();
        JPanel root2 = new JPanel(new MigLayout("insets 0, gap 0, fill", "[520!][520!][grow]", "[grow, fill]"));
        root2.add(a);
        root2.add(b);
        JFrame f = new JFrame("MixLab exercise");
        f.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
        f.setContentPane(root2);
        f.setBounds(0, 0, 1600, 1000);
        f.setVisible(true);
    }
}
