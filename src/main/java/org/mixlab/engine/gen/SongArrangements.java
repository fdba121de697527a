package org.mixlab.engine.gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The three lesson songs as note data: "Open Road" (pop-rock, G major, 120 BPM, 4/4), "Night Shift" (electronic,
 * A minor, 120 BPM, 4/4) and "Harbour Lights" (acoustic ballad, D major, 90 BPM, 3/4). Each is an 8-bar loop of
 * exactly 16 s with seven stems. Notes are humanised (timing and velocity) with fixed seeds, so every call returns
 * identical data. The lead line is deliberately uneven (velocities 40..127). No note-off lies beyond the loop end;
 * release tails that ring past it are folded back onto the loop start by {@link StemRenderer}.
 */
public final class SongArrangements {
    /** Seed base for the humanisation; changing it changes every stem. */
    public static final long SEED = 20_261_206L;

    // General MIDI percussion keys
    private static final int KICK = 36;
    private static final int SNARE = 38;
    private static final int CLAP = 39;
    private static final int CLOSED_HAT = 42;
    private static final int OPEN_HAT = 46;
    private static final int CRASH = 49;

    private SongArrangements() {}

    /** All three songs in a fixed order: pop-rock, electronic, ballad. */
    public static List<SongSpec> all() {
        return List.of(openRoad(), nightShift(), harbourLights());
    }

    /** Finds a song by id ("pop-rock", "electronic", "ballad"); throws with a clear message if unknown. */
    public static SongSpec byId(String id) {
        for (SongSpec s : all()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown song id '" + id + "' (known: pop-rock, electronic, ballad)");
    }

    /** Pop-rock "Open Road": G D Em C G D C D, 120 BPM, 4/4, overdriven guitar, string pad, choir lead. */
    public static SongSpec openRoad() {
        String id = "pop-rock";
        final double tempo = 120;
        int[] roots = {note("G2"), note("D2"), note("E2"), note("C2"), note("G2"), note("D2"), note("C2"), note("D2")};
        int[][] power = {chord("G3 D4 G4"), chord("D3 A3 D4"), chord("E3 B3 E4"), chord("C3 G3 C4"),
            chord("G3 D4 G4"), chord("D3 A3 D4"), chord("C3 G3 C4"), chord("D3 A3 D4")};
        int[][] pads = {chord("B3 D4 G4"), chord("A3 D4 F#4"), chord("B3 E4 G4"), chord("C4 E4 G4"),
            chord("B3 D4 G4"), chord("A3 D4 F#4"), chord("C4 E4 G4"), chord("A3 D4 F#4")};
        final int bpb = 4;
        final int bars = 8;

        List<NoteEvent> kick = new ArrayList<>();
        List<NoteEvent> snare = new ArrayList<>();
        List<NoteEvent> hats = new ArrayList<>();
        List<NoteEvent> bass = new ArrayList<>();
        List<NoteEvent> gtr = new ArrayList<>();
        List<NoteEvent> pad = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            double o = b * bpb;
            boolean last = b == bars - 1;
            hit(kick, o, KICK, 112);
            hit(kick, o + 1.5, KICK, 84);
            hit(kick, o + 2, KICK, 106);
            if (last) {
                hit(kick, o + 2.5, KICK, 96);
            } else if (b == 3) {
                hit(kick, o + 3.5, KICK, 80);
            }
            hit(snare, o + 1, SNARE, 104);
            if (last) {
                hit(snare, o + 3, SNARE, 92);
                hit(snare, o + 3.25, SNARE, 84);
                hit(snare, o + 3.5, SNARE, 100);
                hit(snare, o + 3.75, SNARE, 116);
            } else {
                hit(snare, o + 3, SNARE, 110);
            }
            if (b == 1 || b == 5) {
                hit(snare, o + 2.75, SNARE, 38);
            }
            for (int e = 0; e < 8; e++) {
                boolean open = b == 3 && e == 7;
                int vel = e % 2 == 0 ? (e % 4 == 0 ? 92 : 80) : 58;
                hats.add(new NoteEvent(o + e * 0.5, open ? 0.5 : 0.25, open ? OPEN_HAT : CLOSED_HAT, vel));
            }
            if (b == 0 || b == 4) {
                hats.add(new NoteEvent(o, 6.0, CRASH, 100));
            }
            int[] walk = last ? new int[] {0, 0, 0, 0, 2, 2, 4, 4} : new int[] {0, 0, 0, 0, 0, 0, 0, 0};
            if (b == 3) {
                walk = new int[] {0, 0, 0, 0, 0, 0, 2, 2};
            }
            for (int e = 0; e < 8; e++) {
                int vel = e % 2 == 0 ? 100 : 78;
                bass.add(new NoteEvent(o + e * 0.5, 0.42, roots[b] + walk[e], vel));
            }
            double[][] strum = {{0, 0.9, 100}, {1.5, 0.9, 86}, {2.5, 0.4, 78}, {3, last ? 0.7 : 0.9, 96}};
            for (double[] s : strum) {
                for (int p : power[b]) {
                    gtr.add(new NoteEvent(o + s[0], s[1], p, (int) s[2]));
                }
            }
            for (int p : pads[b]) {
                pad.add(new NoteEvent(o, last ? 3.5 : 3.95, p, 72));
            }
        }
        List<NoteEvent> lead = bars(bpb,
            "0 1.5 B4 88; 1.5 0.5 A4 60; 2 2 G4 72",
            "0 1 A4 45; 1 1 B4 52; 2 1.5 A4 110; 3.5 0.5 F#4 64",
            "0 2 G4 124; 2 1 E4 40; 3 1 G4 56",
            "0 3 E4 92; 3 1 D4 48",
            "0 1.5 D5 127; 1.5 0.5 B4 66; 2 2 D5 84",
            "0 1 E5 42; 1 1 D5 100; 2 2 A4 58",
            "0 1.5 G4 118; 1.5 0.5 E4 46; 2 2 G4 76",
            "0 2 A4 104; 2 1.25 F#4 50");

        double loop = bpb * bars;
        List<StemSpec> stems = List.of(
            stem(id, tempo, "kick.wav", "kick", "Kick", true, 0, -2.0, null, List.of("too-loud"), kick, loop, 3, 6),
            stem(id, tempo, "snare.wav", "snare", "Snare", true, 0, -9.0, null, List.of(), snare, loop, 3, 6),
            stem(id, tempo, "hats.wav", "hats", "Hi-hat & crash", true, 0, -14.0, null, List.of("too-quiet"), hats, loop,
                3, 8),
            stem(id, tempo, "bass.wav", "bass", "Bass", false, 33, -3.0, new ProblemEq(150, 6, 1.0),
                List.of("boomy-150hz"), bass, loop, 5, 6),
            stem(id, tempo, "guitar.wav", "guitar", "Rhythm guitar", false, 29, -1.5, new ProblemEq(3000, 5, 1.2),
                List.of("too-loud", "harsh-3khz"), gtr, loop, 6, 6),
            stem(id, tempo, "pad.wav", "pad", "Strings", false, 48, -11.0, null, List.of(), pad, loop, 4, 4),
            stem(id, tempo, "lead.wav", "lead", "Lead vocal (choir)", false, 52, -6.0, null,
                List.of("uneven-dynamics"), lead, loop, 10, 5));
        return new SongSpec(id, "Open Road", "pop-rock", tempo, "G major", bpb, bars, withCommonProblems(stems));
    }

