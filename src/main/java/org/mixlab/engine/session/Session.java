package org.mixlab.engine.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A mix session (format v1, docs/session-format.md): tracks, buses, aux returns, VCAs and the master. This is the
 * plain data model that is saved and loaded; the live engine is built from it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Session {
    /** The format tag, always "mixlab-session". */
    public String format = "mixlab-session";
    /** Format version; this build reads version 1. */
    public int version = 1;
    /** Title shown in the window. */
    public String title = "Untitled";
    /** Session sample rate in Hz, 8,000 to 192,000; default 44,100. Files at other rates are resampled. */
    public double sampleRate = 44_100;
    /** Tempo in beats per minute, 20 to 300; default 120 (for tempo-synced delays). */
    public double tempoBpm = 120;
    /** Loop region; null means the whole song. */
    public LoopModel loop;
    /** Tracks, in mixer order. */
    public List<TrackModel> tracks = new ArrayList<>();
    /** Group buses. */
    public List<BusModel> buses = new ArrayList<>();
    /** Aux (effect) returns. */
    public List<AuxModel> auxes = new ArrayList<>();
    /** VCA group faders. */
    public List<VcaModel> vcas = new ArrayList<>();
    /** The master strip. */
    public MasterModel master = new MasterModel();

    /** The folder that relative file paths are resolved against; not saved. */
    @JsonIgnore
    public Path baseDir;

    /** Finds a track by id, or null. */
    public TrackModel track(String id) {
        for (TrackModel t : tracks) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** Finds a track by role, or null. */
    public TrackModel trackByRole(String role) {
        for (TrackModel t : tracks) {
            if (role.equals(t.role)) {
                return t;
            }
        }
        return null;
    }

    /** Finds any strip (track, bus, aux or "master") by id, or null. */
    public StripModel strip(String id) {
        if ("master".equals(id)) {
            return master;
        }
        for (TrackModel t : tracks) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        for (BusModel b : buses) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        for (AuxModel a : auxes) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** Every strip: tracks, buses, auxes, then the master. */
    @JsonIgnore
    public List<StripModel> allStrips() {
        List<StripModel> all = new ArrayList<>(tracks);
        all.addAll(buses);
        all.addAll(auxes);
        all.add(master);
        return all;
    }

    /** A deep copy (baseDir shared). */
    public Session copy() {
        Session c = new Session();
        c.format = format;
        c.version = version;
        c.title = title;
        c.sampleRate = sampleRate;
        c.tempoBpm = tempoBpm;
        c.loop = loop == null ? null : loop.copy();
        for (TrackModel t : tracks) {
            c.tracks.add(t.copy());
        }
        for (BusModel b : buses) {
            c.buses.add(b.copy());
        }
        for (AuxModel a : auxes) {
            c.auxes.add(a.copy());
        }
        for (VcaModel v : vcas) {
            c.vcas.add(v.copy());
        }
        c.master = master.copy();
        c.baseDir = baseDir;
        return c;
    }
}
