package org.cevns.schema;

import org.cevns.physics.source.PionDarParameters.Facility;

import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.formfactor.FormFactorModel;

import org.cevns.physics.source.PulseShape;
import org.cevns.physics.source.LowEnergyModel;
import org.cevns.physics.source.HighEnergyModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped configuration loads, round-trips through its resolved YAML, and holds the published numbers its comments cite. */
class ShippedConfigsTest {
  /** The repository's configs/ directory (tests run in generator/, or at the root). */
  static Path configsDir() {
    for (Path p : List.of(Path.of("..", "configs"), Path.of("configs"))) {
      if (Files.isRegularFile(p.resolve("reference.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("configs/ directory not found from " + Path.of("").toAbsolutePath());
  }

  static Stream<Path> shippedConfigs() throws IOException {
    try (Stream<Path> files = Files.list(configsDir())) {
      List<Path> yaml = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
      assertTrue(yaml.size() >= 5, "expected reference.yaml and the shipped configs, found " + yaml);
      return yaml.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedConfigs")
  void loadsAndRoundTrips(Path file) {
    ExperimentConfig config = ConfigLoader.load(file);
    assertEquals(file.toAbsolutePath().normalize(), config.configFile().orElseThrow());
    String resolved = config.resolvedYaml();
    ExperimentConfig again = ConfigLoader.parse(resolved, config.baseDir());
    assertEquals(config.name(), again.name());
    assertEquals(config.seed(), again.seed());
    assertEquals(config.physics(), again.physics());
    assertEquals(config.generator(), again.generator());
    assertEquals(config.sources(), again.sources());
    assertEquals(config.detectors(), again.detectors());
    assertEquals(config.windows(), again.windows());
    assertEquals(config.analysis(), again.analysis());
    assertEquals(resolved, again.resolvedYaml(), "resolved YAML is a fixed point");
    assertEquals(resolved, ConfigLoader.load(file).resolvedYaml(), "deterministic");
  }

  private static ExperimentConfig load(String name) {
    return ConfigLoader.load(configsDir().resolve(name));
  }

  @Test
  void coherentCsiIs3195e23Pot() {
    ExperimentConfig c = load("coherent-csi.yaml");
    PionDarConfig sns = (PionDarConfig) c.source("sns").orElseThrow();
    PionDarExposure e = sns.exposure();
    // POT = energy / proton energy: 13.99 GWh at 0.984 GeV = 3.195e23 POT (Akimov et al., PRL 129 (2022) 081801)
    assertEquals(3.195e23, e.protonsOnTarget(sns.protonEnergyGeV().getAsDouble(), Double.NaN), 0.0005e23);
    assertEquals(0.0848, sns.nuPerFlavorPerProton().getAsDouble());
    assertTrue(sns.powerMW().isEmpty(), "left to the SNS preset");
    DetectorConfig csi = c.detector("csi").orElseThrow();
    assertEquals(14.6, csi.massKg());
    assertEquals(19.3, csi.distanceMTo("sns").getAsDouble());
    assertEquals(List.of(new ElementCount("Cs", 55, 1), new ElementCount("I", 53, 1)),
        ((FormulaTarget) csi.target()).elements());
  }

  @Test
  void coherentLar() {
    ExperimentConfig c = load("coherent-lar.yaml");
    PionDarConfig sns = (PionDarConfig) c.sources().get(0);
    assertEquals(13.8e22, sns.exposure().pot().getAsDouble());
    assertEquals(0.09, sns.nuPerFlavorPerProton().getAsDouble());
    DetectorConfig lar = c.detectors().get(0);
    assertEquals(24.4, lar.massKg());
    assertEquals(27.5, lar.distanceM().getAsDouble());
    // no hard recoil threshold since issue #10: the CENNS-10 release's acceptance curve (detsim) applies
    assertEquals(0, lar.thresholdKeVnr());
  }

  @Test
  void conusPlusExposures() {
    ExperimentConfig c = load("conus-plus.yaml");
    ReactorConfig kkl = (ReactorConfig) c.source("kkl").orElseThrow();
    assertEquals(3600, kkl.thermalPowerMW());
    double onKgDays = 0;
    double offKgDays = 0;
    for (DetectorConfig d : c.detectors()) {
      ReactorExposure e = (ReactorExposure) c.exposure(d, kkl);
      onKgDays += d.massKg() * e.liveDaysOn();
      offKgDays += d.massKg() * e.liveDaysOff();
      assertEquals(20.7, d.distanceMTo("kkl").getAsDouble());
    }
    // CONUS+ (arXiv:2501.05206): 327 kg d ON and ~60 kg d OFF
    assertEquals(327, onKgDays, 0.5);
    assertEquals(60, offKgDays, 0.1);
    assertEquals(List.of(117.1, 109.9, 119.5), c.detectors().stream()
        .map(d -> ((ReactorExposure) c.exposure(d, kkl)).liveDaysOn()).collect(Collectors.toList()));
  }

  @Test
  void essSixDetectors() {
    ExperimentConfig c = load("ess.yaml");
    PionDarConfig ess = (PionDarConfig) c.sources().get(0);
    // 2.8e23 POT per year (5000 h at 5 MW, 2 GeV; Baxter et al., JHEP 02 (2020) 123)
    double pot = ess.exposure().protonsOnTarget(ess.protonEnergyGeV().getAsDouble(), ess.powerMW().getAsDouble());
    assertEquals(3 * 2.8e23, pot, 3 * 0.01e23);
    assertEquals(PulseShape.FLAT, ess.effectivePulseShape());
    assertEquals(List.of("CsI", "Xe", "Ge", "Si", "Ar", "C3F8"), c.detectors().stream()
        .map(d -> ((FormulaTarget) d.target()).formula()).collect(Collectors.toList()));
    assertEquals(List.of(22.5, 20.0, 7.0, 1.0, 10.0, 10.0), c.detectors().stream().map(DetectorConfig::massKg).collect(Collectors.toList()));
    assertEquals(List.of(1.0, 0.9, 0.6, 0.16, 0.1, 2.0), c.detectors().stream().map(DetectorConfig::thresholdKeVnr).collect(Collectors.toList()));
    assertEquals(List.of(46.1, 45.6, 78.9, 212.9, 150.0, 329.6), c.detectors().stream().map(DetectorConfig::roiMaxKeVnr).collect(Collectors.toList()));
    c.detectors().forEach(d -> assertEquals(20, d.distanceMTo("ess").getAsDouble()));
  }

  @Test
  void referenceShowsEveryKeyAndEverySourceType() throws IOException {
    ExperimentConfig c = load("reference.yaml");
    assertEquals(List.of(SourceType.values()), c.sources().stream().map(SourceConfig::type).collect(Collectors.toList()));
    assertInstanceOf(IsotopeTarget.class, c.detectors().get(1).target());
    String text = Files.readString(configsDir().resolve("reference.yaml"));
    List<String> keys = List.of("name", "seed", "physics", "sin2_theta_w", "couplings", "form_factor", "axial",
        "processes", "nuclei", "neutron_rms_radius_fm", "proton_rms_radius_fm", "generator", "weighted",
        "energy_nodes", "recoil_nodes", "sources", "type", "facility", "proton_energy_gev", "power_mw",
        "repetition_hz", "pulse_shape", "pulse_fwhm_ns", "pulse_length_ns", "nu_per_flavor_per_proton", "exposure",
        "pot", "beam_energy_gwh", "beam_hours", "years", "beam_hours_per_year", "thermal_power_mw",
        "fission_fractions", "energy_per_fission_mev", "low_energy_model", "high_energy_model", "max_energy_mev",
        "live_days_on", "live_days_off", "total_flux_per_cm2_s", "live_days", "energy_mev", "flavor", "parent",
        "flux_per_cm2_s", "rate_per_s", "file", "detectors", "target", "formula", "isotopes", "element", "a",
        "fraction", "mass_kg", "distance_m", "distances_m", "threshold_kevnr", "roi_max_kevnr", "response",
        "backgrounds", "windows", "analysis");
    for (String key : keys) {
      assertTrue(text.matches("(?s).*[\\s{,#]" + key + ":.*"), () -> "reference.yaml does not show key " + key);
    }
    for (Class<? extends Enum<?>> e : List.of(SourceType.class, Facility.class, PulseShape.class, CouplingScheme.class,
        FormFactorModel.class, LowEnergyModel.class, HighEnergyModel.class)) {
      for (Enum<?> constant : e.getEnumConstants()) {
        assertTrue(text.contains(ConfigNode.spelling(constant)), () -> "reference.yaml does not list " + constant);
      }
    }
    assertFalse(c.physics().nuclei().isEmpty());
  }
}
