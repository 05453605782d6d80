package org.cevns.schema;

import org.cevns.physics.source.PionDarParameters.Facility;

import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.formfactor.FormFactorModel;

import org.cevns.physics.source.PulseShape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.constants.Units;
import org.junit.jupiter.api.Test;

/** The records on their own: validation with relative key paths, derived values. */
class RecordsTest {
  private static String message(Runnable r) {
    return assertThrows(ConfigException.class, r::run).getMessage();
  }

  @Test
  void formulas() {
    assertEquals(List.of(new ElementCount("Ca", 20, 1), new ElementCount("W", 74, 1), new ElementCount("O", 8, 4)),
        new FormulaTarget("CaWO4").elements());
    assertEquals(List.of(new ElementCount("C", 6, 3), new ElementCount("F", 9, 8)), new FormulaTarget("C3F8").elements());
    assertEquals(List.of(new ElementCount("Al", 13, 2), new ElementCount("O", 8, 3)), new FormulaTarget("Al2O3").elements());
    assertEquals(List.of(new ElementCount("C", 6, 2), new ElementCount("H", 1, 6)), new FormulaTarget("CH3CH3").elements());
    assertEquals(List.of(new ElementCount("Og", 118, 1)), new FormulaTarget("Og").elements());
    for (String bad : List.of("", "csi", "Cs I", "C3F08", "2CsI", "Ca(OH)2", "CsI+", "C12345")) {
      assertEquals("formula", assertThrows(ConfigException.class, () -> new FormulaTarget(bad)).keyPath(), bad);
    }
    assertEquals("formula: unknown element symbol 'Uue' (symbols are case-sensitive, e.g. Cs, Xe, Ge), got 'Uue'",
        message(() -> new FormulaTarget("Uue")));
  }

  @Test
  void periodicTable() {
    assertEquals(118, Elements.MAX_Z);
    HashSet<String> symbols = new HashSet<>();
    for (int z = 1; z <= Elements.MAX_Z; z++) {
      symbols.add(Elements.symbol(z));
      assertEquals(z, Elements.atomicNumber(Elements.symbol(z)).getAsInt());
    }
    assertEquals(118, symbols.size(), "symbols unique");
    // spot checks against the IUPAC table
    Map.of("H", 1, "C", 6, "Ar", 18, "Ge", 32, "I", 53, "Xe", 54, "Cs", 55, "W", 74, "U", 92, "Pu", 94)
        .forEach((s, z) -> assertEquals(z, Elements.atomicNumber(s).getAsInt(), s));
    assertEquals(true, Elements.atomicNumber("CS").isEmpty());
  }

  @Test
  void pionDarExposureToPot() {
    // POT = energy / proton energy: 13.99 GWh at 0.984 GeV = 3.195e23 POT (Akimov et al., PRL 129 (2022) 081801)
    assertEquals(3.195e23, PionDarExposure.ofBeamEnergyGWh(13.99).protonsOnTarget(0.984, Double.NaN), 0.0005e23);
    // 5000 h at 5 MW and 2 GeV = 2.8e23 POT (ESS per year, Baxter et al., JHEP 02 (2020) 123)
    assertEquals(2.8e23, PionDarExposure.ofBeamHours(5000).protonsOnTarget(2.0, 5.0), 0.01e23);
    assertEquals(PionDarExposure.ofYears(1, 5000).protonsOnTarget(2.0, 5.0),
        PionDarExposure.ofBeamHours(5000).protonsOnTarget(2.0, 5.0), 1e10);
    assertEquals(1.5e23, PionDarExposure.ofPot(1.5e23).protonsOnTarget(Double.NaN, Double.NaN));
    assertEquals("power_mw: must be a finite number > 0, got .nan",
        message(() -> PionDarExposure.ofBeamHours(1).protonsOnTarget(1, Double.NaN)));
    assertEquals(8766, PionDarExposure.HOURS_PER_YEAR, 1e-9);
    assertEquals("beam_hours_per_year: must be in (0, 8766], got 9000", message(() -> PionDarExposure.ofYears(1, 9000)));
    assertEquals("beam_hours_per_year: only allowed with years, got 10", message(() -> new PionDarExposure(
        OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(10))));
  }

