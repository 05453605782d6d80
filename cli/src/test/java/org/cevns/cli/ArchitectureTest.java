package org.cevns.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.events.CevnsVersion;
import org.cevns.generator.run.TruthGenerator;
import org.cevns.mapreduce.ShardedRun;
import org.cevns.physics.Flavor;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/design.md ("Modules"), checked on the compiled main classes of every module on the
 * CLI's class path (all but {@code benchmarks}): dependencies go one way, physics → events and schema →
 * generator → detsim → analysis → cli, with mapreduce beside analysis; no package cycles; the physics has no
 * I/O library. Each rule fails with the list of offending dependencies.
 */
class ArchitectureTest {
  private static final String[] STAGES = {"org.cevns.generator..", "org.cevns.detsim..", "org.cevns.analysis..",
      "org.cevns.mapreduce..", "org.cevns.cli.."};

  private static JavaClasses classes;

  /** One class of each module: the importer reads these modules' class directories or jars only. */
  private static final List<Class<?>> MODULES = List.of(Flavor.class, CevnsVersion.class, ConfigLoader.class,
      TruthGenerator.class, DetectorSimulation.class, AnalysisJob.class, ShardedRun.class, Main.class);

  @BeforeAll
  static void importClasses() {
    Set<Location> locations = new LinkedHashSet<>();
    for (Class<?> c : MODULES) {
      locations.add(Location.of(c.getProtectionDomain().getCodeSource().getLocation()));
    }
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importLocations(locations);
  }

  @Test
  void importsEveryModule() {
    for (String p : new String[] {"org.cevns.physics", "org.cevns.events", "org.cevns.schema", "org.cevns.generator",
        "org.cevns.detsim", "org.cevns.analysis", "org.cevns.mapreduce", "org.cevns.cli"}) {
      assertTrue(classes.containPackage(p), () -> "no classes imported from " + p + " (class path?)");
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.cevns.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void physicsUsesNoIoLibrary() {
    noClasses().that().resideInAPackage("org.cevns.physics..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.hadoop..", "org.apache.parquet..",
            "com.fasterxml.jackson..")
        .check(classes);
  }

  @Test
  void eventsAndSchemaDependOnNoStage() {
    noClasses().that().resideInAnyPackage("org.cevns.events..", "org.cevns.schema..")
        .should().dependOnClassesThat().resideInAnyPackage(STAGES)
        .check(classes);
  }

  /**
   * The configuration is bound onto records in {@code schema}; each stage builds its models from them in its setup
   * package ({@code detsim.setup}). No config or setup package depends on a stage's runner (the
   * {@code detsim.config <-> detsim.sim} cycle of the hand-written parsers), and no stage keeps a
   * {@code config} package of its own beside {@code analysis.config}.
   */
  @Test
  void configPackagesDependOnNoStageRunner() {
    noClasses().that().resideInAnyPackage("org.cevns.schema..", "org.cevns.*.config..", "org.cevns.*.setup..")
        .should().dependOnClassesThat().resideInAnyPackage("org.cevns.generator.run..", "org.cevns.detsim.sim..",
            "org.cevns.analysis.sim..", "org.cevns.analysis.pipeline..", "org.cevns.mapreduce..", "org.cevns.cli..")
        .check(classes);
    noClasses().that().resideInAnyPackage("org.cevns.generator..", "org.cevns.detsim..")
        .should().resideInAPackage("..config..").check(classes);
  }

  @Test
  void eventsAndSchemaAreIndependent() {
    noClasses().that().resideInAPackage("org.cevns.events..")
        .should().dependOnClassesThat().resideInAPackage("org.cevns.schema..").check(classes);
    noClasses().that().resideInAPackage("org.cevns.schema..")
        .should().dependOnClassesThat().resideInAPackage("org.cevns.events..").check(classes);
  }

  @Test
  void modulesDependOnlyOnEarlierStages() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("physics").definedBy("org.cevns.physics..")
        .layer("events").definedBy("org.cevns.events..")
        .layer("schema").definedBy("org.cevns.schema..")
        .layer("generator").definedBy("org.cevns.generator..")
        .layer("detsim").definedBy("org.cevns.detsim..")
        .layer("analysis").definedBy("org.cevns.analysis..")
        .layer("mapreduce").definedBy("org.cevns.mapreduce..")
        .layer("cli").definedBy("org.cevns.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("mapreduce").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("analysis").mayOnlyBeAccessedByLayers("mapreduce", "cli")
        .whereLayer("detsim").mayOnlyBeAccessedByLayers("analysis", "mapreduce", "cli")
        .whereLayer("generator").mayOnlyBeAccessedByLayers("detsim", "analysis", "mapreduce", "cli")
        .whereLayer("events").mayOnlyBeAccessedByLayers("generator", "detsim", "analysis", "mapreduce", "cli")
        .whereLayer("schema").mayOnlyBeAccessedByLayers("generator", "detsim", "analysis", "mapreduce", "cli")
        .whereLayer("physics").mayOnlyBeAccessedByLayers("events", "schema", "generator", "detsim", "analysis",
            "mapreduce", "cli")
        .check(classes);
  }
}
