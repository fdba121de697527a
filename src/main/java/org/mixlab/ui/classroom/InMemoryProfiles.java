package org.mixlab.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A {@link ProfileService} in memory, with the classroom's field rules (for tests and the demo). */
public final class InMemoryProfiles implements ProfileService {
    /** Longest name, characters. */
    public static final int MAX_NAME = 80;
    /** Longest student id, characters. */
    public static final int MAX_ID = 40;
    /** Longest class code, characters. */
    public static final int MAX_CLASS = 24;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private final List<Profile> profiles = new ArrayList<>();
    private Profile current;

    @Override
    public synchronized List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    @Override
    public synchronized Optional<Profile> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public List<String> problems(String name, String studentId, String classCode) {
        List<String> out = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            out.add("name: must not be empty");
        } else if (n.length() > MAX_NAME) {
            out.add("name: at most " + MAX_NAME + " characters");
        } else if (n.chars().anyMatch(Character::isISOControl)) {
            out.add("name: must not contain control characters");
        }
        code(out, "student id", studentId, MAX_ID);
        code(out, "class code", classCode, MAX_CLASS);
        return out;
    }

    private static void code(List<String> out, String field, String value, int max) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            out.add(field + ": must not be empty");
        } else if (v.length() > max) {
            out.add(field + ": at most " + max + " characters");
        } else if (!CODE.matcher(v).matches()) {
            out.add(field + ": use letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    @Override
    public synchronized Profile create(String name, String studentId, String classCode) {
        List<String> p = problems(name, studentId, classCode);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(p.get(0));
        }
        Profile np = new Profile(name.trim(), studentId.trim(), classCode.trim());
        for (Profile q : profiles) {
            if (q.key().equals(np.key())) {
                throw new IllegalArgumentException("student id: a profile for " + np.studentId() + " in class "
                        + np.classCode() + " already exists");
            }
        }
        profiles.add(np);
        current = np;
        return np;
    }

    @Override
    public synchronized Profile switchTo(String key) {
        for (Profile p : profiles) {
            if (p.key().equals(key)) {
                current = p;
                return p;
            }
        }
        throw new IllegalArgumentException("no profile " + key);
    }
}
