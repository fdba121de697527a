package org.mixlab.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JComponent;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.ProjectPaths;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.Source;
import org.mixlab.engine.session.Session;
import org.mixlab.ui.analysis.LoudnessHistoryPanel;
import org.mixlab.ui.analysis.MeterPanel;
import org.mixlab.ui.analysis.SpectrumAnalyzer;
import org.mixlab.ui.analysis.SpectrumPanel;
import org.mixlab.ui.editor.EditorManager;
import org.mixlab.ui.mixer.MixerPanel;

/**
 * The MixLab window: transport along the top, the mixer in the middle, the analysis dock (spectrum, meters,
 * loudness history) on the right and the output status along the bottom. Keys: Space play/stop, 1/2/3 choose
 * My mix / Unprocessed / Reference, B swaps mix and reference. The title shows the session and a "*" when there
 * are unsaved changes.
 */
public class MainWindow extends JFrame {
    /** Title prefix. */
    public static final String TITLE_PREFIX = "MixLab — ";
    private static final String PREF_RECENT = "recentSessions";
    private static final String PREF_ANALYSIS = "showAnalysis";
    private static final int MAX_RECENT = 8;

    private final TrackedEngine engine;
    private final SessionFiles files;
    private final ProcessorCatalog catalog;
    private final Dialogs dialogs;
    private final Preferences prefs;
    private final Runnable onQuit;
    private final FrameClock clock;
    private final SpectrumAnalyzer analyzer = new SpectrumAnalyzer();
    private final EditorManager editors;
    private final MixerPanel mixer;
    private final TransportBar transport;
    private final SpectrumPanel spectrum;
    private final MeterPanel meters;
    private final LoudnessHistoryPanel loudness;
    private final JPanel analysisDock;
    private final JSplitPane split;
    private final JMenu recentMenu = new JMenu("Recent");
    private final JCheckBoxMenuItem showAnalysis = new JCheckBoxMenuItem("Show analysis");
    private final JRadioButtonMenuItem lightItem = new JRadioButtonMenuItem("Light theme");
    private final JRadioButtonMenuItem darkItem = new JRadioButtonMenuItem("Dark theme");
    private final KeyEventDispatcher shortcuts = this::shortcut;
    private Path sessionFile;
    private int dockWidth = 450;
    private boolean placingDivider;
    private boolean dirty;
    private boolean closed;
    private RecoveryFile recovery;
    private boolean editedSinceAutosave;
    private final javax.swing.Timer autosaveTimer = new javax.swing.Timer(30_000, e -> autosave());

    /** The app window with the real registry, dialogs and preferences; quitting exits the JVM. */
    public MainWindow(MixEngine engine, SessionFiles files, Path sessionFile) {
        this(engine, files, sessionFile, ProcessorCatalog.registry(), Dialogs.swing(),
                Preferences.userNodeForPackage(MainWindow.class), () -> System.exit(0));
    }

    /**
     * The app window.
     *
     * @param engine      the live engine, with a session loaded
     * @param files       loads and saves session files
     * @param sessionFile the file the session came from, or null for a new one
     * @param catalog     processor types for the insert menus and editors
     * @param dialogs     file choosers and questions (tests pass canned answers)
     * @param prefs       where recent files, theme and dock visibility are remembered
     * @param onQuit      run after the window has closed on Quit
     */
    public MainWindow(MixEngine engine, SessionFiles files, Path sessionFile, ProcessorCatalog catalog,
                      Dialogs dialogs, Preferences prefs, Runnable onQuit) {
        this.engine = new TrackedEngine(engine);
        this.files = files;
        this.sessionFile = sessionFile;
        this.catalog = catalog;
        this.dialogs = dialogs;
        this.prefs = prefs;
        this.onQuit = onQuit;
        setName("mainWindow");
        getAccessibleContext().setAccessibleDescription("MixLab: mix and master a song");
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);

