package org.mixlab.classroom;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One learner on this machine: display name, student id (the school's SIS id) and class code (section).
 *
 * @param name      the student's name as the teacher knows it, 1 to {@value #MAX_NAME} characters
 * @param studentId the school's student id, 1 to {@value #MAX_ID} letters, digits, '-' or '_', starting with a letter
 *                  or digit
 * @param classCode the class or section code, 1 to {@value #MAX_CLASS} letters, digits, '-' or '_', starting with a
 *                  letter or digit
 */
public record StudentProfile(@JsonProperty("name") String name, @JsonProperty("studentId") String studentId,
                             @JsonProperty("classCode") String classCode) {
    /** Longest name, characters. */
    public static final int MAX_NAME = 80;
    /** Longest student id, characters. */
    public static final int MAX_ID = 40;
    /** Longest class code, characters. */
    public static final int MAX_CLASS = 24;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** Creates a profile, trimming surrounding spaces; call {@link #validate()} to check the fields. */
    public StudentProfile {
        name = name == null ? null : name.strip();
        studentId = studentId == null ? null : studentId.strip();
        classCode = classCode == null ? null : classCode.strip();
    }

    /** The key that identifies the profile on this machine: {@code <classCode>-<studentId>}. */
    @JsonIgnore
    public String key() {
        return classCode + "-" + studentId;
    }

    /** Every problem with the fields, one line each naming the field; empty when the profile is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            p.add("name: must not be empty");
        } else if (name.length() > MAX_NAME) {
            p.add("name: " + name.length() + " characters; at most " + MAX_NAME);
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            p.add("name: must not contain tabs, line breaks or other control characters");
        }
        code(p, "student id", studentId, MAX_ID);
        code(p, "class code", classCode, MAX_CLASS);
        return p;
    }

    private static void code(List<String> p, String field, String v, int max) {
        if (v == null || v.isEmpty()) {
            p.add(field + ": must not be empty");
        } else if (v.length() > max) {
            p.add(field + ": " + v.length() + " characters; at most " + max);
        } else if (!CODE.matcher(v).matches()) {
            p.add(field + ": '" + v + "' may only hold letters, digits, '-' and '_' (starting with a letter or digit)");
        }
    }

    /**
     * Checks the fields.
     *
     * @return this profile
     * @throws IllegalArgumentException with the first problem, one line (e.g. "student id: must not be empty")
     */
    public StudentProfile validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(p.get(0));
        }
        return this;
    }
}
