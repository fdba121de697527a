package org.mixlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The class list behind the class-data-sharing archive (src/main/cds/mixlab.classlist, dumped into target/mixlab.jsa
 * by {@code mvn package}) still names the app's start-up classes. A stale entry is skipped by the JVM, so a rename
 * would silently make start-up slower; this test catches it. Regenerate with {@code .ci/cds-classlist.sh}.
 */
class CdsClassListTest {
    static final Path LIST = Path.of("src/main/cds/mixlab.classlist");

    static List<String> ownClasses() throws IOException {
        return Files.readAllLines(LIST).stream()
                .filter(l -> l.startsWith("org/mixlab/"))
                .map(l -> l.split(" ")[0])
                .collect(Collectors.toList());
    }

    @Test
    @DisplayName("the list names the window, the engine and the launcher, and every MixLab class in it exists")
    void listIsCurrent() throws IOException {
        List<String> own = ownClasses();
        assertThat(own).contains("org/mixlab/Main", "org/mixlab/ui/MainWindow", "org/mixlab/ui/MixLabLauncher",
                "org/mixlab/engine/live/LiveMix", "org/mixlab/ui/mixer/ChannelStrip");
        ClassLoader loader = CdsClassListTest.class.getClassLoader();
        List<String> missing = own.stream()
                .filter(name -> loader.getResource(name + ".class") == null)
                .collect(Collectors.toList());
        assertThat(missing).as("classes in %s that no longer exist: run .ci/cds-classlist.sh", LIST).isEmpty();
    }

    @Test
    @DisplayName("no run-time generated proxy is listed (they cannot be archived and would only warn)")
    void noProxies() throws IOException {
        assertThat(Files.readAllLines(LIST)).noneMatch(l -> l.contains("$Proxy"));
    }
}
