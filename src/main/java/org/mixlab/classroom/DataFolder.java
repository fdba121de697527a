package org.mixlab.classroom;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where MixLab keeps each student's local data (profiles, progress). The system property {@code mixlab.dataDir}
 * wins; otherwise the platform's application-data folder: Windows {@code %APPDATA%\MixLab}, macOS
 * {@code ~/Library/Application Support/MixLab}, Linux and others {@code $XDG_DATA_HOME/mixlab} or
 * {@code ~/.local/share/mixlab}.
 */
public final class DataFolder {
    /** The system property that overrides the data folder. */
    public static final String PROPERTY = "mixlab.dataDir";

    private DataFolder() {}

    /** The data folder for this machine and user (not created). */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    /**
     * The data folder for the given property value, OS name, home folder and environment (testable without touching
     * the real machine).
     */
    public static Path resolve(String property, String osName, String home, Map<String, String> env) {
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            if (appData != null && !appData.isBlank()) {
                return Path.of(appData, "MixLab");
            }
            return Path.of(home, "AppData", "Roaming", "MixLab");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Application Support", "MixLab");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "mixlab");
        }
        return Path.of(home, ".local", "share", "mixlab");
    }
}
