package org.mixlab.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readable one-line reasons for files the JSON loaders cannot read. */
class JsonTextTest {
    @TempDir
    Path dir;

    private static JsonProcessingException parseFailure(String json) {
        try {
            SessionIo.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("parsed: " + json);
    }

    @Test
    @DisplayName("parser limits are named without the parser's class names")
    void parseProblems() {
        assertThat(JsonText.parseProblem(parseFailure("[".repeat(1_001) + "]".repeat(1_001))))
                .isEqualTo("nested more than 1000 levels deep");
        assertThat(JsonText.parseProblem(parseFailure("[" + "9".repeat(1_001) + "]")))
                .isEqualTo("a number is too long");
        assertThat(JsonText.parseProblem(parseFailure("{\"a\": 1,, }"))).startsWith("Unexpected character (',' ");
        byte[] latin1 = "{\"title\": \"Caf\u00e9\"}".getBytes(Charset.forName("windows-1252"));
        try {
            SessionIo.mapper().readTree(latin1);
            throw new AssertionError("parsed windows-1252 bytes as UTF-8");
        } catch (IOException e) {
            assertThat(JsonText.parseProblem((JsonProcessingException) e))
                    .isEqualTo("not UTF-8 text (save it with UTF-8 encoding)");
        }
    }

    @Test
    @DisplayName("a session saved in a Windows code page, a missing file: the file name and what to do, one line")
    void readProblems() throws Exception {
        Path cp1252 = dir.resolve("café.session.json");
        Files.write(cp1252, "{\"format\":\"mixlab-session\",\"version\":1,\"title\":\"Café\",\"tracks\":[]}"
                .getBytes(Charset.forName("windows-1252")));
        assertThatThrownBy(() -> SessionIo.load(cp1252, List.of()))
                .isInstanceOf(SessionException.class)
                .hasMessage("café.session.json: not UTF-8 text (save it with UTF-8 encoding)");
        assertThatThrownBy(() -> SessionIo.load(dir.resolve("gone.session.json"), List.of()))
                .hasMessage("gone.session.json: file not found");
        Files.writeString(dir.resolve("deep.json"), "[".repeat(5_000) + "]".repeat(5_000), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SessionIo.loadChain(dir.resolve("deep.json")))
                .hasMessage("deep.json: not valid JSON: nested more than 1000 levels deep");
        assertThat(JsonText.readProblem(new IOException("disk on fire"))).isEqualTo("cannot be read (IOException: disk on fire)");
    }
}