        clock = new FrameClock(this.engine);
        editors = new EditorManager(this, this.engine, catalog, clock, analyzer);
        editors.setErrorSink(msg -> dialogs.error(this, msg));
        mixer = new MixerPanel(this.engine, catalog, editors);
        transport = new TransportBar(this.engine);
        spectrum = new SpectrumPanel(this.engine, analyzer);
        meters = new MeterPanel();
        loudness = new LoudnessHistoryPanel();
        clock.addListener(transport);
        clock.addListener(spectrum);
        clock.addListener(meters);
        clock.addListener(loudness);
        clock.addListener(mixer);

        analysisDock = new JPanel(new MigLayout("insets 8 8 8 10, gap 0 4, wrap 1, fill", "[grow, fill]",
                "[][grow 60, fill]12[][]12[][grow 40, fill]"));
        analysisDock.setName("analysisDock");
        analysisDock.getAccessibleContext().setAccessibleName("Analysis");
        analysisDock.add(heading("Spectrum"));
        analysisDock.add(spectrum, "hmin 200");
        analysisDock.add(heading("Master meters"));
        analysisDock.add(meters);
        analysisDock.add(heading("Loudness, last 60 s (LUFS)"));
        analysisDock.add(loudness, "hmin 140");
        analysisDock.setMinimumSize(new Dimension(320, 400));

