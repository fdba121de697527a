package org.mixlab.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The student profiles on this machine (a shared lab computer holds several), kept in {@code profiles.json} in the
 * data folder, with one current profile. Each profile has its own folder {@code profiles/<class>-<id>/} holding its
 * {@code progress.json}. Saved with the same atomic write, backup and damage handling as progress. Synchronized.
 */
public final class ProfileStore {
    /** The profiles file name inside the data folder. */
    public static final String FILE_NAME = "profiles.json";

    /** The saved form of {@code profiles.json}. */
    public static final class ProfilesFile {
        /** The format tag, always "mixlab-profiles". */
        public String format = "mixlab-profiles";
        /** Format version, 1. */
        public int version = 1;
        /** Key ({@code <class>-<id>}) of the current profile, or null when none is chosen. */
        public String current;
        /** Every profile, in creation order. */
        public List<StudentProfile> profiles = new ArrayList<>();

        String problem() {
            if (profiles == null) {
                return "profiles: missing";
            }
            Set<String> keys = new HashSet<>();
            for (StudentProfile p : profiles) {
                if (p == null) {
                    return "profiles: empty entry";
                }
                List<String> pr = p.problems();
                if (!pr.isEmpty()) {
                    return "profile " + p.studentId() + ": " + pr.get(0);
                }
                if (!keys.add(p.key())) {
                    return "profile " + p.key() + " appears twice";
                }
            }
            if (current != null && !keys.contains(current)) {
                return "current profile '" + current + "' does not exist";
            }
            return null;
        }
    }

    private final Path dataDir;
    private final Clock clock;
    private final GuardedJsonFile<ProfilesFile> file;
    private ProfilesFile data;
    private String warning;

    private ProfileStore(Path dataDir, Clock clock) throws IOException {
        this.dataDir = dataDir;
        this.clock = clock;
        this.file = new GuardedJsonFile<>(dataDir.resolve(FILE_NAME), "mixlab-profiles", 1, ProfilesFile.class,
                ProfilesFile::problem, clock);
        GuardedJsonFile.Loaded<ProfilesFile> l = file.load();
        data = l.value() != null ? l.value() : new ProfilesFile();
        warning = l.warning();
    }

    /** Opens the profiles in {@code dataDir} (created on first save). */
    public static ProfileStore open(Path dataDir) throws IOException {
        return new ProfileStore(dataDir, Clock.systemUTC());
    }

    /** Opens the profiles in {@code dataDir} with the given clock. */
    public static ProfileStore open(Path dataDir, Clock clock) throws IOException {
        return new ProfileStore(dataDir, clock);
    }

    /** Opens the profiles in the default data folder ({@link DataFolder#resolve()}). */
    public static ProfileStore openDefault() throws IOException {
        return open(DataFolder.resolve());
    }

    /** The data folder. */
    public Path dataDir() {
        return dataDir;
    }

    /** Every profile on this machine, in creation order. */
    public synchronized List<StudentProfile> profiles() {
        return List.copyOf(data.profiles);
    }

    /** The current profile, if one is chosen. */
    public synchronized Optional<StudentProfile> current() {
        return find(data.current);
    }

    /** The profile with the key {@code <class>-<id>}, if any. */
    public synchronized Optional<StudentProfile> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return data.profiles.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * Adds a profile and makes it current.
     *
     * @throws IllegalArgumentException with a one-line message when a field is invalid or the profile exists
     */
    public synchronized StudentProfile create(String name, String studentId, String classCode) throws IOException {
        StudentProfile p = new StudentProfile(name, studentId, classCode).validate();
        if (find(p.key()).isPresent()) {
            throw new IllegalArgumentException("student id: a profile for " + p.studentId() + " in class "
                    + p.classCode() + " already exists on this computer");
        }
        ProfilesFile next = copy();
        next.profiles.add(p);
        next.current = p.key();
        commit(next);
        return p;
    }

    /**
     * Makes the profile with this key current.
     *
     * @throws IllegalArgumentException when there is no such profile
     */
    public synchronized StudentProfile switchTo(String key) throws IOException {
        StudentProfile p = find(key).orElseThrow(() -> new IllegalArgumentException("no profile '" + key
                + "' on this computer"));
        ProfilesFile next = copy();
        next.current = p.key();
        commit(next);
        return p;
    }

    /** Changes a profile's display name (id and class stay: they name its folder and its submissions). */
    public synchronized StudentProfile rename(String key, String newName) throws IOException {
        StudentProfile old = find(key).orElseThrow(() -> new IllegalArgumentException("no profile '" + key
                + "' on this computer"));
        StudentProfile p = new StudentProfile(newName, old.studentId(), old.classCode()).validate();
        ProfilesFile next = copy();
        next.profiles.set(next.profiles.indexOf(old), p);
        commit(next);
        return p;
    }

    /** Removes a profile from the list (its folder and progress stay on disk); clears it as current. */
    public synchronized void remove(String key) throws IOException {
        StudentProfile old = find(key).orElseThrow(() -> new IllegalArgumentException("no profile '" + key
                + "' on this computer"));
        ProfilesFile next = copy();
        next.profiles.remove(old);
        if (key.equals(next.current)) {
            next.current = null;
        }
        commit(next);
    }

    /** The folder holding the profile's own files ({@code <dataDir>/profiles/<class>-<id>}). */
    public Path profileFolder(StudentProfile p) {
        return dataDir.resolve("profiles").resolve(p.validate().key());
    }

    /** The progress store of a profile. */
    public ProgressStore progress(StudentProfile p) {
        return new ProgressStore(profileFolder(p), clock);
    }

    /** The one-line warning from opening or saving a damaged {@code profiles.json}, once; then empty. */
    public synchronized Optional<String> takeWarning() {
        String w = warning;
        warning = null;
        return Optional.ofNullable(w);
    }

    private ProfilesFile copy() {
        ProfilesFile c = new ProfilesFile();
        c.current = data.current;
        c.profiles = new ArrayList<>(data.profiles);
        return c;
    }

    private void commit(ProfilesFile next) throws IOException {
        String w = file.save(next);
        if (w != null) {
            warning = w;
        }
        data = next;
    }
}
