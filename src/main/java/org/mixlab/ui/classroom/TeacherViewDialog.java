package org.mixlab.ui.classroom;

import java.awt.Component;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;
import org.mixlab.ui.lesson.LessonTheme;
import org.mixlab.ui.lesson.StatusIcon;

/**
 * The teacher's view: pick a folder of submissions, re-grade them in the background, see students by exercises
 * with their best scores and flags, read the feedback of a selected student, and export a CSV.
 */
public final class TeacherViewDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient TeacherGradebook gradebook;
    private final JTextField folder = new JTextField(36);
    private final JButton choose = new JButton("Choose folder...");
    private final JButton grade = new JButton("Grade");
    private final JButton export = new JButton("Export CSV...");
    private final JButton close = new JButton("Close");
    private final JLabel status = new JLabel(" ");
    private final SheetModel model = new SheetModel();
    private final JTable table = new JTable(model);
    private final JTextArea detail = new JTextArea();
    private transient TeacherGradebook.Sheet sheet;
    private transient Function<String, Path> chooseCsv;
    private boolean grading;

    /** Creates the dialog (not modal, so the teacher can keep it open while listening). */
    public TeacherViewDialog(Window owner, TeacherGradebook gradebook) {
        super(owner, "Teacher view: grade submissions", ModalityType.MODELESS);
        this.gradebook = gradebook;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel p = new JPanel(new MigLayout("insets 16 18 14 18, fill, gap 8 8, wrap 1", "[grow, fill]",
                "[][][][grow, fill][][]"));
        JLabel heading = new JLabel("Grade a folder of submissions");
        heading.setFont(LessonTheme.titleFont(4));
        p.add(heading);
        JLabel intro = new JLabel("Every file is re-graded from its settings: the score a student reports is never"
                + " trusted. Flags show what needs a look.");
        intro.setForeground(LessonTheme.secondaryText());
        p.add(intro, "wmin 0");
        JLabel folderLabel = new JLabel("Folder");
        folderLabel.setLabelFor(folder);
        folderLabel.setDisplayedMnemonic('F');
        folder.getAccessibleContext().setAccessibleName("Submissions folder");
        folder.putClientProperty("JTextField.placeholderText", "A folder of .json submissions (LMS download)");
        choose.getAccessibleContext().setAccessibleName("Choose the submissions folder");
        grade.getAccessibleContext().setAccessibleName("Grade every submission in the folder");
        export.getAccessibleContext().setAccessibleName("Export the gradebook as CSV");
        p.add(folderLabel, "split 4, growx 0");
        p.add(folder, "growx");
        p.add(choose, "growx 0");
        p.add(grade, "growx 0");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.setRowHeight(Math.max(22, table.getRowHeight() + 6));
        table.getAccessibleContext().setAccessibleName("Students by exercise");
        CellRenderer cells = new CellRenderer();
        table.setDefaultRenderer(Object.class, cells);
        table.setDefaultRenderer(Double.class, cells);
        table.getSelectionModel().addListSelectionListener(e -> showDetail());
        p.add(new JScrollPane(table), "hmin 160, h 260, w 900");
        LessonTheme.readOnlyText(detail);
        detail.setFocusable(true);
        detail.setRows(5);
        detail.getAccessibleContext().setAccessibleName("Feedback for the selected student");
        JScrollPane ds = new JScrollPane(detail);
        ds.setBorder(BorderFactory.createLineBorder(LessonTheme.cardBorder()));
        p.add(ds, "hmin 90");
        p.add(status, "wmin 0");
        p.add(export, "split 2, growx 0");
        p.add(close, "gapleft push, growx 0");
        export.setEnabled(false);
        choose.addActionListener(e -> chooseFolder());
        grade.addActionListener(e -> grade());
        folder.addActionListener(e -> grade());
        export.addActionListener(e -> exportCsv());
        close.addActionListener(e -> dispose());
        setContentPane(p);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        detail.setText("Choose a folder and press Grade.");
        pack();
        setLocationRelativeTo(owner);
    }

    /** Replaces the CSV file chooser (tests): given a suggested name, returns the file or null. */
    public void setCsvChooser(Function<String, Path> chooser) {
        this.chooseCsv = chooser;
    }

    /** Sets the folder to grade. */
    public void setFolder(Path dir) {
        folder.setText(dir == null ? "" : dir.toString());
    }

    /** The graded sheet, or null. */
    public TeacherGradebook.Sheet sheet() {
        return sheet;
    }

    /** True while grading. */
    public boolean isGrading() {
        return grading;
    }

    /** The status line. */
    public String statusText() {
        return status.getText();
    }

    /** The feedback shown for the selected row. */
    public String detailText() {
        return detail.getText();
    }

    /** The table (tests). */
    public JTable table() {
        return table;
    }

    /** Re-grades the folder in the background. */
    public void grade() {
        String text = folder.getText().trim();
        if (grading) {
            return;
        }
        if (text.isEmpty()) {
            status.setText("Choose a folder of submissions first.");
            return;
        }
        Path dir = Path.of(text);
        grading = true;
        grade.setEnabled(false);
        export.setEnabled(false);
        status.setIcon(new StatusIcon(StatusIcon.Kind.PENDING, 16));
        status.setText("Re-grading " + dir.getFileName() + "...");
        new SwingWorker<TeacherGradebook.Sheet, Void>() {
            @Override
            protected TeacherGradebook.Sheet doInBackground() throws Exception {
                return gradebook.grade(dir);
            }

            @Override
            protected void done() {
                grading = false;
                grade.setEnabled(true);
                status.setIcon(null);
                try {
                    show(get());
                } catch (Exception e) {
                    Throwable c = e.getCause() == null ? e : e.getCause();
                    status.setIcon(new StatusIcon(StatusIcon.Kind.FAILED, 16));
                    status.setText("Could not grade: " + c.getMessage());
                }
            }
        }.execute();
    }

    private void show(TeacherGradebook.Sheet s) {
        sheet = s;
        model.set(s);
        for (int c = 0; c < table.getColumnCount(); c++) {
            int w = c == 0 ? 170 : c == 1 ? 90 : c == 2 ? 70 : c == table.getColumnCount() - 1 ? 320 : 85;
            table.getColumnModel().getColumn(c).setPreferredWidth(w);
        }
        long flagged = s.rows().stream().filter(r -> !r.flags().isEmpty()).count();
        status.setText(String.format(Locale.ROOT, "%d students, %d files, graded in %.1f s%s%s",
                s.rows().size(), s.files(), s.elapsedMs() / 1000.0,
                flagged > 0 ? ", " + flagged + " flagged" : "",
                s.problems().isEmpty() ? "" : ", " + s.problems().size() + " unreadable"));
        export.setEnabled(true);
        if (!s.rows().isEmpty()) {
            table.setRowSelectionInterval(0, 0);
        } else {
            detail.setText(s.problems().isEmpty() ? "No submissions found in this folder."
                    : String.join("\n", s.problems()));
        }
    }

    private void showDetail() {
        int r = table.getSelectedRow();
        if (sheet == null || r < 0) {
            return;
        }
        TeacherGradebook.StudentRow row = sheet.rows().get(table.convertRowIndexToModel(r));
        StringBuilder b = new StringBuilder(row.name()).append(" (").append(row.studentId()).append(", class ")
                .append(row.classCode()).append(")\n");
        for (String f : row.flags()) {
            b.append("Flag: ").append(f).append('\n');
        }
        for (String f : row.feedback()) {
            b.append("\u2022 ").append(f).append('\n');
        }
        detail.setText(b.toString().trim());
        detail.setCaretPosition(0);
    }

    private void chooseFolder() {
        JFileChooser fc = new JFileChooser(folder.getText().isBlank() ? null : folder.getText());
        fc.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        fc.setDialogTitle("Folder of submissions");
        if (fc.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            folder.setText(fc.getSelectedFile().toPath().toString());
            grade();
        }
    }

    /** Asks for a file and writes the CSV. */
    public void exportCsv() {
        if (sheet == null) {
            return;
        }
        Path target;
        if (chooseCsv != null) {
            target = chooseCsv.apply("gradebook.csv");
        } else {
            JFileChooser fc = new JFileChooser();
            fc.setSelectedFile(new java.io.File("gradebook.csv"));
            fc.setDialogTitle("Export gradebook CSV");
            target = fc.showSaveDialog(this) == JFileChooser.APPROVE_OPTION ? fc.getSelectedFile().toPath() : null;
        }
        if (target == null) {
            return;
        }
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            target = target.resolveSibling(target.getFileName() + ".csv");
        }
        try {
            gradebook.exportCsv(sheet, target);
            status.setText("Saved " + target.getFileName() + ".");
        } catch (IOException e) {
            status.setText("Could not save " + target.getFileName() + ": " + e.getMessage());
        }
    }

    /** Students by exercises. */
    private static final class SheetModel extends AbstractTableModel {
        private static final long serialVersionUID = 1L;
        private transient TeacherGradebook.Sheet sheet;

        void set(TeacherGradebook.Sheet s) {
            sheet = s;
            fireTableStructureChanged();
        }

        List<String> ex() {
            return sheet == null ? List.of() : sheet.exerciseIds();
        }

        @Override
        public int getRowCount() {
            return sheet == null ? 0 : sheet.rows().size();
        }

        @Override
        public int getColumnCount() {
            return 3 + ex().size() + 1;
        }

        @Override
        public String getColumnName(int c) {
            if (c < 3) {
                return new String[] {"Student", "ID", "Class"}[c];
            }
            return c - 3 < ex().size() ? ex().get(c - 3) : "Flags";
        }

        @Override
        public Class<?> getColumnClass(int c) {
            return c >= 3 && c - 3 < ex().size() ? Double.class : String.class;
        }

        @Override
        public Object getValueAt(int r, int c) {
            TeacherGradebook.StudentRow row = sheet.rows().get(r);
            return switch (c) {
                case 0 -> row.name();
                case 1 -> row.studentId();
                case 2 -> row.classCode();
                default -> c - 3 < ex().size() ? row.best().get(ex().get(c - 3))
                        : row.flags().isEmpty() ? "" : row.flags().size() + " flag" + (row.flags().size() > 1 ? "s"
                        : "") + ": " + String.join("; ", row.flags());
            };
        }
    }

    /** Scores right-aligned and coloured; flags in the warning colour. */
    private static final class CellRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row,
                                                       int col) {
            Object shown = v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v;
            super.getTableCellRendererComponent(t, shown, sel, focus, row, col);
            setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 8));
            setHorizontalAlignment(v instanceof Double ? SwingConstants.RIGHT : SwingConstants.LEFT);
            if (!sel) {
                if (v instanceof Double d) {
                    setForeground(d >= 70 ? LessonTheme.pass() : d >= 50 ? t.getForeground() : LessonTheme.fail());
                } else if (t.getColumnName(col).equals("Flags") && v != null && !v.toString().isEmpty()) {
                    setForeground(LessonTheme.pending());
                } else {
                    setForeground(t.getForeground());
                }
            }
            return this;
        }
    }
}
