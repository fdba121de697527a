package org.mixlab.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one-way package layers: dsp &lt;- analysis &lt;- engine &lt;- lesson/scoring/classroom &lt;- ui, cli. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mixlab");
    }

    @Test
    @DisplayName("packages depend only on the layers below them")
    void layersAreOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("dsp").definedBy("org.mixlab.dsp..")
                .layer("analysis").definedBy("org.mixlab.analysis..")
                .layer("engine").definedBy("org.mixlab.engine..")
                .layer("lesson").definedBy("org.mixlab.lesson..")
                .layer("scoring").definedBy("org.mixlab.scoring..")
                .layer("classroom").definedBy("org.mixlab.classroom..")
                .layer("ui").definedBy("org.mixlab.ui..")
                .layer("cli").definedBy("org.mixlab.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("classroom").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("lesson").mayOnlyBeAccessedByLayers("classroom", "ui", "cli")
                .whereLayer("scoring").mayOnlyBeAccessedByLayers("lesson", "classroom", "ui", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("lesson", "scoring", "classroom", "ui", "cli")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("engine", "lesson", "scoring", "classroom", "ui", "cli")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    @DisplayName("dsp and analysis are pure math: no javax.sound, AWT or Swing")
    void dspIsPure() {
        noClasses().that().resideInAnyPackage("org.mixlab.dsp..", "org.mixlab.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sound..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    @DisplayName("only ui touches Swing, AWT, FlatLaf or XChart")
    void onlyUiTouchesSwing() {
        noClasses().that().resideOutsideOfPackages("org.mixlab.ui..", "org.mixlab")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..",
                        "com.formdev..", "org.knowm..")
                .check(classes);
    }

    @Test
    @DisplayName("no Math.fma: without FMA hardware (many school laptops) it is a BigDecimal call, about 1000x slower")
    void noFusedMultiplyAdd() {
        // measured: the compressor went from 18 ns to 27,000 ns per sample with -XX:-UseFMA
        noClasses().should().callMethod(Math.class, "fma", double.class, double.class, double.class)
                .orShould().callMethod(Math.class, "fma", float.class, float.class, float.class)
                .orShould().callMethod(StrictMath.class, "fma", double.class, double.class, double.class)
                .check(classes);
    }
}
