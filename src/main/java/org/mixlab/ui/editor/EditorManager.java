package org.mixlab.ui.editor;

import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.StripModel;
import org.mixlab.ui.FrameClock;
import org.mixlab.ui.ProcessorCatalog;
import org.mixlab.ui.analysis.SpectrumAnalyzer;
import org.mixlab.ui.mixer.InsertOpener;

/** Opens one editor window per insert (a second click brings it to the front) and closes editors of removed inserts. */
public final class EditorManager implements InsertOpener {
    private final Window owner;
    private final MixEngine engine;
    private final ProcessorCatalog catalog;
    private final FrameClock clock;
    private final SpectrumAnalyzer analyzer;
    private final Map<String, ProcessorEditor> open = new LinkedHashMap<>();
    private java.util.function.Consumer<String> errorSink = s -> { };

    /** A manager for editors owned by {@code owner}. */
    public EditorManager(Window owner, MixEngine engine, ProcessorCatalog catalog, FrameClock clock,
                         SpectrumAnalyzer analyzer) {
        this.owner = owner;
        this.engine = engine;
        this.catalog = catalog;
        this.clock = clock;
        this.analyzer = analyzer;
    }

    /** Where one-line errors go (e.g. an unknown processor type). */
    public void setErrorSink(java.util.function.Consumer<String> sink) {
        errorSink = sink;
    }

    @Override
    public void open(String stripId, String insertId) {
        ProcessorEditor existing = open.get(stripId + "/" + insertId);
        if (existing != null) {
            existing.toFront();
            return;
        }
        StripModel strip = engine.session().strip(stripId);
        InsertModel insert = strip == null ? null : strip.insert(insertId);
        if (insert == null) {
            return;
        }
        Processor p;
        try {
            p = catalog.create(insert.type);
        } catch (RuntimeException e) {
            errorSink.accept("Cannot open " + insert.type + " on " + strip.name + ": " + e.getMessage());
            return;
        }
        ProcessorEditor ed = new ProcessorEditor(owner, engine, stripId, strip.name, insert, p, analyzer);
        String key = stripId + "/" + insertId;
        open.put(key, ed);
        clock.addListener(ed);
        ed.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                clock.removeListener(ed);
                open.remove(key);
            }
        });
        ed.setVisible(true);
    }

    /** The open editor of an insert, or null. */
    public ProcessorEditor editor(String stripId, String insertId) {
        return open.get(stripId + "/" + insertId);
    }

    /** Closes editors whose insert no longer exists. */
    public void closeStale() {
        for (ProcessorEditor ed : new ArrayList<>(open.values())) {
            StripModel s = engine.session().strip(ed.stripId());
            if (s == null || s.insert(ed.insertId()) == null) {
                ed.dispose();
            }
        }
    }

    /** Closes every editor. */
    public void closeAll() {
        for (ProcessorEditor ed : new ArrayList<>(open.values())) {
            ed.dispose();
        }
    }
}
