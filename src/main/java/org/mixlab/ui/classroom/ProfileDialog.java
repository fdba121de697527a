package org.mixlab.ui.classroom;

import java.awt.Window;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;
import org.mixlab.ui.lesson.LessonTheme;

/**
 * "Who is mixing?": creates a student profile (name, student id, class code), with a one-line message under each
 * field that is wrong. Shown on first launch and from "Switch profile... / New profile".
 */
public final class ProfileDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient ProfileService service;
    private final JTextField name = new JTextField(24);
    private final JTextField studentId = new JTextField(16);
    private final JTextField classCode = new JTextField(10);
    private final JLabel nameError = new JLabel(" ");
    private final JLabel idError = new JLabel(" ");
    private final JLabel classError = new JLabel(" ");
    private final JLabel generalError = new JLabel(" ");
    private final JButton create = new JButton("Create profile");
    private final JButton cancel = new JButton("Cancel");
    private transient ProfileService.Profile created;

    /**
     * Creates the dialog (modal; call {@link #showDialog()}).
     *
     * @param owner     the main window, or null
     * @param service   the profiles
     * @param firstRun  true on first launch (a welcome text; Cancel reads "Not now")
     */
    public ProfileDialog(Window owner, ProfileService service, boolean firstRun) {
        super(owner, firstRun ? "Welcome to MixLab" : "New profile", ModalityType.APPLICATION_MODAL);
        this.service = service;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel p = new JPanel(new MigLayout("insets 18 20 14 20, gap 10 2, wrap 2", "[right][grow, fill]"));
        JLabel heading = new JLabel(firstRun ? "Who is mixing on this computer?" : "Add a student profile");
        heading.setFont(LessonTheme.titleFont(4));
        p.add(heading, "span 2, left, wrap");
        javax.swing.JTextArea intro = new javax.swing.JTextArea("Your progress and graded exercises are saved under"
                + " this profile. Use your school student id and the class code your teacher gave you.", 2, 36);
        LessonTheme.readOnlyText(intro);
        intro.setFont(LessonTheme.baseFont());
        intro.setForeground(LessonTheme.secondaryText());
        p.add(intro, "span 2, growx, wmin 0, gapbottom 10");
        field(p, "Name", 'N', name, nameError, "Your name as your teacher knows it");
        field(p, "Student ID", 'I', studentId, idError, "Your school student id, e.g. S12345");
        field(p, "Class code", 'C', classCode, classError, "Your class or section, e.g. 10B-music");
        generalError.setForeground(LessonTheme.fail());
        p.add(generalError, "span 2, left, wmin 0");
        cancel.setText(firstRun ? "Not now" : "Cancel");
        create.getAccessibleContext().setAccessibleName("Create the profile");
        cancel.getAccessibleContext().setAccessibleName(firstRun ? "Continue without a profile" : "Cancel");
        create.addActionListener(e -> submit());
        cancel.addActionListener(e -> dispose());
        p.add(cancel, "span 2, split 2, right, gaptop 12, sg b");
        p.add(create, "sg b");
        setContentPane(p);
        getRootPane().setDefaultButton(create);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
    }

    private static void field(JPanel p, String label, char mnemonic, JTextField f, JLabel error, String help) {
        JLabel l = new JLabel(label);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(f);
        f.getAccessibleContext().setAccessibleName(label);
        f.getAccessibleContext().setAccessibleDescription(help);
        f.putClientProperty("JTextField.placeholderText", help);
        p.add(l);
        p.add(f);
        error.setForeground(LessonTheme.fail());
        error.setFont(error.getFont().deriveFont(error.getFont().getSize2D() - 1f));
        p.add(error, "skip 1, wmin 0, gapbottom 4");
    }

    /** Shows the dialog (blocks while it is open) and returns the created profile, or null when cancelled. */
    public ProfileService.Profile showDialog() {
        setVisible(true);
        return created;
    }

    /** Fills the fields (tests, or editing). */
    public void setFields(String n, String id, String cls) {
        name.setText(n);
        studentId.setText(id);
        classCode.setText(cls);
    }

    /** Validates and creates the profile; on success closes the dialog. Returns true on success. */
    public boolean submit() {
        List<String> problems = service.problems(name.getText(), studentId.getText(), classCode.getText());
        showProblems(problems);
        if (!problems.isEmpty()) {
            return false;
        }
        try {
            created = service.create(name.getText().trim(), studentId.getText().trim(), classCode.getText().trim());
            dispose();
            return true;
        } catch (IllegalArgumentException e) {
            showProblems(List.of(e.getMessage()));
        } catch (IOException e) {
            generalError.setText("The profile could not be saved: " + e.getMessage());
        }
        return false;
    }

    private void showProblems(List<String> problems) {
        nameError.setText(" ");
        idError.setText(" ");
        classError.setText(" ");
        generalError.setText(" ");
        JTextField firstBad = null;
        for (String line : problems) {
            String l = line.toLowerCase(Locale.ROOT);
            int colon = line.indexOf(':');
            String msg = colon >= 0 ? capital(line.substring(colon + 1).trim()) + "." : line;
            if (l.startsWith("name")) {
                set(nameError, msg);
                firstBad = firstBad == null ? name : firstBad;
            } else if (l.startsWith("student id")) {
                set(idError, msg);
                firstBad = firstBad == null ? studentId : firstBad;
            } else if (l.startsWith("class")) {
                set(classError, msg);
                firstBad = firstBad == null ? classCode : firstBad;
            } else {
                generalError.setText(line);
            }
        }
        mark(name, nameError);
        mark(studentId, idError);
        mark(classCode, classError);
        if (firstBad != null) {
            firstBad.requestFocusInWindow();
        }
        pack();
    }

    private static void set(JLabel error, String msg) {
        if (error.getText().isBlank()) {
            error.setText(msg.endsWith("..") ? msg.substring(0, msg.length() - 1) : msg);
        }
    }

    private static void mark(JTextField f, JLabel error) {
        boolean bad = !error.getText().isBlank();
        f.putClientProperty("JComponent.outline", bad ? "error" : null);
        f.getAccessibleContext().setAccessibleDescription(bad ? error.getText() : null);
    }

    /** The error shown under a field: "name", "student id" or "class code" (blank when fine). */
    public String errorFor(String field) {
        return switch (field) {
            case "name" -> nameError.getText().trim();
            case "student id" -> idError.getText().trim();
            default -> classError.getText().trim();
        };
    }

    /** The profile created, or null. */
    public ProfileService.Profile created() {
        return created;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
