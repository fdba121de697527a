package org.mixlab.ui;

import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.LoopModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;

/** A small pop-rock session for the UI tests and the demo: six tracks, a drum bus, two returns, a master chain. */
public final class DemoSession {
    private DemoSession() {}

    /** A fresh copy of the demo session. */
    public static Session create() {
        Session s = new Session();
        s.title = "Pop-rock: Late Summer";
        s.sampleRate = 44_100;
        s.loop = new LoopModel();
        s.loop.startS = 32;
        s.loop.endS = 48;
        track(s, "kick", "Kick", "kick", -4, 0, -100, -100, insert("eq1", "eq", "hpOn", 1, "hpFreqHz", 35,
                "b1On", 1, "b1FreqHz", 60, "b1GainDb", 3, "b3On", 1, "b3FreqHz", 3200, "b3GainDb", 2.5),
                insert("comp1", "compressor", "thresholdDb", -20, "ratio", 4));
        track(s, "snare", "Snare", "snare", -6, 8, -14, -100, insert("eq1", "eq", "b2On", 1, "b2FreqHz", 900,
                "b2GainDb", -3, "b2Q", 2), insert("comp1", "compressor"));
        track(s, "bass", "Bass", "bass", -5, 0, -100, -100, insert("comp1", "compressor", "ratio", 6),
                insert("sat1", "saturation", "driveDb", 9));
        track(s, "guitar", "Guitar", "guitar", -9, -45, -18, -100, insert("eq1", "eq", "hpOn", 1, "hpFreqHz", 110));
        track(s, "keys", "Keys", "keys", -12, 40, -16, -20);
        track(s, "vocal", "Lead vocal", "lead", -3, 0, -12, -16, insert("eq1", "eq", "hpOn", 1, "hpFreqHz", 90,
                "b3On", 1, "b3FreqHz", 3000, "b3GainDb", 2), insert("comp1", "compressor", "thresholdDb", -24));
        s.tracks.get(0).output = "drums";
        s.tracks.get(1).output = "drums";
        BusModel drums = new BusModel();
        drums.id = "drums";
        drums.name = "Drums";
        drums.gainDb = -2;
        drums.inserts.add(insert("comp1", "compressor", "thresholdDb", -12, "ratio", 2));
        s.buses.add(drums);
        AuxModel verb = new AuxModel();
        verb.id = "verb";
        verb.name = "Reverb";
        verb.gainDb = -6;
        verb.inserts.add(insert("rev1", "reverb"));
        s.auxes.add(verb);
        AuxModel delay = new AuxModel();
        delay.id = "delay";
        delay.name = "Delay";
        delay.gainDb = -9;
        delay.inserts.add(insert("dly1", "delay", "feedbackPct", 30));
        s.auxes.add(delay);
        s.master.inserts.add(insert("eq1", "eq", "lowShelfOn", 1, "lowShelfGainDb", 1.5, "highShelfOn", 1,
                "highShelfGainDb", 2));
        s.master.inserts.add(insert("comp1", "compressor", "thresholdDb", -10, "ratio", 2, "kneeDb", 10));
        s.master.inserts.add(insert("lim1", "limiter", "inputDb", 4));
        return s;
    }

    private static void track(Session s, String id, String name, String role, double gain, double pan,
                              double verbDb, double delayDb, InsertModel... inserts) {
        TrackModel t = new TrackModel();
        t.id = id;
        t.name = name;
        t.role = role;
        t.file = "../audio/pop-rock/" + id + ".wav";
        t.gainDb = gain;
        t.pan = pan;
        for (InsertModel i : inserts) {
            t.inserts.add(i);
        }
        if (verbDb > -100) {
            t.sends.add(send("verb", verbDb));
        }
        if (delayDb > -100) {
            t.sends.add(send("delay", delayDb));
        }
        s.tracks.add(t);
    }

    private static SendModel send(String to, double db) {
        SendModel m = new SendModel();
        m.to = to;
        m.levelDb = db;
        return m;
    }

    private static InsertModel insert(String id, String type, Object... params) {
        InsertModel m = new InsertModel();
        m.id = id;
        m.type = type;
        for (int i = 0; i + 1 < params.length; i += 2) {
            m.params.put((String) params[i], ((Number) params[i + 1]).doubleValue());
        }
        return m;
    }
}
