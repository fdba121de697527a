package org.mixlab.engine.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** A track: an audio file through trim, polarity, inserts, fader and pan, with sends. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TrackModel extends StripModel {
    /** Audio file, relative to the session file's folder. */
    public String file;
    /** Musical role (kick, snare, hats, bass, guitar, keys, pad, lead, ...); optional. */
    public String role;
    /** Input trim in dB, -24 to +24; default 0. */
    public double trimDb;
    /** Polarity inversion; default false. */
    public boolean polarity;
    /** Where the track goes: "master" or a bus id; default "master". */
    public String output = "master";
    /** Sends to aux returns. */
    public List<SendModel> sends = new ArrayList<>();

    /** A deep copy. */
    public TrackModel copy() {
        TrackModel c = new TrackModel();
        copyInto(c);
        c.file = file;
        c.role = role;
        c.trimDb = trimDb;
        c.polarity = polarity;
        c.output = output;
        c.sends = new ArrayList<>();
        for (SendModel s : sends) {
            c.sends.add(s.copy());
        }
        return c;
    }
}
