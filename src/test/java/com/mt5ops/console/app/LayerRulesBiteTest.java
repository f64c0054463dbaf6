package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.archfixture.app.BenchBreach;
import com.mt5ops.console.archfixture.cli.UiBreach;
import com.mt5ops.console.archfixture.export.ControlsFxBreach;
import com.mt5ops.console.archfixture.model.IoBreach;
import com.mt5ops.console.archfixture.model.JavaFxBreach;
import com.mt5ops.console.archfixture.model.UpwardBreach;
import com.mt5ops.console.archfixture.ui.LettuceBreach;
import com.mt5ops.console.archfixture.ui.NettyBreach;
import com.mt5ops.console.archfixture.ui.grid.CycleBreach;
import com.mt5ops.console.archfixture.ui.grid.WindowBreach;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureRules} bite: built for the test-only layers under {@code archfixture}, each passes
 * on the fixture's obedient classes and fails, naming the culprit, once one {@code *Breach} class is added.
 */
class LayerRulesBiteTest {
    private static final String FIXTURE = ArchitectureRules.MAIN_ROOT + ".archfixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);
    private static final Pattern ANY_BREACH = Pattern.compile(".*/[A-Za-z]*Breach\\.class");

    /**
     * The obedient classes plus the given breaches, imported afresh: a filtered view of one import would still
     * count the dependencies of the classes filtered out.
     */
    private static JavaClasses fixtureWith(Class<?>... breaches) {
        List<String> wanted = Arrays.stream(breaches).map(c -> "/" + c.getName().replace('.', '/') + ".class").toList();
        return new ClassFileImporter()
                .withImportOption(at -> !at.matches(ANY_BREACH) || wanted.stream().anyMatch(at::contains))
                .importPackages(FIXTURE);
    }

    private static void assertBites(ArchRule rule, Class<?> breach) {
        EvaluationResult result = rule.evaluate(fixtureWith(breach));
        assertTrue(result.hasViolation(), rule.getDescription() + " let " + breach.getSimpleName() + " pass");
        assertTrue(result.getFailureReport().getDetails().stream().anyMatch(d -> d.contains(breach.getName())),
                "the failure names " + breach.getSimpleName() + ": " + result.getFailureReport());
    }

    @Test
    void everyRulePassesOnTheObedientClasses() {
        JavaClasses obedient = fixtureWith();
        assertTrue(obedient.size() >= 10 && !obedient.contain(UpwardBreach.class), obedient.toString());
        for (ArchRule rule : RULES.all()) {
            EvaluationResult result = rule.evaluate(obedient);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    @Test
    void layerOrderFailsOnAnUpwardASidewaysAndABenchDependency() {
        assertBites(RULES.layers(), UpwardBreach.class);
        assertBites(RULES.layers(), UiBreach.class);
        assertBites(RULES.layers(), BenchBreach.class);
    }

    @Test
    void noJavaFxFailsOnJavaFxAndOnItsLibraries() {
        assertBites(RULES.coreWithoutJavaFx(), JavaFxBreach.class);
        assertBites(RULES.coreWithoutJavaFx(), ControlsFxBreach.class);
    }

    @Test
    void noIoInModelFailsOnARedisConnection() {
        assertBites(RULES.modelWithoutIo(), IoBreach.class);
    }

    @Test
    void noLettuceFailsOnLettuceAndOnNetty() {
        assertBites(RULES.uiWithoutLettuce(), LettuceBreach.class);
        assertBites(RULES.uiWithoutLettuce(), NettyBreach.class);
    }

    @Test
    void benchRuleFailsWhenAnythingNamesTheBench() {
        assertBites(RULES.benchImportedByNothing(), BenchBreach.class);
    }

    @Test
    void cycleRulesFailOnATwoPackageCycle() {
        assertBites(RULES.noTopLevelCycles(), UpwardBreach.class);
        assertBites(RULES.noTopLevelCycles(), BenchBreach.class);
        assertBites(RULES.noUiFeatureCycles(), CycleBreach.class);
        assertBites(RULES.uiFeaturesDoNotUseTheWindow(), WindowBreach.class);
    }
}
