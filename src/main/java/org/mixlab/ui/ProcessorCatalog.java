package org.mixlab.ui;

import java.util.List;
import org.mixlab.dsp.Processor;
import org.mixlab.engine.ProcessorRegistry;

/**
 * The processor types the mixer offers in its "Add insert" menus and the editors build their controls from.
 * The app uses {@link #registry()}; tests and the demo pass their own.
 */
public interface ProcessorCatalog {
    /** Type ids in menu order. */
    List<String> types();

    /** A fresh processor of {@code typeId} at its defaults (the UI's own copy, for drawing curves). */
    Processor create(String typeId);

    /** Display name of {@code typeId}, e.g. "Equalizer". */
    String displayName(String typeId);

    /** The catalog backed by {@link ProcessorRegistry}. */
    static ProcessorCatalog registry() {
        return new ProcessorCatalog() {
            @Override
            public List<String> types() {
                return ProcessorRegistry.types();
            }

            @Override
            public Processor create(String typeId) {
                return ProcessorRegistry.create(typeId);
            }

            @Override
            public String displayName(String typeId) {
                return ProcessorRegistry.displayName(typeId);
            }
        };
    }
}
