package org.mixlab.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SongArrangementsTest {

    @Test
    @DisplayName("three 16 s loops with seven uniquely named stems each")
    void songsHaveSevenStemsAndSixteenSeconds() {
        List<SongSpec> songs = SongArrangements.all();
        assertThat(songs).extracting(SongSpec::id).containsExactly("pop-rock", "electronic", "ballad");
        for (SongSpec s : songs) {
            assertThat(s.lengthS()).as(s.id()).isEqualTo(16.0);
            assertThat(s.bars()).isEqualTo(8);
            assertThat(s.stems()).hasSize(7);
            Set<String> files = new HashSet<>();
            for (StemSpec st : s.stems()) {
                files.add(st.file());
                assertThat(st.targetPeakDb()).as(st.file()).isBetween(-14.0, -1.5);
                assertThat(st.notes()).as(st.file()).isNotEmpty();
                assertThat(st.problems()).contains("dry", "mono-centred");
            }
            assertThat(files).hasSize(7).contains("kick.wav", "snare.wav", "hats.wav", "bass.wav", "pad.wav",
                "lead.wav");
        }
        assertThat(SongArrangements.harbourLights().timeSignature()).isEqualTo("3/4");
        assertThat(SongArrangements.harbourLights().tempoBpm()).isEqualTo(90.0);
    }

    @Test
    @DisplayName("no note starts before the loop or ends after it")
    void notesStayInsideTheLoop() {
        for (SongSpec s : SongArrangements.all()) {
            for (StemSpec st : s.stems()) {
                for (NoteEvent n : st.notes()) {
                    assertThat(n.startBeat()).isGreaterThanOrEqualTo(0.0);
                    assertThat(n.endBeat()).as(s.id() + "/" + st.file()).isLessThanOrEqualTo(s.loopBeats());
                }
            }
        }
    }

    @Test
    @DisplayName("the lead is deliberately uneven: velocities span 40..127 widely")
    void leadIsUneven() {
        for (SongSpec s : SongArrangements.all()) {
            StemSpec lead = s.stems().stream().filter(x -> x.role().equals("lead")).findFirst().orElseThrow();
            int min = lead.notes().stream().mapToInt(NoteEvent::velocity).min().orElseThrow();
            int max = lead.notes().stream().mapToInt(NoteEvent::velocity).max().orElseThrow();
            assertThat(min).as(s.id()).isBetween(40, 50);
            assertThat(max).as(s.id()).isBetween(118, 127);
            assertThat(lead.problems()).contains("uneven-dynamics");
        }
    }

    @Test
    @DisplayName("the boomy bass and the harsh guitar/keys carry their EQ problems")
    void tonalProblems() {
        for (SongSpec s : SongArrangements.all()) {
            for (StemSpec st : s.stems()) {
                if (st.role().equals("bass")) {
                    assertThat(st.problemEq()).isEqualTo(new ProblemEq(150, 6, 1.0));
                    assertThat(st.problems()).contains("boomy-150hz");
                } else if (st.role().equals("guitar") || st.role().equals("keys")) {
                    assertThat(st.problemEq()).isEqualTo(new ProblemEq(3000, 5, 1.2));
                    assertThat(st.problems()).contains("harsh-3khz");
                } else {
                    assertThat(st.problemEq()).isNull();
                }
            }
        }
    }

    @Test
    @DisplayName("humanisation is seeded: two builds are identical, and timing really varies")
    void deterministicHumanisation() {
        assertThat(SongArrangements.all()).isEqualTo(SongArrangements.all());
        StemSpec hats = SongArrangements.openRoad().stems().get(2);
        long offGrid = hats.notes().stream().filter(n -> Math.abs(n.startBeat() * 2 - Math.rint(n.startBeat() * 2))
            > 1e-6).count();
        assertThat(offGrid).isGreaterThan(hats.notes().size() / 2);
    }

    @Test
    @DisplayName("note names map to MIDI numbers; bad names are rejected")
    void noteNames() {
        assertThat(SongArrangements.note("C4")).isEqualTo(60);
        assertThat(SongArrangements.note("A4")).isEqualTo(69);
        assertThat(SongArrangements.note("F#2")).isEqualTo(42);
        assertThat(SongArrangements.note("Bb3")).isEqualTo(58);
        assertThat(SongArrangements.note("C-1")).isEqualTo(0);
        assertThatThrownBy(() -> SongArrangements.note("H2")).hasMessageContaining("H2");
        assertThatThrownBy(() -> SongArrangements.note("C")).hasMessageContaining("bad note");
        assertThatThrownBy(() -> SongArrangements.byId("jazz")).hasMessageContaining("jazz");
    }
}
