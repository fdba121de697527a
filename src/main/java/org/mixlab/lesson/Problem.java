package org.mixlab.lesson;

/**
 * One problem found while loading a lesson pack, printed as a single line:
 * {@code lessons/tone/pack.json: $.steps[3].checks[0].selector: unknown processor type 'eqq'}.
 *
 * @param severity ERROR (the pack is not offered) or WARNING (offered; something optional is missing)
 * @param file     file path relative to the project root, with forward slashes
 * @param where    JSON path ("$.steps[3].title") or "line 12" / "line 3, column 7"; may be empty
 * @param message  what is wrong, in one line
 */
public record Problem(Severity severity, String file, String where, String message) {

    /** How serious a problem is. */
    public enum Severity { ERROR, WARNING }

    /** True for errors. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String msg = message.replace('\n', ' ').replace('\r', ' ');
        return file + ": " + (where == null || where.isEmpty() ? "" : where + ": ")
                + (severity == Severity.WARNING ? "warning: " : "") + msg;
    }
}
