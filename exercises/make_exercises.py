#!/usr/bin/env python3
"""Builds the graded exercises in this folder from the songs in ../audio.

Each exercise gets exercise.json, start.session.json and (except in exam mode) reference.session.json.
The mixing exercises adapt a song's unmixed and reference sessions; the mastering ones start from the
song's rendered reference.wav. Two mastering references are calibrated by rendering with the MixLab
command line (pass the command as the first argument, e.g. "java -jar target/mixlab.jar"), which also
writes the exam exercise's reference audio and profile.

Usage: python3 exercises/make_exercises.py "MIXLAB_COMMAND"   (run from the project root)
"""
import copy
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = os.path.join(ROOT, "exercises")
SONGS = {"pop-rock": "Open Road", "electronic": "Night Shift", "ballad": "Harbour Lights"}
MIXLAB = shlex.split(sys.argv[1]) if len(sys.argv) > 1 else None


def load(song, which):
    with open(os.path.join(ROOT, "audio", song, which + ".session.json")) as f:
        return json.load(f)


def repoint(session, song):
    for t in session["tracks"]:
        t["file"] = "../../audio/%s/%s" % (song, os.path.basename(t["file"]))
    return session


def song_ref(song):
    return repoint(load(song, "reference"), song)


def song_unmixed(song):
    return repoint(load(song, "unmixed"), song)


def strip_processing(s, keep_types=(), keep_sends=False, keep_aux=False):
    """Removes inserts not in keep_types, and sends/auxes unless kept."""
    for t in s["tracks"]:
        t["inserts"] = [i for i in t["inserts"] if i["type"] in keep_types]
        if not keep_sends:
            t["sends"] = []
    if not keep_aux:
        s["auxes"] = []
    s["master"] = {"gainDb": 0, "inserts": []}
    return s


def track(s, tid):
    for t in s["tracks"]:
        if t["id"] == tid:
            return t
    raise KeyError(tid)


def remove_inserts(s, tid, typ):
    t = track(s, tid)
    t["inserts"] = [i for i in t["inserts"] if i["type"] != typ]


def insert(iid, typ, params, mix=1.0):
    return {"id": iid, "type": typ, "bypass": False, "mix": mix, "params": params}


def mastering_session(song, title, master_inserts, master_gain=0.0):
    return {
        "format": "mixlab-session", "version": 1, "title": title, "sampleRate": 44100,
        "tempoBpm": load(song, "unmixed")["tempoBpm"], "loop": {"startS": 0, "endS": 16},
        "tracks": [{"id": "mix", "name": "Mix", "role": "mix", "file": "../../audio/%s/reference.wav" % song,
                    "gainDb": 0, "trimDb": 0, "pan": 0, "mute": False, "solo": False, "polarity": False,
                    "output": "master", "inserts": [], "sends": []}],
        "buses": [], "auxes": [], "vcas": [],
        "master": {"gainDb": master_gain, "inserts": master_inserts}}


def setting(cid, selector, tol, fall, weight=1, **extra):
    c = {"id": cid, "kind": "setting", "selector": selector, "tolerance": tol, "falloff": fall, "weight": weight}
    c.update(extra)
    return c


def relative(cid, a, b, tol, fall, weight=1, **extra):
    c = {"id": cid, "kind": "relative-setting", "selector": a, "minus": b, "tolerance": tol, "falloff": fall,
         "weight": weight}
    c.update(extra)
    return c


def audio(cid, kind, tol, fall, weight=1, **extra):
    c = {"id": cid, "kind": kind, "tolerance": tol, "falloff": fall, "weight": weight}
    c.update(extra)
    return c


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def exercise(eid, title, tool, difficulty, minutes, song, brief, start, reference, criteria,
             listen=True, ref_audio=None, profile=None):
    d = os.path.join(EX, eid)
    os.makedirs(d, exist_ok=True)
    start = copy.deepcopy(start)
    start["title"] = "%s - %s (start)" % (SONGS[song], title)
    write_json(os.path.join(d, "start.session.json"), start)
    ref = {}
    if reference is not None:
        reference = copy.deepcopy(reference)
        reference["title"] = "%s - %s (reference)" % (SONGS[song], title)
        write_json(os.path.join(d, "reference.session.json"), reference)
        ref["session"] = "reference.session.json"
    elif os.path.exists(os.path.join(d, "reference.session.json")):
        os.remove(os.path.join(d, "reference.session.json"))
    if ref_audio:
        ref["audio"] = ref_audio
    if profile:
        ref["profile"] = profile
    write_json(os.path.join(d, "exercise.json"), {
        "format": "mixlab-exercise", "version": 1, "id": eid, "title": title, "tool": tool,
        "difficulty": difficulty, "timeLimitMin": minutes, "brief": brief.strip() + "\n",
        "start": "start.session.json", "reference": ref, "allowReferenceListening": listen,
        "rubric": {"passScore": 70, "criteria": criteria}})
    return d


