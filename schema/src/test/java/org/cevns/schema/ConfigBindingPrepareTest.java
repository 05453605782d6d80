package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigBinding#prepare} (cevns' start-up thread) runs beside configurations being loaded on another thread,
 * and what they load is the same as without it: every shipped configuration loaded while prepare runs equals the
 * one loaded again afterwards, and a binding error keeps its message.
 */
class ConfigBindingPrepareTest {
  @Test
  void loadingBesidePrepareGivesTheSameConfigurations() throws Exception {
    List<Path> configs = ShippedConfigsTest.shippedConfigs().toList();
    CompletableFuture<Void> prepare = CompletableFuture.runAsync(ConfigBinding::prepare);
    List<ExperimentConfig> during = new ArrayList<>();
    for (Path p : configs) {
      during.add(ConfigLoader.load(p));
    }
    prepare.get();
    ConfigBinding.prepare(); // again: idempotent
    for (int i = 0; i < configs.size(); i++) {
      assertEquals(during.get(i), ConfigLoader.load(configs.get(i)), configs.get(i).toString());
    }
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> ConfigLoader.parse(String.join("\n", "name: t",
            "sources:", "  - {name: core, type: reactor, thermal_power_mw: 3600,",
            "     fission_fractions: {U235: 0.58, U238: 0.07, Pu239: 0.30, Pu241: 0.05},",
            "     exposure: {live_days_on: 100, live_days_off: 20}}",
            "detectors:", "  - {name: ge, target: {formula: Ge}, mass_kg: 1, distance_m: 20.7}",
            "physics: {sin2_thetaw: 0.2}", ""), Path.of(".")));
    assertEquals(true, e.getMessage().startsWith("physics.sin2_thetaw: unknown key, allowed: sin2_theta_w,"),
        e.getMessage());
  }
  /**
   * {@link ConfigLoader#sectionTypes} (what {@link ConfigBinding#prepareAsLoaded} prepares) lists the sections a
   * configuration has, in the order the loader binds them, and the record each source type is bound onto.
   */
  @Test
  void sectionTypesAreTheLoadersInItsOrder() {
    Path configs = ShippedConfigsTest.configsDir();
    assertEquals(List.of(PionDarConfig.class, DetectorKeys.class, PionDarExposure.class, ResponseKeys.class,
        BackgroundKeys.class, WindowsKeys.class, AnalysisKeys.class),
        ConfigLoader.sectionTypes(ConfigLoader.tree(configs.resolve("coherent-csi.yaml"), List.of())));
    assertEquals(List.of(PhysicsKeys.class, Solar8BConfig.class, DetectorKeys.class, LiveTimeExposure.class,
        ResponseKeys.class, BackgroundKeys.class, AnalysisKeys.class),
        ConfigLoader.sectionTypes(ConfigLoader.tree(configs.resolve("xenonnt-b8.yaml"), List.of())));
    java.util.Map<SourceType, List<Class<?>>> bound = java.util.Map.of(
        SourceType.PION_DAR, List.of(PionDarConfig.class, DetectorKeys.class, PionDarExposure.class),
        SourceType.REACTOR, List.of(ReactorConfig.class, DetectorKeys.class, ReactorExposure.class),
        SourceType.SOLAR_8B, List.of(Solar8BConfig.class, DetectorKeys.class, LiveTimeExposure.class),
        SourceType.MONOENERGETIC, List.of(MonoenergeticConfig.class, DetectorKeys.class, LiveTimeExposure.class),
        SourceType.SPECTRUM_FILE, List.of(SpectrumFileKeys.class, DetectorKeys.class, LiveTimeExposure.class),
        SourceType.SOLAR, List.of(SolarConfig.class, DetectorKeys.class, LiveTimeExposure.class));
    assertEquals(SourceType.values().length, bound.size());
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    bound.forEach((type, types) -> {
      var tree = json.objectNode();
      tree.putArray("sources").addObject().put("type", ConfigNode.spelling(type));
      tree.putArray("detectors").addObject();
      assertEquals(types, ConfigLoader.sectionTypes(tree), type.toString());
    });
    assertEquals(List.of(DetectorKeys.class), ConfigLoader.sectionTypes(json.textNode("not a map")));
  }

  @Test
  void loadingBesidePrepareAsLoadedGivesTheSameConfigurations() throws Exception {
    List<Path> configs = ShippedConfigsTest.shippedConfigs().toList();
    CompletableFuture<Void> prepare = CompletableFuture.runAsync(ConfigBinding::prepareAsLoaded);
    List<ExperimentConfig> during = new ArrayList<>();
    for (Path p : configs) {
      during.add(ConfigLoader.load(p));
    }
    prepare.get();
    for (int i = 0; i < configs.size(); i++) {
      assertEquals(during.get(i), ConfigLoader.load(configs.get(i)), configs.get(i).toString());
    }
  }
}
