package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.archfixture.model.Part;
import com.mt5ops.console.model.Instance;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureRules} hold for the main code, read as bytecode from the class path: fully
 * qualified names count like imports, and the result does not depend on the directory the tests run from.
 */
class LayerRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = ArchitectureRules.importMainCode();
    }

    @Test
    void theImportHoldsTheMainCodeOnly() {
        assertTrue(main.contain(Launcher.class) && main.contain(Instance.class));
        assertFalse(main.contain(LayerRulesTest.class), "test classes are not main code");
        assertFalse(main.contain(Part.class), "the breaching fixture stays out");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        ArchitectureRules.MAIN.layers().check(main);
    }

    @Test
    void nothingBelowTheWindowUsesJavaFx() {
        ArchitectureRules.MAIN.coreWithoutJavaFx().check(main);
    }

    @Test
    void modelDoesNoIo() {
        ArchitectureRules.MAIN.modelWithoutIo().check(main);
    }

    @Test
    void theWindowNeverTouchesLettuce() {
        ArchitectureRules.MAIN.uiWithoutLettuce().check(main);
    }

    @Test
    void noMainCodeImportsTheBench() {
        ArchitectureRules.MAIN.benchImportedByNothing().check(main);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        ArchitectureRules.MAIN.noTopLevelCycles().check(main);
    }

    @Test
    void uiFeaturePackagesHaveNoCycles() {
        ArchitectureRules.MAIN.noUiFeatureCycles().check(main);
    }
}