  @Test
  void liveTimes() {
    assertEquals(2 * Units.S_PER_DAY, LiveTimeExposure.ofLiveDays(2).liveSeconds());
    assertEquals(Units.DAYS_PER_YEAR * Units.S_PER_DAY, LiveTimeExposure.ofYears(1).liveSeconds());
    assertEquals(": must give exactly one of live_days, years, got live_days, years".substring(2),
        message(() -> new LiveTimeExposure(OptionalDouble.of(1), OptionalDouble.of(1))));
    ReactorExposure r = new ReactorExposure(117.1, 21.2);
    assertEquals(117.1 * Units.S_PER_DAY, r.liveSecondsOn());
  }

  @Test
  void pulseRules() {
    PionDarExposure pot = PionDarExposure.ofPot(1e23);
    OptionalDouble none = OptionalDouble.empty();
    assertEquals(PulseShape.GAUSSIAN, new PionDarConfig("sns", Facility.SNS, none, none, none, Optional.empty(),
        none, none, none, pot).effectivePulseShape());
    assertEquals("pulse_fwhm_ns: only allowed with pulse_shape gaussian, got 380", message(() -> new PionDarConfig("ess",
        Facility.ESS, none, none, none, Optional.empty(), OptionalDouble.of(380), none, none, pot)));
    assertEquals("pulse_length_ns: required key is missing (pulse_shape flat is not the preset's shape)",
        message(() -> new PionDarConfig("sns", Facility.SNS, none, none, none, Optional.of(PulseShape.FLAT), none, none,
            none, pot)));
    OptionalDouble one = OptionalDouble.of(1);
    new PionDarConfig("x", Facility.NONE, one, one, one, Optional.of(PulseShape.FLAT), none, one, one, pot);
    assertEquals("pulse_length_ns: required key is missing (pulse_shape flat is not the preset's shape)",
        message(() -> new PionDarConfig("x", Facility.NONE, one, one, one, Optional.of(PulseShape.FLAT), none, none,
            one, pot)));
  }

  @Test
  void detectorDefaultsAndDistances() {
    DetectorConfig d = new DetectorConfig("ge", new FormulaTarget("Ge"), 1, OptionalDouble.of(20), Map.of("core", 10.0),
        0, Double.POSITIVE_INFINITY, Map.of(), Optional.empty(), Optional.empty());
    assertEquals(10.0, d.distanceMTo("core").getAsDouble());
    assertEquals(20.0, d.distanceMTo("other").getAsDouble());
    assertEquals("distances_m.core: must be >= 0.01, got 0", message(() -> new DetectorConfig("ge", new FormulaTarget("Ge"), 1,
        OptionalDouble.empty(), Map.of("core", 0.0), 0, 1, Map.of(), Optional.empty(), Optional.empty())));
  }

  @Test
  void nucleusRadii() {
    NucleusRadii r = new NucleusRadii("Cs", 133, OptionalDouble.of(4.86), OptionalDouble.empty());
    assertEquals("Cs133", r.key());
    assertEquals(55, r.z());
    assertEquals(": must give neutron_rms_radius_fm or proton_rms_radius_fm or both, got none".substring(2),
        message(() -> new NucleusRadii("Cs", 133, OptionalDouble.empty(), OptionalDouble.empty())));
    assertEquals("nuclei.Cs134: key must be the nuclide of its radii, Cs133, got 'Cs134'",
        message(() -> new PhysicsConfig(0.23, CouplingScheme.TREE, FormFactorModel.HELM, true,
            PhysicsConfig.defaults().processes(), Map.of("Cs134", r))));
  }

  @Test
  void messageRendering() {
    assertEquals("1.38e23", ConfigException.render(1.38e23));
    assertEquals("-3", ConfigException.render(-3.0));
    assertEquals("0.99", ConfigException.renderRounded(0.58 + 0.07 + 0.30 + 0.04));
    assertEquals("'it''s'", ConfigException.quote("it's"));
    assertEquals("a.b[0].c", ConfigException.join(ConfigException.join("a.b", "[0]"), "c"));
  }
}
