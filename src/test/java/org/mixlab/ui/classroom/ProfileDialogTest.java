package org.mixlab.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("gui")
class ProfileDialogTest {

    @BeforeAll
    static void setUpSwing() {
        System.setProperty("flatlaf.uiScale", "1x");
        System.setProperty("mixlab.audio", "none");
        GuiActionRunner.execute(() -> FlatLightLaf.setup());
    }

    @Test
    void emptyAndBadFieldsGetOneLineMessagesAndNothingIsCreated() {
        InMemoryProfiles profiles = new InMemoryProfiles();
        ProfileDialog d = GuiActionRunner.execute(() -> new ProfileDialog(null, profiles, true));
        boolean ok = GuiActionRunner.execute(() -> {
            d.setFields("", "S 12", "");
            return d.submit();
        });
        assertThat(ok).isFalse();
        assertThat(profiles.profiles()).isEmpty();
        assertThat(GuiActionRunner.execute(() -> d.errorFor("name"))).isEqualTo("Must not be empty.");
        assertThat(GuiActionRunner.execute(() -> d.errorFor("student id")))
                .startsWith("Use letters, digits").doesNotContain("\n");
        assertThat(GuiActionRunner.execute(() -> d.errorFor("class code"))).isEqualTo("Must not be empty.");
        GuiActionRunner.execute(d::dispose);
    }

    @Test
    void validFieldsCreateTheProfileAndMakeItCurrent() {
        InMemoryProfiles profiles = new InMemoryProfiles();
        ProfileDialog d = GuiActionRunner.execute(() -> new ProfileDialog(null, profiles, false));
        boolean ok = GuiActionRunner.execute(() -> {
            d.setFields("  Ada Lovelace ", "S12345", "10B-music");
            return d.submit();
        });
        assertThat(ok).isTrue();
        assertThat(d.created()).isEqualTo(new ProfileService.Profile("Ada Lovelace", "S12345", "10B-music"));
        assertThat(profiles.current()).contains(d.created());

        ProfileDialog again = GuiActionRunner.execute(() -> new ProfileDialog(null, profiles, false));
        boolean dup = GuiActionRunner.execute(() -> {
            again.setFields("Ada L", "S12345", "10B-music");
            return again.submit();
        });
        assertThat(dup).isFalse();
        assertThat(GuiActionRunner.execute(() -> again.errorFor("student id"))).contains("already exists");
        GuiActionRunner.execute(again::dispose);
    }

    @Test
    void switchDialogMakesTheChosenProfileCurrent() throws Exception {
        InMemoryProfiles profiles = new InMemoryProfiles();
        profiles.create("Ada", "S1", "10B");
        profiles.create("Grace", "S2", "10B");
        SwitchProfileDialog d = GuiActionRunner.execute(() -> new SwitchProfileDialog(null, profiles));
        boolean ok = GuiActionRunner.execute(() -> {
            d.select(0);
            return d.choose();
        });
        assertThat(ok).isTrue();
        assertThat(profiles.current().orElseThrow().name()).isEqualTo("Ada");
    }
}
