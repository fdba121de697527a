package org.mixlab.engine.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * One-line, readable reasons why a JSON or text file could not be read, shared by the loaders of sessions, chains,
 * exercises, lesson packs and profiles, so that a teacher sees "not UTF-8 text" rather than a parser's class names.
 */
public final class JsonText {
    private static final String NOT_UTF8 = "not UTF-8 text (save it with UTF-8 encoding)";

    private JsonText() {}

    /** Why the JSON parser stopped, in one line without parser internals (e.g. "nested more than 1000 levels deep"). */
    public static String parseProblem(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (msg.contains("nesting depth")) {
                return "nested more than 1000 levels deep";
            }
            if (msg.contains("Number value length") || msg.contains("Number length")) {
                return "a number is too long";
            }
            if (msg.contains("String value length") || msg.contains("String length")) {
                return "a string is too long";
            }
        }
        if (msg.startsWith("Invalid UTF-8")) {
            return NOT_UTF8; // the parser decoding the bytes itself (a file passed to it directly)
        }
        return msg.lines().findFirst().orElse("unreadable").strip();
    }

    /** Why a text file could not be read: "not UTF-8 text ...", "file not found", "permission denied", ... */
    public static String readProblem(IOException e) {
        if (e instanceof CharacterCodingException) {
            return NOT_UTF8;
        }
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot be read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")";
    }
}