def run(args):
    return subprocess.run(MIXLAB + args, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def loudness(session_obj, folder):
    """Renders a session (written into folder) and returns its analysis."""
    path = os.path.join(folder, ".calibrate.session.json")
    write_json(path, session_obj)
    out = os.path.join(tempfile.gettempdir(), "mixlab-calibrate.wav")
    try:
        run(["render", path, "-o", out, "--tail", "1", "--bits", "32f"])
        return json.loads(run(["analyze", "--json", out]))
    finally:
        os.remove(path)


def calibrate_limiter(song, folder, chain, target_lufs):
    """Finds the limiter input gain (last insert of chain) that reaches target_lufs, by secant steps."""
    x = max(0.0, min(24.0, target_lufs - loudness(mastering_session(song, "cal", []), folder)["integratedLufs"]))
    for _ in range(6):
        chain[-1]["params"]["inputDb"] = round(x, 1)
        got = loudness(mastering_session(song, "cal", chain), folder)["integratedLufs"]
        if abs(got - target_lufs) < 0.15:
            break
        x = max(0.0, min(24.0, x + (target_lufs - got) * 1.15))
    return chain


# --------------------------------------------------------------------------------------------- balance

def balance():
    s = "pop-rock"
    ref = strip_processing(song_ref(s))
    start = copy.deepcopy(ref)
    for tid, off in (("bass", 6), ("snare", -7), ("lead", -5)):
        track(start, tid)["gainDb"] = round(track(ref, tid)["gainDb"] + off, 1)
    exercise("balance-1", "Kick, bass, snare and lead", "balance", 1, 10, s, """
A quick rough mix of **Open Road** came back with the rhythm section out of shape: the bass swamps the
kick, the snare has almost disappeared and the lead vocal sinks behind the band.

Use **only the faders** to rebuild the core of the mix around the kick:

- the kick and the bass should read as one low-end unit, with the kick's punch still clear;
- the snare should crack through on beats 2 and 4;
- the lead should sit on top of the band, easy to follow without shouting.

Leave the kick fader where it is and move the others against it. Guitar, strings and hi-hat are not graded.
""", start, ref, [
        relative("bass-vs-kick", "track:bass/gainDb", "track:kick/gainDb", 1.5, 6),
        relative("snare-vs-kick", "track:snare/gainDb", "track:kick/gainDb", 1.5, 6),
        relative("lead-vs-kick", "track:lead/gainDb", "track:kick/gainDb", 1.5, 6)])

    s = "electronic"
    ref = strip_processing(song_ref(s))
    start = copy.deepcopy(ref)
    for t in start["tracks"]:
        t["gainDb"] = 0
    exercise("balance-2", "A full fader balance", "balance", 2, 15, s, """
**Night Shift** arrives exactly as the stems were exported: every fader at 0 dB. Some parts are far too
loud (the kick, the open hats, the pad and the saw keys) and some far too quiet (the clap and the synth
lead).

Build a complete balance with the **faders only**. Start from the kick and bring each part in against it:
clap and bass next, then the lead on top, then the keys and hats, and the pad last, as a bed under
everything. Every track is graded relative to the kick, so the overall level does not matter.
""", start, ref, [
        relative(t + "-vs-kick", "track:%s/gainDb" % t, "track:kick/gainDb", 1.5, 6)
        for t in ("snare", "bass", "lead", "keys", "hats", "pad")])

    s = "ballad"
    ref = strip_processing(song_ref(s))
    start = copy.deepcopy(ref)
    for t in start["tracks"]:
        t["gainDb"] = 0
    exercise("balance-3", "Balance by ear", "balance", 3, 20, s, """
Balance **Harbour Lights**, a quiet ballad, with the faders. This time the grade does not look at your
fader numbers. It **listens**: it renders your mix and measures how loud each instrument is against the
others, then compares that with the reference mix.

Listen to the reference, then match it. In a ballad the voice leads. Bass and brushes support it
without pushing, and the strings and guitar fill the space around it. The kick is far too quiet at the
start, and the bass and the voice are far too loud. The overall level of your mix does not count, only
the balance between the parts.
""", start, ref, [
        audio("stem-balance", "stem-balance", 1.5, 6, 3,
              stems=["kick", "snare", "hats", "bass", "guitar", "pad", "lead"]),
        relative("lead-vs-pad", "track:lead/gainDb", "track:pad/gainDb", 1.5, 6)])


# --------------------------------------------------------------------------------------------- pan

def pan():
    s = "pop-rock"
    ref = strip_processing(song_ref(s))
    start = copy.deepcopy(ref)
    for t in start["tracks"]:
        t["pan"] = 0
    exercise("pan-1", "Open up the stereo picture", "pan", 1, 10, s, """
Every part of **Open Road** sits in the centre, so the guitar, the strings and the hi-hat pile up on top
of the vocal.

Pan them out:

- the rhythm guitar goes to the **left** and the strings to the **right**, far enough apart to leave a
  clear hole in the middle for the lead;
- the hi-hat moves a little to the right, as if you were seeing the kit from the audience;
- the bass stays in the **centre**.
""", start, ref, [
        setting("guitar-pan", "track:guitar/pan", 10, 30),
        setting("pad-pan", "track:pad/pan", 10, 30),
        setting("hats-pan", "track:hats/pan", 10, 30),
        relative("guitar-pad-spread", "track:guitar/pan", "track:pad/pan", 15, 40),
        setting("bass-centre", "track:bass/pan", 5, 30, 0.5, target=0)])

    s = "electronic"
    ref = strip_processing(song_ref(s))
    start = copy.deepcopy(ref)
    for tid, p in (("bass", -60), ("lead", 50), ("keys", 0), ("pad", 0), ("hats", -30), ("snare", 0),
                   ("kick", 0)):
        track(start, tid)["pan"] = p
    exercise("pan-2", "Fix a lopsided mix", "pan", 2, 15, s, """
Someone has panned **Night Shift** by accident. The synth bass hangs off to the left and the lead
drifts right. The saw keys and the pad are stuck in the middle, and the hats sit on the wrong side.

Put the picture right:

- kick, bass and lead belong in the **centre**, because they carry the song;
- the keys go to the **left** and the pad to the **right**, roughly mirroring each other;
- the hats lean **right**, but not hard right.
""", start, ref, [
        setting("kick-pan", "track:kick/pan", 5, 30, 0.5),
        setting("bass-pan", "track:bass/pan", 5, 30),
        setting("lead-pan", "track:lead/pan", 5, 30),
        setting("keys-pan", "track:keys/pan", 10, 30),
        setting("pad-pan", "track:pad/pan", 10, 30),
        setting("hats-pan", "track:hats/pan", 10, 30)])

    s = "ballad"
    ref = strip_processing(song_ref(s))
    start = copy.deepcopy(ref)
    for t in start["tracks"]:
        t["pan"] = 0
    exercise("pan-3", "Width you can measure", "pan", 3, 15, s, """
Pan **Harbour Lights** so that it matches the reference's stereo image. The grade reads your pan
settings and also **measures** the width of your render, using the correlation between the left and
right channels.

Place the guitar and the strings on opposite sides, and move the hi-hat and the snare a little off
centre as the reference does. The voice, the bass and the kick stay in the middle. Compare with the
reference often: if your mix sounds wider or narrower than the reference, the correlation will show it.
""", start, ref, [
        relative("guitar-pad-spread", "track:guitar/pan", "track:pad/pan", 15, 40, 2),
        setting("hats-pan", "track:hats/pan", 10, 30),
        setting("lead-centre", "track:lead/pan", 5, 30, 0.5, target=0),
        audio("width", "stereo-width", 0.01, 0.06, 2, metric="correlation")])


# --------------------------------------------------------------------------------------------- tone

def eq_of(s, tid):
    for i in track(s, tid)["inserts"]:
        if i["type"] == "eq":
            return i
    raise KeyError(tid)


def tone():
    s = "pop-rock"
    full = song_ref(s)
    start = strip_processing(copy.deepcopy(full))
    ref = copy.deepcopy(start)
    for tid in ("guitar", "pad", "lead", "hats"):
        track(ref, tid)["inserts"] = [insert("eq1", "eq", {"hpOn": 1, "hpFreqHz": eq_of(full, tid)["params"]["hpFreqHz"]})]
    exercise("tone-1", "High-pass filters", "tone", 1, 10, s, """
The low end of **Open Road** is crowded, because every part brings rumble and body that nobody needs.
Put an **EQ** on the rhythm guitar, the strings, the lead and the hi-hat, and switch on its
**high-pass filter**.

Raise each filter until you start to hear the part get thinner, then back off a little. The hi-hat can
go much higher than the others. The strings and the lead have little of value below the low mids. Only
the high-pass frequency of these four tracks is graded.
""", start, ref, [
        setting(tid + "-hp", "track:%s/insert:eq/hpFreqHz" % tid, 0.5, 1.5) for tid in ("guitar", "pad", "lead", "hats")])

    s = "electronic"
    full = song_ref(s)
    start = strip_processing(copy.deepcopy(full))
    for t in start["tracks"]:
        t["inserts"] = [insert("eq1", "eq", {"hpOn": 1, "hpFreqHz": eq_of(full, t["id"])["params"]["hpFreqHz"]})]
    ref = copy.deepcopy(start)
    track(ref, "bass")["inserts"][0]["params"].update({"b1On": 1, "b1FreqHz": 150, "b1GainDb": -6, "b1Q": 1})
    track(ref, "keys")["inserts"][0]["params"].update({"b3On": 1, "b3FreqHz": 3000, "b3GainDb": -5, "b3Q": 1.2})
    exercise("tone-2", "Find the boom and the bite", "tone", 2, 15, s, """
Two parts of **Night Shift** each have one resonance that spoils them. The synth bass **booms** in the
low end, and the saw keys have a **harsh, biting** edge in the upper mids.

On each of the two EQs already in place, switch on a peaking band. Boost it steeply and sweep it to find
the resonance, then turn the boost into a **cut** of the right depth. The grade finds your band nearest
to the problem frequency, so any of bands 1 to 4 will do. It checks the frequency in octaves and the cut
in dB.
""", start, ref, [
        setting("bass-band-freq", "track:bass/insert:eq/band@150/freqHz", 0.33, 1),
        setting("bass-band-cut", "track:bass/insert:eq/band@150/gainDb", 1.5, 4.5, whenMissing=0),
        setting("keys-band-freq", "track:keys/insert:eq/band@3000/freqHz", 0.33, 1),
        setting("keys-band-cut", "track:keys/insert:eq/band@3000/gainDb", 1.5, 4.5, whenMissing=0)])

    s = "ballad"
    full = song_ref(s)
    start = strip_processing(copy.deepcopy(full))
    ref = strip_processing(copy.deepcopy(full), keep_types=("eq",))
    exercise("tone-3", "Match the reference's tone", "tone", 3, 25, s, """
EQ **Harbour Lights** until its tonal balance matches the reference. The grade measures the spectrum of
your whole mix in 1/3-octave bands, with the level taken out, and compares its shape with the
reference's. It also checks that you found the two problem resonances, in the bass and in the guitar.

Work part by part. Clean up the low end with high-pass filters, tame the boomy bass, and soften the
guitar's harsh edge. Keep comparing with the reference while you work.
""", start, ref, [
        audio("tonal-balance", "tonal-balance", 0.5, 2.0, 3),
        setting("bass-band-cut", "track:bass/insert:eq/band@150/gainDb", 1.5, 4.5, whenMissing=0),
        setting("guitar-band-cut", "track:guitar/insert:eq/band@3000/gainDb", 1.5, 4.5, whenMissing=0),
        setting("lead-hp", "track:lead/insert:eq/hpFreqHz", 0.5, 1.5, 0.5),
        setting("pad-hp", "track:pad/insert:eq/hpFreqHz", 0.5, 1.5, 0.5)])


# --------------------------------------------------------------------------------------------- dynamics

COMP_LEAD = lambda cid, sel: [
    setting(cid + "-ratio", sel + "/ratio", 0.5, 1.5),
    setting(cid + "-threshold", sel + "/thresholdDb", 3, 9),
    setting(cid + "-attack", sel + "/attackMs", 1, 2, 0.5),
    setting(cid + "-release", sel + "/releaseMs", 1, 2, 0.5),
]


def dynamics():
    s = "pop-rock"
    ref = song_ref(s)
    start = copy.deepcopy(ref)
    remove_inserts(start, "lead", "compressor")
    exercise("dynamics-1", "Control the lead", "dynamics", 1, 10, s, """
The choir lead in **Open Road** jumps between whispers and shouts. Some phrases get lost and others leap
out of the mix.

Put a **compressor** on the lead, after its EQ. Use a moderate ratio with a threshold low enough that the
loud phrases get several dB of gain reduction. The attack should be fast enough to catch the starts of
words, and the release should let go between phrases. Then make up the lost level. Watch the
gain-reduction meter while you work.
""", start, ref, COMP_LEAD("lead", "track:lead/insert:compressor") + [
        setting("lead-makeup", "track:lead/insert:compressor/makeupDb", 2, 4, 0.5)])

    s = "electronic"
    ref = song_ref(s)
    start = copy.deepcopy(ref)
    remove_inserts(start, "lead", "compressor")
    remove_inserts(start, "bass", "compressor")
    exercise("dynamics-2", "Bass and lead compression", "dynamics", 2, 15, s, """
In **Night Shift** two parts need compression.

- The **synth bass** should sit at a steady level under the kick. Use a gentle ratio and a slower attack,
  so that the front of each note still comes through.
- The **synth lead** varies a lot in level. Compress it harder, with a quick attack, so every phrase
  stays on top.

Put each compressor after the track's EQ.
""", start, ref, COMP_LEAD("bass", "track:bass/insert:compressor") + COMP_LEAD("lead", "track:lead/insert:compressor"))

    s = "ballad"
    ref = song_ref(s)
    for i in track(ref, "lead")["inserts"]:
        if i["type"] == "compressor":
            i["params"]["detector"] = 1
            i["params"]["kneeDb"] = 10
    start = copy.deepcopy(ref)
    remove_inserts(start, "lead", "compressor")
    remove_inserts(start, "bass", "compressor")
    exercise("dynamics-3", "Transparent compression", "dynamics", 3, 20, s, """
In a ballad, compression should be **heard as steadiness, not as squashing**. Compress the voice and the
bass of **Harbour Lights**.

- On the voice, use the **RMS** detector and a soft knee, so the compressor follows the loudness of
  phrases and not single peaks. Aim for a few dB of gain reduction on the loud lines, then make up the
  level.
- On the acoustic bass, use a gentle ratio and a slower attack.

There is no reference to listen to in this exercise. Judge the result by ear and with the
gain-reduction meters.
""", start, ref, COMP_LEAD("lead", "track:lead/insert:compressor") + [
        setting("lead-detector", "track:lead/insert:compressor/detector", 0, 1, 0.5),
        setting("lead-knee", "track:lead/insert:compressor/kneeDb", 3, 6, 0.5),
        setting("bass-ratio", "track:bass/insert:compressor/ratio", 0.5, 1.5),
        setting("bass-threshold", "track:bass/insert:compressor/thresholdDb", 3, 9),
        setting("bass-attack", "track:bass/insert:compressor/attackMs", 1, 2, 0.5)], listen=False)


# --------------------------------------------------------------------------------------------- saturation

def saturation():
    s = "pop-rock"
    ref = song_ref(s)
    start = copy.deepcopy(ref)
    track(ref, "bass")["inserts"].append(insert("sat1", "saturation", {"type": 0, "driveDb": 9, "autoGain": 1}))
    exercise("saturation-1", "Tape warmth on the bass", "saturation", 1, 10, s, """
The bass in **Open Road** is clean but gets lost on small speakers. **Saturation** adds harmonics an
octave and more above the notes, so the bass line can be heard even where the fundamental cannot.

Add a **saturation** insert at the end of the bass's chain, choose the **tape** character and raise the
drive until the bass growls a little. It should not sound distorted. Leave auto gain on so that the level
stays the same.
""", start, ref, [
        setting("bass-type", "track:bass/insert:saturation/type", 0, 1),
        setting("bass-drive", "track:bass/insert:saturation/driveDb", 2, 6)])

    s = "electronic"
    ref = song_ref(s)
    start = copy.deepcopy(ref)
    track(ref, "keys")["inserts"].append(insert("sat1", "saturation", {"type": 1, "driveDb": 12, "autoGain": 1}, mix=0.5))
    track(ref, "snare")["inserts"].append(insert("sat1", "saturation", {"type": 2, "driveDb": 6, "autoGain": 1}))
    exercise("saturation-2", "Parallel drive and a clipped clap", "saturation", 2, 15, s, """
Add some grit to **Night Shift**.

- On the **saw keys**, use **parallel** saturation: a heavy **tube** drive blended in at about half with
  the insert's mix control, so the keys get thicker while their attack stays clean.
- On the **clap**, a **hard clip** with a moderate drive shaves off the peaks and makes it snap harder.

Put both inserts at the end of their chains and leave auto gain on.
""", start, ref, [
        setting("keys-type", "track:keys/insert:saturation/type", 0, 1),
        setting("keys-drive", "track:keys/insert:saturation/driveDb", 2, 6),
        setting("keys-mix", "track:keys/insert:saturation/mix", 10, 30),
        setting("clap-type", "track:snare/insert:saturation/type", 0, 1),
        setting("clap-drive", "track:snare/insert:saturation/driveDb", 2, 6)])

    s = "ballad"
    ref = song_ref(s)
    start = copy.deepcopy(ref)
    track(ref, "lead")["inserts"].append(insert("sat1", "saturation", {"type": 1, "driveDb": 5, "toneDb": -2, "autoGain": 1}))
    track(ref, "guitar")["inserts"].append(insert("sat1", "saturation", {"type": 0, "driveDb": 4, "toneDb": 1, "autoGain": 1}))
    exercise("saturation-3", "Subtle colour", "saturation", 3, 20, s, """
Saturation in a ballad should be felt more than heard. Add a little colour to two parts of **Harbour
Lights**.

- The **voice** gets gentle **tube** warmth, with the tone tilted slightly **darker** so that the added
  harmonics do not make it edgy.
- The **steel-string guitar** gets a touch of **tape**, tilted slightly **brighter** to keep its sparkle.

Keep both drives low. If you can clearly hear distortion, back off. There is no reference to listen to in
this exercise.
""", start, ref, [
        setting("lead-type", "track:lead/insert:saturation/type", 0, 1),
        setting("lead-drive", "track:lead/insert:saturation/driveDb", 1.5, 4.5),
        setting("lead-tone", "track:lead/insert:saturation/toneDb", 1, 3, 0.5),
        setting("guitar-type", "track:guitar/insert:saturation/type", 0, 1),
        setting("guitar-drive", "track:guitar/insert:saturation/driveDb", 1.5, 4.5),
        setting("guitar-tone", "track:guitar/insert:saturation/toneDb", 1, 3, 0.5)], listen=False)


# --------------------------------------------------------------------------------------------- effects

def effects():
    s = "pop-rock"
    ref = song_ref(s)
    start = copy.deepcopy(ref)
    for t in start["tracks"]:
        t["sends"] = []
    exercise("effects-1", "Reverb sends", "effects", 1, 10, s, """
**Open Road** has a reverb return called *Reverb*, but nothing is sent to it yet, so the mix sounds dry
and flat.

Add **post-fader sends** to the reverb from the snare, the guitar, the strings and the lead. The strings
and the lead want the most space, the snare less, and the guitar just a little. Set the send levels so the
parts feel like they share one room without going distant.
""", start, ref, [
        setting("snare-send", "track:snare/send:verb/levelDb", 2, 8),
        setting("guitar-send", "track:guitar/send:verb/levelDb", 3, 8, 0.5),
        setting("pad-send", "track:pad/send:verb/levelDb", 2, 8),
        setting("lead-send", "track:lead/send:verb/levelDb", 2, 8)])

    s = "electronic"
    ref = song_ref(s)
    ref["auxes"][0]["inserts"][0]["params"] = {"preDelayMs": 60, "sizePct": 70, "decayS": 3.5, "dampingPct": 70,
                                               "widthPct": 100, "lowCutHz": 350}
    start = copy.deepcopy(ref)
    start["auxes"][0]["inserts"][0]["params"] = {}
    exercise("effects-2", "Shape the reverb", "effects", 2, 15, s, """
The reverb on **Night Shift** is still at its default settings. Shape it into a big, dark, clean space
that suits a slow synth track:

- a **long decay**, so the tail carries across the beats;
- enough **pre-delay** that the dry clap and lead still speak before the reverb arrives;
- a **low cut** on the reverb, so it does not muddy the kick and bass;
- more **damping**, so the tail gets darker as it fades.
""", start, ref, [
        setting("decay", "aux:verb/insert:reverb/decayS", 0.25, 1),
        setting("pre-delay", "aux:verb/insert:reverb/preDelayMs", 0.5, 1.5),
        setting("low-cut", "aux:verb/insert:reverb/lowCutHz", 0.5, 1.5),
        setting("damping", "aux:verb/insert:reverb/dampingPct", 10, 30, 0.5)])

    s = "ballad"
    ref = song_ref(s)
    ref["auxes"].append({"id": "delay", "name": "Delay", "gainDb": 0, "pan": 0, "mute": False, "solo": False,
                         "inserts": []})
    start = copy.deepcopy(ref)
    ref["auxes"][1]["inserts"] = [insert("dly1", "delay", {"sync": 1, "note": 8, "feedbackPct": 30,
                                                             "lowCutHz": 300, "highCutHz": 5000})]
    track(ref, "lead")["sends"].append({"to": "delay", "levelDb": -14, "pre": False})
    track(ref, "guitar")["sends"].append({"to": "delay", "levelDb": -20, "pre": False})
    exercise("effects-3", "A tempo-synced delay", "effects", 3, 20, s, """
**Harbour Lights** has an empty aux return called *Delay*. Put a **delay** on it and use it to give the
voice and the guitar a sense of space that moves with the song.

- Sync the delay to the tempo and choose a **dotted eighth** note.
- Use a few repeats (moderate feedback), with a darker top (high cut) and a cleaned-up low end (low cut),
  so the echoes sit behind the dry parts.
- Send the **voice** to it clearly, and the **guitar** only a little.
""", start, ref, [
        setting("note", "aux:delay/insert:delay/note", 0, 1),
        setting("sync", "aux:delay/insert:delay/sync", 0, 1, 0.5),
        setting("feedback", "aux:delay/insert:delay/feedbackPct", 10, 25),
        setting("high-cut", "aux:delay/insert:delay/highCutHz", 0.5, 1.5, 0.5),
        setting("lead-send", "track:lead/send:delay/levelDb", 2, 8),
        setting("guitar-send", "track:guitar/send:delay/levelDb", 3, 8, 0.5)], listen=True)


# --------------------------------------------------------------------------------------------- mastering

def mastering():
    d1 = os.path.join(EX, "mastering-1")
    os.makedirs(d1, exist_ok=True)
    lim = [insert("lim1", "limiter", {"inputDb": 8, "ceilingDb": -1, "releaseMs": 100, "truePeak": 1})]
    if MIXLAB:
        lim = calibrate_limiter("pop-rock", d1, lim, -14)
    exercise("mastering-1", "Streaming loudness", "mastering", 1, 15, "pop-rock", """
Master the **Open Road** mix for streaming services. They play music at about **-14 LUFS** integrated,
and many of them ask for true peaks at or below **-1 dBTP**, so that encoding to lossy formats does not
clip.

Put a **limiter** on the master. Set its ceiling for the true-peak limit, then raise its input gain until
the integrated loudness reaches the target. Check with the loudness meter, and make sure the limiter's
true-peak mode is on.
""", mastering_session("pop-rock", "", []), mastering_session("pop-rock", "", lim), [
        audio("loudness", "integrated-loudness", 1, 4, 2, target=-14),
        audio("true-peak", "true-peak", 0, 2, 2, max=-1),
        setting("ceiling", "master/insert:limiter/ceilingDb", 0.3, 1.5, max=-1)])

    ref_lufs = -19.2
    if MIXLAB:
        ref_lufs = loudness(mastering_session("electronic", "", []), os.path.join(EX, "mastering-1"))["integratedLufs"]
    gain = round(-23 - ref_lufs, 1)
    exercise("mastering-2", "EBU R128 broadcast", "mastering", 2, 10, "electronic", """
A broadcaster wants **Night Shift** delivered to **EBU R128**: **-23 LUFS** integrated, within half a
LU, with true peaks no higher than **-1 dBTP**.

Measure the mix first, then set the level. For broadcast, the loudness is reached by turning the level
down, not by limiting. A limiter set to -1 dBTP can stay on the master as a safety net.
""", mastering_session("electronic", "", []), mastering_session("electronic", "", [
        insert("lim1", "limiter", {"inputDb": 0, "ceilingDb": -1, "truePeak": 1})], master_gain=gain), [
        audio("loudness", "integrated-loudness", 0.5, 3, 3, target=-23),
        audio("true-peak", "true-peak", 0, 2, 1, max=-1)])

    glue = [insert("comp1", "compressor", {"thresholdDb": -21, "ratio": 2, "kneeDb": 6, "attackMs": 30,
                                           "releaseMs": 200, "makeupDb": 3})]
    exercise("mastering-3", "Glue compression", "mastering", 2, 15, "ballad", """
Give the **Harbour Lights** mix some "glue" with a gentle **compressor on the master**. It should
hold the parts together without changing the song's character.

Use a **low ratio** and a slow enough attack to let the transients through. Use a release that breathes
with the 90 BPM pulse. Set the threshold for about 2-3 dB of gain reduction on the loudest moments, then
make up the level so the master comes out about as loud as the reference. The grade checks your
settings and also measures the **integrated loudness** of the result.
""", mastering_session("ballad", "", []), mastering_session("ballad", "", glue), [
        setting("ratio", "master/insert:compressor/ratio", 0.4, 1.2),
        setting("attack", "master/insert:compressor/attackMs", 0.7, 1.5, 0.5),
        setting("release", "master/insert:compressor/releaseMs", 0.7, 1.5, 0.5),
        setting("threshold", "master/insert:compressor/thresholdDb", 3, 6),
        audio("loudness", "integrated-loudness", 1, 3, 1.5)])

    ms = [insert("ms1", "midside", {"widthPct": 135, "monoOn": 1, "monoBelowHz": 120, "monoSlope": 1})]
    exercise("mastering-4", "Wide top, mono low end", "mastering", 3, 15, "electronic", """
Make **Night Shift** feel wider on headphones while keeping the low end solid on club systems.

Put a **mid/side** processor on the master:

- raise the **width**, so the pad, the keys and the reverb spread further out;
- switch on the **mono-below** filter, so that everything under the kick and bass region is folded to
  mono, with the steeper slope.

The grade checks the settings and also measures the **stereo correlation** of your master against the
reference.
""", mastering_session("electronic", "", []), mastering_session("electronic", "", ms), [
        setting("mono-on", "master/insert:midside/monoOn", 0, 1),
        setting("mono-below", "master/insert:midside/monoBelowHz", 0.5, 1.5),
        setting("width", "master/insert:midside/widthPct", 10, 30),
        audio("correlation", "stereo-width", 0.01, 0.05, 1.5, metric="correlation")])

    tilt = [insert("eq1", "eq", {"lowShelfOn": 1, "lowShelfFreqHz": 120, "lowShelfGainDb": -3,
                                 "highShelfOn": 1, "highShelfFreqHz": 6000, "highShelfGainDb": 4})]
    exercise("mastering-5", "Match a reference's tone", "mastering", 3, 20, "pop-rock", """
The client loves **Open Road** but asks for the tonal balance of their reference master, which is
tighter in the lows and more open in the highs. Listen to the reference and compare it with the mix.

Put an **EQ** on the master and use its **shelves** to match the reference. The grade measures the
spectrum of your master in 1/3-octave bands, with the level taken out, and compares its shape with the
reference. It also checks the two shelf gains.
""", mastering_session("pop-rock", "", []), mastering_session("pop-rock", "", tilt), [
        audio("tonal-balance", "tonal-balance", 0.3, 1.2, 3),
        setting("low-shelf", "master/insert:eq/lowShelfGainDb", 1, 3, whenMissing=0),
        setting("high-shelf", "master/insert:eq/highShelfGainDb", 1, 3, whenMissing=0)])

    d6 = os.path.join(EX, "mastering-6")
    os.makedirs(d6, exist_ok=True)
    chain = [insert("eq1", "eq", {"hpOn": 1, "hpFreqHz": 30, "highShelfOn": 1, "highShelfFreqHz": 8000,
                                  "highShelfGainDb": 2.5}),
             insert("comp1", "compressor", {"thresholdDb": -28, "ratio": 2, "kneeDb": 6, "attackMs": 30,
                                            "releaseMs": 200, "makeupDb": 2}),
             insert("lim1", "limiter", {"inputDb": 6, "ceilingDb": -1, "releaseMs": 100, "truePeak": 1})]
    hidden = None
    if MIXLAB:
        chain = calibrate_limiter("ballad", d6, chain, -14)
        hidden = mastering_session("ballad", "Harbour Lights - exam master (hidden reference)", chain)
        tests = os.path.join(ROOT, "src", "test", "resources", "exercises")
        os.makedirs(tests, exist_ok=True)
        write_json(os.path.join(tests, "mastering-6.reference.session.json"), hidden)
        # render the reference audio next to the exercise (16-bit), profile it from the hidden session
        tmp = os.path.join(d6, "reference.session.json")
        write_json(tmp, hidden)
        run(["render", tmp, "-o", os.path.join(d6, "reference.wav"), "--tail", "0", "--bits", "16"])
    criteria = [
        audio("loudness", "integrated-loudness", 1, 4, 6),
        audio("true-peak", "true-peak", 0, 2, 2, max=-1),
        audio("tonal-balance", "tonal-balance", 0.5, 2, 2),
        audio("crest", "crest-factor", 1, 3, 1.5),
        audio("correlation", "stereo-width", 0.02, 0.1, 0.5, metric="correlation")]
    brief = """
**Exam.** Master **Harbour Lights** so that it matches the reference master. You can listen to the
reference, but its settings are hidden. You are graded on what can be measured: integrated loudness,
true peak (at most -1 dBTP), tonal balance, crest factor and stereo correlation.

Choose your own chain. An EQ, a gentle compressor and a limiter will get you there. Keep switching
between your master and the reference, at matched loudness, as you work.
"""
    if MIXLAB:
        exercise("mastering-6", "Exam: master to a reference", "mastering", 3, 30, "ballad", brief,
                 mastering_session("ballad", "", []), hidden, criteria, ref_audio="reference.wav")
        run(["profile", d6])
        os.remove(os.path.join(d6, "reference.session.json"))
    exercise("mastering-6", "Exam: master to a reference", "mastering", 3, 30, "ballad", brief,
             mastering_session("ballad", "", []), None, criteria, ref_audio="reference.wav",
             profile="reference.profile.json")


if __name__ == "__main__":
    balance()
    pan()
    tone()
    dynamics()
    saturation()
    effects()
    mastering()
