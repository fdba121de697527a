package org.mixlab.ui.lesson;

import java.awt.CardLayout;
import java.util.List;
import javax.swing.JPanel;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.lesson.LessonPack;

/**
 * The right-hand "Lessons" dock: the pack list, and the lesson player when a pack is open ("All lessons" goes back).
 * The main window docks this one component and forwards its engine edits to {@link #onSessionEdited()}.
 */
public final class LessonsDock extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "list";
    private static final String PLAYER = "player";

    private final CardLayout cards = new CardLayout();
    private final LessonBrowserPanel browser;
    private final LessonPlayerPanel player;

    /**
     * Creates the dock.
     *
     * @param packs    the loaded lesson packs
     * @param engine   the live engine (may be null until a session is open; see {@link #setEngine})
     * @param progress the learner's progress
     * @param measurer measures audio checks (e.g. {@code new RenderedMeasurements(stemCache)})
     * @param drill    the drill panel used by drill steps
     */
    public LessonsDock(List<LessonPack> packs, MixEngine engine, ProgressView progress, SessionMeasurer measurer,
                       DrillPanel drill) {
        setLayout(cards);
        getAccessibleContext().setAccessibleName("Lessons");
        player = new LessonPlayerPanel(engine, progress, measurer, drill);
        browser = new LessonBrowserPanel(packs, progress, this::openPack);
        player.setOnBackToList(this::showList);
        player.setOnProgress(browser::refresh);
        add(browser, LIST);
        add(player, PLAYER);
        cards.show(this, LIST);
    }

    /** Opens a pack in the player. */
    public void openPack(LessonPack pack) {
        player.setPack(pack);
        cards.show(this, PLAYER);
        player.requestFocusInWindow();
    }

    /** Shows the pack list (refreshed). */
    public void showList() {
        browser.refresh();
        player.setPack(null);
        cards.show(this, LIST);
    }

    /** Forward of {@link LessonPlayerPanel#onSessionEdited()}: call after every engine edit. */
    public void onSessionEdited() {
        player.onSessionEdited();
    }

    /** Sets the engine whose session is checked. */
    public void setEngine(MixEngine engine) {
        player.setEngine(engine);
    }

    /** The pack list. */
    public LessonBrowserPanel browser() {
        return browser;
    }

    /** The lesson player (set its callbacks: open session, open exercise). */
    public LessonPlayerPanel player() {
        return player;
    }
}