    /** Electronic "Night Shift": Am F C G Am F G E, 120 BPM, 4/4, TR-808 kit, synth bass, saw stabs, warm pad. */
    public static SongSpec nightShift() {
        String id = "electronic";
        final double tempo = 120;
        int[] roots = {note("A2"), note("F2"), note("C2"), note("G2"), note("A2"), note("F2"), note("G2"), note("E2")};
        int[][] keys = {chord("A3 C4 E4 G4"), chord("F3 A3 C4 E4"), chord("G3 C4 E4"), chord("G3 B3 D4 G4"),
            chord("A3 C4 E4 G4"), chord("F3 A3 C4 E4"), chord("G3 B3 D4 G4"), chord("G#3 B3 E4")};
        int[][] pads = {chord("E4 A4 C5"), chord("F4 A4 C5"), chord("E4 G4 C5"), chord("D4 G4 B4"),
            chord("E4 A4 C5"), chord("F4 A4 C5"), chord("D4 G4 B4"), chord("E4 G#4 B4")};
        final int bpb = 4;
        final int bars = 8;

        List<NoteEvent> kick = new ArrayList<>();
        List<NoteEvent> clap = new ArrayList<>();
        List<NoteEvent> hats = new ArrayList<>();
        List<NoteEvent> bass = new ArrayList<>();
        List<NoteEvent> ep = new ArrayList<>();
        List<NoteEvent> pad = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            double o = b * bpb;
            boolean last = b == bars - 1;
            for (int q = 0; q < 4; q++) {
                boolean lastBeat = last && q == 3;
                if (!lastBeat) {
                    hit(kick, o + q, KICK, q == 0 ? 118 : 108);
                }
                hats.add(new NoteEvent(o + q, 0.2, CLOSED_HAT, 62));
                hats.add(new NoteEvent(o + q + 0.25, 0.2, CLOSED_HAT, 40));
                if (!lastBeat) {
                    hats.add(new NoteEvent(o + q + 0.5, 0.25, OPEN_HAT, 84));
                }
                if (!lastBeat) {
                    hats.add(new NoteEvent(o + q + 0.75, 0.2, CLOSED_HAT, 46));
                }
            }
            hit(clap, o + 1, CLAP, 100);
            hit(clap, o + 3, CLAP, 106);
            if (b == 3 || last) {
                hit(clap, o + 3.75, CLAP, 70);
            }
            int r = roots[b];
            double[][] line = {{0, 0.25, 0, 100}, {0.5, 0.4, 0, 90}, {1.5, 0.4, 0, 84}, {2.5, 0.4, 12, 96},
                {3.5, 0.25, 0, 86}, {3.75, 0.2, 7, 70}};
            for (double[] n : line) {
                if (last && n[0] > 3) {
                    continue;
                }
                bass.add(new NoteEvent(o + n[0], n[1], r + (int) n[2], (int) n[3]));
            }
            double[][] stabs = {{0, 0.25, 96}, {0.75, 0.25, 80}, {1.5, 0.5, 90}, {2.5, 0.25, 76}, {3, 0.5, 88}};
            for (double[] s : stabs) {
                for (int p : keys[b]) {
                    ep.add(new NoteEvent(o + s[0], s[1], p, (int) s[2]));
                }
            }
            for (int p : pads[b]) {
                pad.add(new NoteEvent(o, last ? 2.0 : 3.95, p, 80));
            }
        }
        List<NoteEvent> lead = bars(bpb,
            "0 1 E5 100; 1 0.5 D5 52; 1.5 1.5 C5 80; 3 1 A4 44",
            "0 2 C5 120; 2 1 A4 60; 3 1 C5 46",
            "0 1.5 E5 90; 1.5 0.5 G5 127; 2 2 E5 64",
            "0 3 D5 74; 3 1 B4 40",
            "0 1 A5 112; 1 1 G5 56; 2 2 E5 98",
            "0 1.5 F5 50; 1.5 0.5 E5 68; 2 2 C5 106",
            "0 2 D5 42; 2 2 B4 88",
            "0 2 G#4 118; 2 1.25 B4 54");

