package org.mixlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two start-up system properties: {@code mixlab.fps} (frame clock period) and {@code mixlab.theme}. */
class StartupPropertiesTest {
    @AfterEach
    void clear() {
        System.clearProperty(FrameClock.FPS_PROPERTY);
        System.clearProperty(Theme.THEME_PROPERTY);
    }

    @Test
    void frameClockDefaultsTo30MsAndFollowsFps() {
        assertThat(FrameClock.periodMs()).isEqualTo(30);
        System.setProperty(FrameClock.FPS_PROPERTY, "60");
        assertThat(FrameClock.periodMs()).isEqualTo(17);
        System.setProperty(FrameClock.FPS_PROPERTY, "25");
        assertThat(FrameClock.periodMs()).isEqualTo(40);
    }

    @Test
    void badFpsKeepsTheDefault() {
        for (String bad : new String[] {"fast", "0", "1000", "-5", ""}) {
            System.setProperty(FrameClock.FPS_PROPERTY, bad);
            assertThat(FrameClock.periodMs()).as(bad).isEqualTo(FrameClock.PERIOD_MS);
        }
    }

    @Test
    void themePropertyOverridesTheRememberedChoice() {
        // when the property decides, the remembered choice (prefs) is not read, so null is safe here
        System.setProperty(Theme.THEME_PROPERTY, "dark");
        assertThat(Theme.preferredDark(null)).isTrue();
        System.setProperty(Theme.THEME_PROPERTY, "Light");
        assertThat(Theme.preferredDark(null)).isFalse();
    }
}
