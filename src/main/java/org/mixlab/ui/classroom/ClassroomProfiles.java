package org.mixlab.ui.classroom;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.mixlab.classroom.ProfileStore;
import org.mixlab.classroom.StudentProfile;

/** The profile dialogs on the classroom's {@link ProfileStore}. */
public final class ClassroomProfiles implements ProfileService {
    private final ProfileStore store;

    /** Wraps the store. */
    public ClassroomProfiles(ProfileStore store) {
        this.store = store;
    }

    /** The wrapped store. */
    public ProfileStore store() {
        return store;
    }

    private static Profile of(StudentProfile p) {
        return new Profile(p.name(), p.studentId(), p.classCode());
    }

    @Override
    public List<Profile> profiles() {
        return store.profiles().stream().map(ClassroomProfiles::of).toList();
    }

    @Override
    public Optional<Profile> current() {
        return store.current().map(ClassroomProfiles::of);
    }

    @Override
    public List<String> problems(String name, String studentId, String classCode) {
        return new StudentProfile(name, studentId, classCode).problems();
    }

    @Override
    public Profile create(String name, String studentId, String classCode) throws IOException {
        return of(store.create(name, studentId, classCode));
    }

    @Override
    public Profile switchTo(String key) throws IOException {
        return of(store.switchTo(key));
    }
}
