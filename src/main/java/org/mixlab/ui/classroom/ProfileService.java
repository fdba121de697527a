package org.mixlab.ui.classroom;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The student profiles the profile dialogs work with; the classroom ProfileStore implements it through an adapter,
 * {@link InMemoryProfiles} is a plain in-memory version.
 */
public interface ProfileService {
    /**
     * One learner.
     *
     * @param name      display name
     * @param studentId the school's student id
     * @param classCode the class or section code
     */
    record Profile(String name, String studentId, String classCode) {
        /** The key identifying the profile on this machine: {@code <classCode>-<studentId>}. */
        public String key() {
            return classCode + "-" + studentId;
        }
    }

    /** Every profile on this machine, in creation order. */
    List<Profile> profiles();

    /** The current profile, if one is chosen. */
    Optional<Profile> current();

    /**
     * Problems with the fields, one line each starting with the field ("name: ...", "student id: ...",
     * "class code: ..."); empty when they are valid.
     */
    List<String> problems(String name, String studentId, String classCode);

    /**
     * Adds a profile and makes it current.
     *
     * @throws IllegalArgumentException with a one-line message when a field is invalid or the profile exists
     * @throws IOException              when the profiles cannot be saved
     */
    Profile create(String name, String studentId, String classCode) throws IOException;

    /**
     * Makes the profile with this key current.
     *
     * @throws IllegalArgumentException when there is no such profile
     * @throws IOException              when the profiles cannot be saved
     */
    Profile switchTo(String key) throws IOException;
}
