package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EvES of the {@code solar} source's branches on 1 t of natural xenon for 1 yr (365.25 d), all recoils, oscillated.
 * Reference: an independent integration in Python/scipy (2026-12-06; docs/physics.md, walkeves section): B16-GS98
 * fluxes, Bahcall's tabulated pp/¹³N/¹⁵O/¹⁷F spectra (public copy: SNO+/RAT SOLAR.ratdb) where cevns uses the
 * allowed β⁺ shape, the lines at 1.442 / 0.8613 (89.56 %) / 0.3843 MeV (10.44 %), the adiabatic MSW–LMA P_ee (PDG
 * 2022, n_e = 100 N_A cm⁻³), 't Hooft's free-electron cross section (sin²θ_W = 0.23857) with the X-ray Data Booklet
 * shells of Xe in the stepping approximation, 131.293 g/mol. Tolerances: lines 1e-5 (the check's rounded mean
 * atomic mass: 1.7e-6), continuous branches 2e-3 (the allowed shape against Bahcall's table: pp +1.05e-3,
 * CNO −3e-4 to −4e-4).
 */
class SolarBranchRatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pp, 362.4598, 2e-3",
    "pep, 7.587814, 1e-5",
    "be7, 133.84465, 1e-5",
    "n13, 6.3917, 2e-3",
    "o15, 7.1103, 2e-3",
    "f17, 0.18410, 2e-3",
  })
  void evesOnXenonPerTonneYearIsTheIndependentIntegral(String branch, double python, double tolerance) {
    String cfg = """
        name: sun
        physics: {processes: [eves]}
        sources:
          - {name: sun, type: solar, branches: [%s], exposure: {years: 1}}
        detectors:
          - {name: xe, target: {formula: Xe}, mass_kg: 1000}
        """.formatted(branch);
    double events = ExperimentModel.build(ConfigLoader.parse(cfg, Path.of("."))).totalExpectedEvents();
    assertEquals(python, events, tolerance * python, branch);
  }
}