        double loop = bpb * bars;
        List<StemSpec> stems = List.of(
            stem(id, tempo, "kick.wav", "kick", "808 kick", true, 25, -1.5, null, List.of("too-loud"), kick, loop, 1, 3),
            stem(id, tempo, "snare.wav", "snare", "Clap", true, 25, -12.0, null, List.of("too-quiet"), clap, loop, 2, 4),
            stem(id, tempo, "hats.wav", "hats", "Hi-hats", true, 25, -4.0, null, List.of("too-loud"), hats, loop, 2, 6),
            stem(id, tempo, "bass.wav", "bass", "Synth bass", false, 38, -7.5, new ProblemEq(150, 6, 1.0),
                List.of("boomy-150hz"), bass, loop, 2, 5),
            stem(id, tempo, "keys.wav", "keys", "Saw synth stabs", false, 81, -3.0, new ProblemEq(3000, 5, 1.2),
                List.of("too-loud", "harsh-3khz"), ep, loop, 4, 6),
            stem(id, tempo, "pad.wav", "pad", "Warm pad", false, 89, -2.5, null, List.of("too-loud"), pad, loop, 3, 4),
            stem(id, tempo, "lead.wav", "lead", "Lead (synth voice)", false, 54, -13.0, null,
                List.of("too-quiet", "uneven-dynamics"), lead, loop, 8, 5));
        return new SongSpec(id, "Night Shift", "electronic", tempo, "A minor", bpb, bars, withCommonProblems(stems));
    }

    /** Acoustic ballad "Harbour Lights": D A/C# Bm G D A G A, 90 BPM, 3/4, brushes, steel guitar, strings. */
    public static SongSpec harbourLights() {
        String id = "ballad";
        final double tempo = 90;
        int[] roots = {note("D2"), note("C#2"), note("B1"), note("G1"), note("D2"), note("A1"), note("G1"), note("A1")};
        int[] fifths = {note("A2"), note("E2"), note("F#2"), note("D2"), note("A2"), note("E2"), note("D2"),
            note("C#2")};
        int[][] gtrChords = {chord("D3 A3 D4 F#4"), chord("C#3 A3 C#4 E4"), chord("B2 F#3 B3 D4"),
            chord("G2 D3 G3 B3"), chord("D3 A3 D4 F#4"), chord("A2 E3 A3 C#4"), chord("G2 D3 G3 B3"),
            chord("A2 E3 A3 C#4")};
        int[][] strings = {chord("D4 F#4 A4"), chord("C#4 E4 A4"), chord("B3 D4 F#4"), chord("B3 D4 G4"),
            chord("D4 F#4 A4"), chord("C#4 E4 A4"), chord("B3 D4 G4"), chord("C#4 E4 A4")};
        final int bpb = 3;
        final int bars = 8;
        final int brushKit = 40;

        List<NoteEvent> kick = new ArrayList<>();
        List<NoteEvent> snare = new ArrayList<>();
        List<NoteEvent> hats = new ArrayList<>();
        List<NoteEvent> bass = new ArrayList<>();
        List<NoteEvent> gtr = new ArrayList<>();
        List<NoteEvent> str = new ArrayList<>();
        int[] arp = {0, 1, 2, 3, 2, 1};
        int[] hatVel = {70, 40, 56, 40, 62, 42};
        for (int b = 0; b < bars; b++) {
            double o = b * bpb;
            boolean last = b == bars - 1;
            hit(kick, o, KICK, 86);
            if (b == 3 || last) {
                hit(kick, o + 1.5, KICK, 64);
            }
            hit(snare, o + 1, SNARE, 44);
            hit(snare, o + 2, SNARE, 88);
            for (int e = 0; e < 6; e++) {
                hats.add(new NoteEvent(o + e * 0.5, 0.25, CLOSED_HAT, hatVel[e]));
                int p = gtrChords[b][arp[e]];
                if (last && e == 5) {
                    continue;
                }
                double len = last ? Math.min(1.4, 2.6 - e * 0.5) : 1.4;
                gtr.add(new NoteEvent(o + e * 0.5, len, p, e == 0 ? 92 : 70 + 4 * (e % 3)));
            }
            bass.add(new NoteEvent(o, 1.8, roots[b], 96));
            bass.add(new NoteEvent(o + 2, last ? 0.75 : 0.9, fifths[b], 80));
            for (int p : strings[b]) {
                str.add(new NoteEvent(o, last ? 2.0 : 2.95, p, 76));
            }
        }
        List<NoteEvent> lead = bars(bpb,
            "0 2 F#4 90; 2 1 A4 56",
            "0 1.5 E4 44; 1.5 0.5 F#4 62; 2 1 E4 100",
            "0 2 D4 118; 2 1 F#4 48",
            "0 1 B4 70; 1 1 A4 40; 2 1 G4 84",
            "0 2 A4 127; 2 1 D5 60",
            "0 1.5 C#5 46; 1.5 1.5 B4 108",
            "0 1 B4 58; 1 2 D5 122",
            "0 2 C#5 76; 2 0.75 A4 42");

        double loop = bpb * bars;
        List<StemSpec> stems = List.of(
            stem(id, tempo, "kick.wav", "kick", "Kick (brushes kit)", true, brushKit, -10.0, null, List.of("too-quiet"),
                kick, loop, 4, 6),
            stem(id, tempo, "snare.wav", "snare", "Brush snare", true, brushKit, -3.5, null, List.of("too-loud"), snare,
                loop, 4, 6),
            stem(id, tempo, "hats.wav", "hats", "Hi-hat", true, brushKit, -13.5, null, List.of(), hats, loop, 4, 8),
            stem(id, tempo, "bass.wav", "bass", "Acoustic bass", false, 32, -2.0, new ProblemEq(150, 6, 1.0),
                List.of("too-loud", "boomy-150hz"), bass, loop, 6, 6),
            stem(id, tempo, "guitar.wav", "guitar", "Steel-string guitar", false, 25, -5.0, new ProblemEq(3000, 5, 1.2),
                List.of("harsh-3khz"), gtr, loop, 7, 8),
            stem(id, tempo, "pad.wav", "pad", "Slow strings", false, 49, -8.0, null, List.of(), str, loop, 5, 4),
            stem(id, tempo, "lead.wav", "lead", "Lead vocal (oohs)", false, 53, -2.5, null,
                List.of("too-loud", "uneven-dynamics"), lead, loop, 12, 5));
        return new SongSpec(id, "Harbour Lights", "acoustic ballad", tempo, "D major", bpb, bars,
            withCommonProblems(stems));
    }

    /** MIDI note number of a name like "C4" (= 60), "F#2" or "Bb3"; throws on anything else. */
    public static int note(String name) {
        String n = name.trim();
        int letter = n.isEmpty() || n.charAt(0) == '.' ? -1 : "C.D.EF.G.A.B".indexOf(n.charAt(0));
        if (letter < 0) {
            throw new IllegalArgumentException("bad note name '" + name + "'");
        }
        int semis = letter;
        int pos = 1;
        if (semis >= 0 && n.length() > 1 && (n.charAt(1) == '#' || n.charAt(1) == 'b')) {
            semis += n.charAt(1) == '#' ? 1 : -1;
            pos = 2;
        }
        try {
            int midi = (Integer.parseInt(n.substring(pos)) + 1) * 12 + semis;
            if (midi < 0 || midi > 127) {
                throw new IllegalArgumentException("bad note name '" + name + "'");
            }
            return midi;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("bad note name '" + name + "'", e);
        }
    }

    private static int[] chord(String names) {
        String[] parts = names.trim().split("\\s+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = note(parts[i]);
        }
        return out;
    }

    private static void hit(List<NoteEvent> into, double beat, int key, int velocity) {
        into.add(new NoteEvent(beat, 1.0, key, velocity));
    }

    /** Parses one string per bar of "beatInBar lengthBeats NOTE velocity; ..." into notes. */
    private static List<NoteEvent> bars(int beatsPerBar, String... barTexts) {
        List<NoteEvent> out = new ArrayList<>();
        for (int b = 0; b < barTexts.length; b++) {
            for (String item : barTexts[b].split(";")) {
                String[] f = item.trim().split("\\s+");
                out.add(new NoteEvent(b * beatsPerBar + Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    note(f[2]), Integer.parseInt(f[3])));
            }
        }
        return out;
    }

    private static List<StemSpec> withCommonProblems(List<StemSpec> stems) {
        List<StemSpec> out = new ArrayList<>();
        for (StemSpec s : stems) {
            List<String> p = new ArrayList<>(s.problems());
            p.add("dry");
            p.add("mono-centred");
            out.add(new StemSpec(s.file(), s.role(), s.name(), s.percussion(), s.program(), s.targetPeakDb(),
                s.problemEq(), p, s.notes()));
        }
        return out;
    }

    /**
     * Humanises raw notes with a seed derived from the song and stem, and builds the stem.
     *
     * @param timingMs   standard deviation of the timing offset in ms (clamped to 2.5 sigma)
     * @param velJitter  maximum velocity change either way
     */
    private static StemSpec stem(String songId, double tempoBpm, String file, String role, String name, boolean percussion,
                                 int program, double targetPeakDb, ProblemEq eq, List<String> problems,
                                 List<NoteEvent> raw, double loopBeats, double timingMs, int velJitter) {
        Random rnd = new Random(SEED ^ ((long) songId.hashCode() << 20) ^ file.hashCode());
        boolean isLead = "lead".equals(role);
        int velMin = isLead ? 40 : 1;
        double secondsPerBeat = 60.0 / tempoBpm;
        List<NoteEvent> out = new ArrayList<>();
        for (NoteEvent n : raw) {
            double offMs = Math.max(-2.5 * timingMs, Math.min(2.5 * timingMs, rnd.nextGaussian() * timingMs));
            double start = Math.max(0.0, n.startBeat() + offMs / 1000.0 / secondsPerBeat);
            int vel = n.velocity() + (int) Math.round((rnd.nextDouble() * 2 - 1) * velJitter);
            vel = Math.max(velMin, Math.min(127, vel));
            double end = Math.min(loopBeats, start + n.lengthBeats());
            if (end - start < 0.05) {
                start = end - 0.05;
            }
            out.add(new NoteEvent(start, end - start, n.pitch(), vel));
        }
        out.sort(Comparator.comparingDouble(NoteEvent::startBeat).thenComparingInt(NoteEvent::pitch));
        return new StemSpec(file, role, name, percussion, program, targetPeakDb, eq, problems, out);
    }
}
