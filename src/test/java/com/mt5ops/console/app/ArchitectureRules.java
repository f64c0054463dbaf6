package com.mt5ops.console.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layer, library and cycle rules of architecture.md as ArchUnit rules on the bytecode, for the layer packages
 * under one root: the console's own ({@link #MAIN}) or a breaching fixture's, which proves they fail when broken.
 */
final class ArchitectureRules {
    static final String MAIN_ROOT = "com.mt5ops.console";
    static final ArchitectureRules MAIN = new ArchitectureRules(MAIN_ROOT);

    /** JavaFX, its internals and the JavaFX libraries the window uses. */
    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism..",
        "org.controlsfx..", "eu.hansolo..", "org.kordamp..", "org.testfx.."};
    /** Lettuce and the Netty it runs on. */
    private static final String[] LETTUCE = {"io.lettuce..", "io.netty.."};
    /** The layers without a window: cli/ too, as `gui` lives in app/ and the FX bench in bench/. */
    private static final List<String> NO_JAVAFX = List.of("model", "redis", "sync", "export", "sim", "cli");

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    /** The main code on the class path under the console's root, wherever the JVM runs: no test, no fixture. */
    static JavaClasses importMainCode() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/archfixture/"))
                .importPackages(MAIN_ROOT);
    }

    private String in(String layer) {
        return root + "." + layer + "..";
    }

    /** model -> redis -> sync -> (export, sim) -> (ui, cli) -> app -> bench: each layer uses only layers before it. */
    ArchRule layers() {
        String[] core = {"model", "redis", "sync", "export", "sim"};
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy(in("model"))
                .layer("redis").definedBy(in("redis"))
                .layer("sync").definedBy(in("sync"))
                .layer("export").definedBy(in("export"))
                .layer("sim").definedBy(in("sim"))
                .layer("ui").definedBy(in("ui"))
                .layer("cli").definedBy(in("cli"))
                .layer("app").definedBy(in("app"))
                .layer("bench").definedBy(in("bench"))
                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("redis").mayOnlyAccessLayers("model")
                .whereLayer("sync").mayOnlyAccessLayers("model", "redis")
                .whereLayer("export").mayOnlyAccessLayers("model", "redis", "sync")
                .whereLayer("sim").mayOnlyAccessLayers("model", "redis", "sync")
                .whereLayer("ui").mayOnlyAccessLayers(core)
                .whereLayer("cli").mayOnlyAccessLayers(core)
                .whereLayer("app").mayOnlyAccessLayers("model", "redis", "sync", "export", "sim", "ui", "cli")
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                // a new top-level package must take a place in the order, not slip past it
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** Nothing below the window depends on JavaFX or its libraries. */
    ArchRule coreWithoutJavaFx() {
        String[] layers = NO_JAVAFX.stream().map(this::in).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(layers).should().dependOnClassesThat().resideInAnyPackage(JAVAFX);
    }

    /** model/ is records and parsing: no Redis client, no files, no network. */
    ArchRule modelWithoutIo() {
        return noClasses().that().resideInAPackage(in("model")).should().dependOnClassesThat()
                .resideInAnyPackage("io.lettuce..", "io.netty..", "java.io..", "java.nio.file..", "java.net..");
    }

    /** The window never touches Lettuce or Netty: it gets Redis's data as sync/'s immutable batches. */
    ArchRule uiWithoutLettuce() {
        return noClasses().that().resideInAPackage(in("ui")).should().dependOnClassesThat().resideInAnyPackage(LETTUCE);
    }

    /** The benchmarks are found through ServiceLoader: no class outside bench/ names one. */
    ArchRule benchImportedByNothing() {
        return noClasses().that().resideOutsideOfPackage(in("bench"))
                .should().dependOnClassesThat().resideInAPackage(in("bench"));
    }

    /** No cycle between the top-level packages (model, redis, ..., bench). */
    ArchRule noTopLevelCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** No cycle between ui/'s feature packages (grid, detail, fleet, fx, ...). */
    ArchRule noUiFeatureCycles() {
        return slices().matching(root + ".ui.(*)..").should().beFreeOfCycles();
    }

    /** ui/'s root holds the window that assembles the features; a feature that used it would close a cycle. */
    ArchRule uiFeaturesDoNotUseTheWindow() {
        return noClasses().that().resideInAPackage(root + ".ui.*..")
                .should().dependOnClassesThat().resideInAPackage(root + ".ui");
    }

    List<ArchRule> all() {
        return List.of(layers(), coreWithoutJavaFx(), modelWithoutIo(), uiWithoutLettuce(), benchImportedByNothing(),
                noTopLevelCycles(), noUiFeatureCycles(), uiFeaturesDoNotUseTheWindow());
    }
}
