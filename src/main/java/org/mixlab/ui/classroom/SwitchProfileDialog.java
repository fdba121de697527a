package org.mixlab.ui.classroom;

import java.awt.Component;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;
import org.mixlab.ui.lesson.LessonTheme;

/** "Switch profile...": pick one of the profiles on this computer, or add a new one. */
public final class SwitchProfileDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient ProfileService service;
    private final DefaultListModel<ProfileService.Profile> model = new DefaultListModel<>();
    private final JList<ProfileService.Profile> list = new JList<>(model);
    private final JButton use = new JButton("Use this profile");
    private final JButton add = new JButton("New profile...");
    private final JButton cancel = new JButton("Cancel");
    private final JLabel error = new JLabel(" ");
    private transient ProfileService.Profile chosen;

    /** Creates the dialog (modal; call {@link #showDialog()}). */
    public SwitchProfileDialog(Window owner, ProfileService service) {
        super(owner, "Switch profile", ModalityType.APPLICATION_MODAL);
        this.service = service;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel p = new JPanel(new MigLayout("insets 18 20 14 20, fill, gap 8 6, wrap 1", "[grow, fill]",
                "[][grow, fill][][]"));
        JLabel heading = new JLabel("Who is mixing?");
        heading.setFont(LessonTheme.titleFont(4));
        p.add(heading);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(8);
        list.getAccessibleContext().setAccessibleName("Profiles on this computer");
        list.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> l, Object v, int i, boolean s, boolean f) {
                super.getListCellRendererComponent(l, v, i, s, f);
                ProfileService.Profile pr = (ProfileService.Profile) v;
                boolean current = service.current().map(c -> c.key().equals(pr.key())).orElse(false);
                setText("<html><b>" + esc(pr.name()) + "</b>" + (current ? " (current)" : "") + "<br>"
                        + "<span style='color:" + LessonTheme.css(s ? getForeground() : LessonTheme.secondaryText())
                        + "'>" + esc(pr.studentId()) + " \u00b7 class " + esc(pr.classCode()) + "</span></html>");
                setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
                getAccessibleContext().setAccessibleName(pr.name() + ", " + pr.studentId() + ", class "
                        + pr.classCode() + (current ? ", current" : ""));
                return this;
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    choose();
                }
            }
        });
        list.addListSelectionListener(e -> use.setEnabled(list.getSelectedIndex() >= 0));
        p.add(new JScrollPane(list), "w 360, h 220");
        error.setForeground(LessonTheme.fail());
        p.add(error, "wmin 0");
        use.addActionListener(e -> choose());
        add.addActionListener(e -> addProfile());
        cancel.addActionListener(e -> dispose());
        use.getAccessibleContext().setAccessibleName("Use the selected profile");
        add.getAccessibleContext().setAccessibleName("Add a new profile");
        p.add(add, "split 3, growx 0");
        p.add(cancel, "gapleft push, growx 0, sg b");
        p.add(use, "growx 0, sg b");
        setContentPane(p);
        getRootPane().setDefaultButton(use);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        reload();
        pack();
        setLocationRelativeTo(owner);
    }

    private void reload() {
        model.clear();
        service.profiles().forEach(model::addElement);
        String cur = service.current().map(ProfileService.Profile::key).orElse(null);
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).key().equals(cur)) {
                list.setSelectedIndex(i);
            }
        }
        use.setEnabled(list.getSelectedIndex() >= 0);
    }

    /** Shows the dialog (blocks) and returns the chosen profile, or null when cancelled. */
    public ProfileService.Profile showDialog() {
        setVisible(true);
        return chosen;
    }

    /** Switches to the selected profile and closes; returns true on success. */
    public boolean choose() {
        ProfileService.Profile p = list.getSelectedValue();
        if (p == null) {
            return false;
        }
        try {
            chosen = service.switchTo(p.key());
            dispose();
            return true;
        } catch (IllegalArgumentException | IOException e) {
            error.setText("Could not switch: " + e.getMessage());
            return false;
        }
    }

    /** Selects a profile by index (tests, keyboard). */
    public void select(int index) {
        list.setSelectedIndex(index);
    }

    private void addProfile() {
        ProfileService.Profile p = new ProfileDialog(this, service, false).showDialog();
        if (p != null) {
            chosen = p;
            dispose();
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
