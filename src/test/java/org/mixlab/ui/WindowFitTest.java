package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Rectangle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The main window fits the usable part of small screens (school laptops) and keeps its size on large ones. */
class WindowFitTest {
    static final Dimension DEFAULT = new Dimension(1500, 920);

    @Test
    @DisplayName("on a 1366 x 768 laptop with a 40-pixel task bar the window is the usable area")
    void smallLaptop() {
        Rectangle r = MainWindow.fit(DEFAULT, new Rectangle(0, 0, 1366, 768), new Insets(0, 0, 40, 0));
        assertThat(r).isEqualTo(new Rectangle(0, 0, 1366, 728));
    }

    @Test
    @DisplayName("on a large screen the window keeps its size and is centred in the usable area")
    void largeScreen() {
        Rectangle r = MainWindow.fit(DEFAULT, new Rectangle(0, 0, 1920, 1080), new Insets(25, 0, 0, 0));
        assertThat(r).isEqualTo(new Rectangle(210, 25 + 67, 1500, 920));
    }

    @Test
    @DisplayName("on a second screen to the right the window lands on that screen")
    void secondScreen() {
        Rectangle r = MainWindow.fit(DEFAULT, new Rectangle(1920, 0, 1280, 800), new Insets(0, 0, 0, 0));
        assertThat(r).isEqualTo(new Rectangle(1920, 0, 1280, 800));
    }
}