        split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, mixer, analysisDock);
        split.setResizeWeight(1.0);
        split.setContinuousLayout(true);
        split.setBorder(BorderFactory.createEmptyBorder());
        split.setDividerSize(6);

        JPanel content = new JPanel(new BorderLayout());
        content.add(transport, BorderLayout.NORTH);
        content.add(split, BorderLayout.CENTER);
        content.add(transport.statusBar(), BorderLayout.SOUTH);
        setContentPane(content);
        setJMenuBar(buildMenus());
        setAnalysisVisible(prefs.getBoolean(PREF_ANALYSIS, true));

        this.engine.addListener(new TrackedEngine.Listener() {
            @Override
            public void edited() {
                setDirty(true);
            }

            @Override
            public void structureChanged() {
                mixer.rebuild();
                editors.closeStale();
            }
        });
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                clock.start();
                MainWindow.this.engine.startUpFinished();
            }

            @Override
            public void windowClosing(WindowEvent e) {
                quit();
            }
        });
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(shortcuts);
        updateTitle();
        setMinimumSize(new Dimension(960, 640));
        setPreferredSize(new Dimension(1500, 920));
        split.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                placeDivider();
            }
        });
        split.addPropertyChangeListener(JSplitPane.DIVIDER_LOCATION_PROPERTY, e -> {
            if (!placingDivider && analysisDock.isVisible() && split.getWidth() > 0) {
                dockWidth = Math.max(320, split.getWidth() - split.getDividerLocation() - split.getDividerSize());
            }
        });
        pack();
        setLocationRelativeTo(null);
    }

    /**
     * Makes the window fit the usable area of its screen (without the task bar or dock): a 1366 x 768 school laptop
     * gets a window of its screen's size instead of the 1500 x 920 default hanging off the edges; on a larger
     * screen the window keeps its size. Centres it.
     */
    public void fitToScreen() {
        java.awt.GraphicsConfiguration gc = getGraphicsConfiguration();
        if (gc == null) {
            return;
        }
        java.awt.Rectangle r = fit(getSize(), gc.getBounds(), getToolkit().getScreenInsets(gc));
        if (r.width != getWidth() || r.height != getHeight()) {
            setSize(r.width, r.height);
            validate();
        }
        setLocation(r.x, r.y);
    }

    /**
     * Where a window of {@code size} goes on a screen with {@code bounds} and {@code insets} (task bar, dock): no
     * larger than the usable area, centred in it.
     */
    static java.awt.Rectangle fit(Dimension size, java.awt.Rectangle bounds, java.awt.Insets insets) {
        int usableW = Math.max(1, bounds.width - insets.left - insets.right);
        int usableH = Math.max(1, bounds.height - insets.top - insets.bottom);
        int w = Math.min(size.width, usableW);
        int h = Math.min(size.height, usableH);
        return new java.awt.Rectangle(bounds.x + insets.left + (usableW - w) / 2,
                bounds.y + insets.top + (usableH - h) / 2, w, h);
    }

    /** Keeps the analysis dock at its width when the window is resized (the mixer takes the rest). */
    private void placeDivider() {
        if (!analysisDock.isVisible() || split.getWidth() <= 0) {
            return;
        }
        placingDivider = true;
        split.setDividerLocation(Math.max(300, split.getWidth() - dockWidth - split.getDividerSize()));
        placingDivider = false;
    }

    private JLabel heading(String text) {
        JLabel l = new JLabel(text);
        l.setFont(Theme.font(0.95f, Font.BOLD));
        return l;
    }

    private JMenuBar buildMenus() {
        JMenuBar bar = new JMenuBar();
        int menuKey = getToolkit().getMenuShortcutKeyMaskEx();

        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(item("Open session…", "menu.open", KeyStroke.getKeyStroke(KeyEvent.VK_O, menuKey),
                this::openWithDialog));
        file.add(item("Save", "menu.save", KeyStroke.getKeyStroke(KeyEvent.VK_S, menuKey), this::save));
        file.add(item("Save as…", "menu.saveAs",
                KeyStroke.getKeyStroke(KeyEvent.VK_S, menuKey | InputEvent.SHIFT_DOWN_MASK), this::saveAs));
        file.add(item("Import stems…", "menu.importStems", null, this::importStemsWithDialog));
        recentMenu.setName("menu.recent");
        file.add(recentMenu);
        rebuildRecent();
        file.addSeparator();
        file.add(item("Quit", "menu.quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, menuKey), this::quit));
        bar.add(file);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        ButtonGroup themes = new ButtonGroup();
        themes.add(lightItem);
        themes.add(darkItem);
        lightItem.setName("menu.lightTheme");
        darkItem.setName("menu.darkTheme");
        (Theme.isDark() ? darkItem : lightItem).setSelected(true);
        lightItem.addActionListener(e -> setDarkTheme(false));
        darkItem.addActionListener(e -> setDarkTheme(true));
        view.add(lightItem);
        view.add(darkItem);
        view.addSeparator();
        showAnalysis.setName("menu.showAnalysis");
        showAnalysis.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_A, menuKey | InputEvent.SHIFT_DOWN_MASK));
        showAnalysis.addActionListener(e -> setAnalysisVisible(showAnalysis.isSelected()));
        view.add(showAnalysis);
        bar.add(view);

        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        help.add(item("About MixLab", "menu.about", null, this::showAbout));
        bar.add(help);
        return bar;
    }

    private JMenuItem item(String text, String name, KeyStroke key, Runnable action) {
        JMenuItem i = new JMenuItem(text);
        i.setName(name);
        if (key != null) {
            i.setAccelerator(key);
        }
        i.addActionListener(e -> action.run());
        return i;
    }

    // ---- keyboard shortcuts ----------------------------------------------------------------------------------------

    private boolean shortcut(KeyEvent e) {
        if (e.getID() != KeyEvent.KEY_PRESSED || closed || (e.getModifiersEx() & (InputEvent.CTRL_DOWN_MASK
                | InputEvent.ALT_DOWN_MASK | InputEvent.META_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK)) != 0) {
            return false;
        }
        Component c = e.getComponent();
        Window w = c instanceof Window win ? win : SwingUtilities.getWindowAncestor(c);
        if (w != this && (w == null || w.getOwner() != this)) {
            return false;
        }
        Component focus = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        if (focus instanceof JTextComponent || (focus != null && shortcutFilter.test(focus))) {
            return false;
        }
        return handleShortcut(e.getKeyCode());
    }

    /** Performs the shortcut for {@code keyCode} (Space, 1, 2, 3, B); returns false for other keys. */
    public boolean handleShortcut(int keyCode) {
        switch (keyCode) {
            case KeyEvent.VK_SPACE:
                transport.togglePlay();
                return true;
            case KeyEvent.VK_1:
            case KeyEvent.VK_NUMPAD1:
                transport.selectSource(Source.MIX);
                return true;
            case KeyEvent.VK_2:
            case KeyEvent.VK_NUMPAD2:
                transport.selectSource(Source.UNPROCESSED);
                return true;
            case KeyEvent.VK_3:
            case KeyEvent.VK_NUMPAD3:
                transport.selectSource(Source.REFERENCE);
                return true;
            case KeyEvent.VK_B:
                transport.toggleMixReference();
                return true;
            default:
                return false;
        }
    }

    // ---- files -----------------------------------------------------------------------------------------------------

    private void openWithDialog() {
        if (!confirmDiscard()) {
            return;
        }
        Path p = dialogs.chooseOpen(this, sessionFile == null ? null : sessionFile.getParent());
        if (p != null) {
            openSession(p);
        }
    }

    /** Loads {@code file} into the engine (no unsaved-changes question); returns false and reports on failure. */
    public boolean openSession(Path file) {
        Session s;
        try {
            s = files.load(file);
        } catch (IOException | RuntimeException e) {
            dialogs.error(this, "Cannot open " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
        editors.closeAll();
        engine.loadSession(s);
        sessionFile = file;
        addRecent(file);
        setDirty(false);
        discardRecovery();
        updateTitle();
        return true;
    }

    private void importStemsWithDialog() {
        Path base = engine.session().baseDir; // where the session's other stems resolve
        if (base == null) {
            base = sessionFile != null ? sessionFile.toAbsolutePath().getParent() : ProjectPaths.root();
        }
        List<Path> stems = dialogs.chooseStems(this, base);
        if (stems == null || stems.isEmpty()) {
            return;
        }
        try {
            engine.loadSession(StemImport.withStems(engine.session(), stems, base));
        } catch (IOException | RuntimeException e) {
            dialogs.error(this, "Cannot import: " + e.getMessage());
            return;
        }
        setDirty(true);
    }

    /**
     * Autosaves to {@code file} every 30 s while there are unsaved changes, and first offers to restore an autosave
     * left by a session that closed with unsaved changes.
     */
    public void enableRecovery(RecoveryFile file) {
        recovery = file;
        if (recovery.exists()) {
            java.time.Instant at = recovery.writtenAt();
            String when = at == null ? "an unknown time" : java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(at.atZone(java.time.ZoneId.systemDefault()));
            if (dialogs.askRecover(this, when)) {
                try {
                    Session s = recovery.load();
                    editors.closeAll();
                    engine.loadSession(s);
                    sessionFile = recovery.originalPath();
                    dirty = false;
                    setDirty(true);
                } catch (IOException | RuntimeException e) {
                    dialogs.error(this, "Cannot restore the unsaved changes (" + e.getMessage() + "); they are kept in "
                            + recovery.keepAside());
                }
            } else {
                discardRecovery();
            }
        }
        autosaveTimer.start();
    }

    /** Writes the recovery file when there were edits since the last autosave; returns true when it wrote. */
    boolean autosave() {
        if (recovery == null || !dirty || !editedSinceAutosave || closed) {
            return false;
        }
        try {
            recovery.write(engine.session(), sessionFile);
            editedSinceAutosave = false;
            return true;
        } catch (IOException | RuntimeException e) {
            setStatusNote("Autosave failed: " + e.getMessage());
            return false;
        }
    }

    private void discardRecovery() {
        if (recovery != null) {
            try {
                recovery.delete();
            } catch (IOException e) {
                setStatusNote("Could not delete the recovery file: " + e.getMessage());
            }
        }
    }

    /** Saves to the current file (asks for one when there is none); returns true when saved. */
    public boolean save() {
        if (sessionFile == null) {
            return saveAs();
        }
        return saveTo(sessionFile);
    }

    /** Asks for a file and saves there; returns true when saved. */
    public boolean saveAs() {
        Path p = dialogs.chooseSave(this, sessionFile);
        return p != null && saveTo(p);
    }

    private boolean saveTo(Path p) {
        try {
            files.save(engine.session(), p);
        } catch (IOException | RuntimeException e) {
            dialogs.error(this, "Cannot save " + p.getFileName() + ": " + e.getMessage());
            return false;
        }
        sessionFile = p;
        addRecent(p);
        setDirty(false);
        discardRecovery();
        return true;
    }

    private boolean confirmDiscard() {
        if (!dirty) {
            return true;
        }
        switch (dialogs.askUnsaved(this, engine.session().title)) {
            case SAVE:
                return save();
            case DISCARD:
                return true;
            default:
                return false;
        }
    }

    /** Quits after asking about unsaved changes; returns false when the user cancelled. */
    public boolean quit() {
        if (closed) {
            return true;
        }
        if (!confirmDiscard()) {
            return false;
        }
        discardRecovery();
        shutdown();
        onQuit.run();
        return true;
    }

    /** Stops the clock, closes the editors and the engine and disposes the window, without questions. */
    public void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        autosaveTimer.stop();
        clock.stop();
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(shortcuts);
        editors.closeAll();
        engine.close();
        dispose();
    }

    private List<String> recent() {
        List<String> out = new ArrayList<>();
        for (String s : prefs.get(PREF_RECENT, "").split("\n")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private void addRecent(Path p) {
        List<String> r = recent();
        String s = p.toAbsolutePath().normalize().toString();
        r.remove(s);
        r.add(0, s);
        while (r.size() > MAX_RECENT) {
            r.remove(r.size() - 1);
        }
        prefs.put(PREF_RECENT, String.join("\n", r));
        rebuildRecent();
    }

    private void rebuildRecent() {
        recentMenu.removeAll();
        List<String> r = recent();
        for (String s : r) {
            Path p = Path.of(s);
            JMenuItem i = new JMenuItem(p.getFileName().toString());
            i.setToolTipText(s);
            i.addActionListener(e -> {
                if (confirmDiscard()) {
                    openSession(p);
                }
            });
            recentMenu.add(i);
        }
        recentMenu.setEnabled(!r.isEmpty());
    }

    // ---- view ------------------------------------------------------------------------------------------------------

    /** Switches between the light and the dark theme and remembers the choice. */
    public void setDarkTheme(boolean dark) {
        Theme.install(dark);
        Theme.rememberDark(prefs, dark);
        (dark ? darkItem : lightItem).setSelected(true);
    }

    /** Shows or hides the analysis dock and remembers the choice. */
    public void setAnalysisVisible(boolean visible) {
        analysisDock.setVisible(visible);
        showAnalysis.setSelected(visible);
        prefs.putBoolean(PREF_ANALYSIS, visible);
        split.revalidate();
        if (visible) {
            SwingUtilities.invokeLater(this::placeDivider);
        }
    }

    private void showAbout() {
        JOptionPane.showMessageDialog(this, "<html><b>MixLab</b> 0.1.0<br>A lab for learning to mix and master"
                + " music.<br><br>Free software under the GNU General Public License,<br>version 3 or later"
                + " (GPL-3.0-or-later).</html>", "About MixLab", JOptionPane.INFORMATION_MESSAGE);
    }

    private void setDirty(boolean d) {
        editedSinceAutosave = d;
        if (d != dirty) {
            dirty = d;
            updateTitle();
        }
    }

    private void updateTitle() {
        setTitle(TITLE_PREFIX + engine.session().title + (dirty ? " *" : ""));
    }

    // ---- accessors (tests, lessons) --------------------------------------------------------------------------------

    /** True when there are unsaved changes. */
    public boolean isDirty() {
        return dirty;
    }

    /** The session file, or null. */
    public Path sessionFile() {
        return sessionFile;
    }

    /** The engine as the window drives it. */
    public MixEngine engine() {
        return engine;
    }

    /** The frame clock. */
    public FrameClock clock() {
        return clock;
    }

    /** The mixer. */
    public MixerPanel mixer() {
        return mixer;
    }

    /** The transport bar. */
    public TransportBar transport() {
        return transport;
    }

    /** The spectrum panel. */
    public SpectrumPanel spectrum() {
        return spectrum;
    }

    /** The meter panel. */
    public MeterPanel meters() {
        return meters;
    }

    /** The loudness history. */
    public LoudnessHistoryPanel loudnessHistory() {
        return loudness;
    }

    /** The editor manager. */
    public EditorManager editors() {
        return editors;
    }

    /** The analysis dock. */
    public JPanel analysisDock() {
        return analysisDock;
    }

    /** The processor catalog. */
    public ProcessorCatalog catalog() {
        return catalog;
    }

    private java.util.function.Predicate<Component> shortcutFilter = c -> false;
    private javax.swing.JLabel statusNote;

    /** Shows a short note at the right of the status bar (student, hand-in, reference), on the Swing thread. */
    public void setStatusNote(String text) {
        if (statusNote == null) {
            statusNote = new javax.swing.JLabel();
            statusNote.setName("status.note");
            statusNote.getAccessibleContext().setAccessibleName("Status note");
            transport.statusBar().add(statusNote, BorderLayout.EAST);
            transport.statusBar().revalidate();
        }
        statusNote.setText(text);
    }

    /** Components for which the window's single-key shortcuts (Space, 1, 2, 3, B) are left alone, e.g. a drill. */
    public void setShortcutFilter(java.util.function.Predicate<Component> filter) {
        shortcutFilter = filter == null ? c -> false : filter;
    }

    /**
     * Adds a dock on the right of the analysis dock (lessons, exercises); it keeps {@code widthPx} when the window is
     * resized.
     */
    public void addRightDock(JComponent dock, int widthPx) {
        java.awt.Container content = getContentPane();
        content.remove(split);
        JSplitPane outer = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, split, dock);
        outer.setName("rightSplit");
        outer.setResizeWeight(1.0);
        outer.setContinuousLayout(true);
        outer.setBorder(BorderFactory.createEmptyBorder());
        outer.setDividerSize(6);
        dock.setMinimumSize(new Dimension(300, 300));
        dock.setPreferredSize(new Dimension(widthPx, 600));
        split.setMinimumSize(new Dimension(560, 300)); // the mixer scrolls; the docks keep their widths
        split.setPreferredSize(new Dimension(560, 600)); // the first layout gives the new dock its preferred width
        content.add(outer, BorderLayout.CENTER);
        int[] width = {widthPx};
        boolean[] placing = {false};
        outer.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                if (dock.isVisible() && outer.getWidth() > 0) {
                    placing[0] = true;
                    outer.setDividerLocation(Math.max(200, outer.getWidth() - width[0] - outer.getDividerSize()));
                    placing[0] = false;
                }
            }
        });
        outer.addPropertyChangeListener(JSplitPane.DIVIDER_LOCATION_PROPERTY, e -> {
            if (!placing[0] && dock.isVisible() && outer.getWidth() > 0) {
                width[0] = Math.max(300, outer.getWidth() - outer.getDividerLocation() - outer.getDividerSize());
            }
        });
        content.revalidate();
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                SwingUtilities.invokeLater(() -> {
                    placing[0] = true;
                    outer.setDividerLocation(Math.max(200, outer.getWidth() - width[0] - outer.getDividerSize()));
                    placing[0] = false;
                });
            }
        });
    }
}
