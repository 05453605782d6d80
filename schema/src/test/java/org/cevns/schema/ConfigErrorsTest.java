package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per kind of configuration error, with the exact one-line message. */
class ConfigErrorsTest {
  private static final String BASE = ConfigErrorAssertions.SNS_CSI;

  private static final String REACTOR = String.join("\n",
      "name: test",
      "sources:",
      "  - name: core",
      "    type: reactor",
      "    thermal_power_mw: 3600",
      "    fission_fractions: {U235: 0.58, U238: 0.07, Pu239: 0.30, Pu241: 0.05}",
      "    exposure: {live_days_on: 100, live_days_off: 20}",
      "detectors:",
      "  - name: ge",
      "    target: {formula: Ge}",
      "    mass_kg: 1",
      "    distance_m: 20.7",
      "");

  /** {@code base} with {@code from} replaced by {@code to}; fails if {@code from} is not there (no vacuous case). */
  private static String edit(String base, String from, String to) {
    assertTrue(base.contains(from), () -> "test setup: '" + from + "' not in base config");
    return base.replace(from, to);
  }

  private static String edit(String from, String to) {
    return edit(BASE, from, to);
  }

  private static Arguments c(String what, String yaml, String message) {
    return Arguments.of(what, yaml, message);
  }

  static Stream<Arguments> cases() {
    String detectorKeys = "name, target, mass_kg, distance_m, distances_m, threshold_kevnr, roi_max_kevnr, exposure, response, backgrounds, geometry";
    return Stream.of(
        // unknown keys
        c("unknown top-level key", BASE + "nmae: x\n",
            "nmae: unknown key, allowed: name, seed, physics, generator, sources, detectors, windows, analysis"),
        c("unknown nested key", BASE + "physics: {sin2_thetaw: 0.2}\n",
            "physics.sin2_thetaw: unknown key, allowed: sin2_theta_w, couplings, form_factor, axial, processes, nuclei, nsi, "
            + "magnetic_moment_mub, millicharge_e, charge_radius_cm2, mediators, sterile, ngi, recoil_floor_kev"),
        c("unknown key in a list item", edit("mass_kg: 14.6", "mass_kgg: 14.6"),
            "detectors[0].mass_kgg: unknown key, allowed: " + detectorKeys),
        c("unknown key of the source type", edit("facility: sns", "facility: sns\n    thermal_power_mw: 3"),
            "sources[0].thermal_power_mw: unknown key, allowed: name, type, facility, proton_energy_gev, power_mw,"
                + " repetition_hz, pulse_shape, pulse_fwhm_ns, pulse_length_ns, nu_per_flavor_per_proton, exposure"),
        c("exposure key of another source type", edit("{beam_energy_gwh: 13.99}", "{live_days: 3}"),
            "sources[0].exposure.live_days: unknown key, allowed: pot, beam_energy_gwh, beam_hours, years, beam_hours_per_year"),
        // geometry (event record)
        c("geometry position of the wrong length", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {position_m: [0, 0, 20]}"),
            "detectors[0].geometry.position_m: must have the length of distance_m (19.3 m), or give one of them only, got [0.0, 0.0, 20.0]"),
        c("geometry position with two numbers", edit("distance_m: 19.3", "geometry: {position_m: [0, 19.3]}"),
            "detectors[0].geometry.position_m: must be a list of three numbers [x, y, z] in m, got [0.0, 19.3]"),
        c("geometry position at the source", edit("distance_m: 19.3", "geometry: {position_m: [0, 0, 0]}"),
            "detectors[0].geometry.position_m: must not be the source position [0, 0, 0], got [0.0, 0.0, 0.0]"),
        c("unknown geometry direction", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {direction: sun}"),
            "detectors[0].geometry.direction: must be one of auto, isotropic, solar, got 'sun'"),
        c("solar direction without latitude", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {direction: solar}"),
            "detectors[0].geometry.latitude_deg: required with direction: solar (degrees north, [-90, 90])"),
        c("latitude out of range", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {direction: solar, latitude_deg: 91}"),
            "detectors[0].geometry.latitude_deg: must be in [-90, 90], got 91"),
        c("box and cylinder", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {volume: {box_m: [1, 1, 1], cylinder: {radius_m: 1, height_m: 1}}}"),
            "detectors[0].geometry.volume: must give exactly one of box_m, cylinder, got box_m, cylinder"),
        c("negative box edge", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {volume: {box_m: [1, -1, 1]}}"),
            "detectors[0].geometry.volume.box_m[1]: must be > 0, got -1"),
        c("cylinder without height", edit("distance_m: 19.3", "distance_m: 19.3\n    geometry: {volume: {cylinder: {radius_m: 1}}}"),
            "detectors[0].geometry.volume.cylinder.height_m: required key is missing"),
        // missing keys
        c("missing required key", edit("    mass_kg: 14.6\n", ""), "detectors[0].mass_kg: required key is missing"),
        c("missing name", edit("name: test\n", ""), "name: required key is missing"),
        c("missing source type", edit("    type: pion-dar\n", ""), "sources[0].type: required key is missing"),
        c("point source without distance", edit("    distance_m: 19.3\n", ""),
            "detectors[0].distance_m: required key is missing (needed for point source 'sns'; or give distances_m.sns)"),
        // wrong types
        c("string for a number", edit("mass_kg: 14.6", "mass_kg: heavy"), "detectors[0].mass_kg: must be a number, got 'heavy'"),
        c("quoted number", edit("mass_kg: 14.6", "mass_kg: '14.6'"), "detectors[0].mass_kg: must be a number, got '14.6'"),
        c("empty value", edit("mass_kg: 14.6", "mass_kg:"), "detectors[0].mass_kg: must be a number, got null"),
        c("list for a map", edit("target: {formula: CsI}", "target: [CsI]"), "detectors[0].target: must be a map, got a list"),
        c("map for a list", edit("detectors:\n  - name: csi\n    target: {formula: CsI}\n    mass_kg: 14.6\n    distance_m: 19.3\n",
            "detectors: {name: csi}\n"), "detectors: must be a list, got a map"),
        c("number for a string", edit("name: test", "name: 2021"), "name: must be a non-empty string, got 2021"),
        c("float for an integer", BASE + "seed: 1.5\n",
            "seed: must be an integer in [-9223372036854775808, 9223372036854775807], got 1.5"),
        c("integer out of range", BASE + "generator: {energy_nodes: 4}\n", "generator.energy_nodes: must be an integer in [16, 8192], got 4"),
        c("boolean", BASE + "physics: {axial: 1}\n", "physics.axial: must be true or false, got 1"),
        // elements and formulas
        c("unknown element in a formula", edit("formula: CsI", "formula: XxI"),
            "detectors[0].target.formula: unknown element symbol 'Xx' (symbols are case-sensitive, e.g. Cs, Xe, Ge), got 'XxI'"),
        c("lower-case formula", edit("formula: CsI", "formula: Csi"),
            "detectors[0].target.formula: unknown element symbol 'Csi' (symbols are case-sensitive, e.g. Cs, Xe, Ge), got 'Csi'"),
        c("unknown element in isotopes", edit("target: {formula: CsI}", "target: {isotopes: [{element: Qq, a: 3, fraction: 1}]}"),
            "detectors[0].target.isotopes[0].element: unknown element symbol 'Qq' (symbols are case-sensitive, e.g. Cs, Xe, Ge), got 'Qq'"),
        c("malformed formula", edit("formula: CsI", "formula: Ca(OH)2"),
            "detectors[0].target.formula: " + FormulaTarget.RULE + ", got 'Ca(OH)2'"),
        c("zero count in formula", edit("formula: CsI", "formula: C0F8"),
            "detectors[0].target.formula: " + FormulaTarget.RULE + ", got 'C0F8'"),
        c("formula and isotopes", edit("target: {formula: CsI}", "target: {formula: CsI, isotopes: []}"),
            "detectors[0].target: must give exactly one of formula, isotopes, got formula, isotopes"),
        c("mass number below Z", edit("target: {formula: CsI}", "target: {isotopes: [{element: Xe, a: 20, fraction: 1}]}"),
            "detectors[0].target.isotopes[0].a: must be an integer in [54, 300] for Xe, got 20"),
        // numbers
        c("negative number", edit("distance_m: 19.3", "distance_m: -19.3"), "detectors[0].distance_m: must be >= 0.01, got -19.3"),
        c("negative integer", edit("mass_kg: 14.6", "mass_kg: -3"), "detectors[0].mass_kg: must be > 0, got -3"),
        c("zero mass", edit("mass_kg: 14.6", "mass_kg: 0"), "detectors[0].mass_kg: must be > 0, got 0"),
        c("NaN", edit("mass_kg: 14.6", "mass_kg: .nan"), "detectors[0].mass_kg: must be a finite number > 0, got .nan"),
        c("infinity where finite", edit("mass_kg: 14.6", "mass_kg: .inf"), "detectors[0].mass_kg: must be a finite number > 0, got .inf"),
        c("sin2 out of range", BASE + "physics: {sin2_theta_w: 1.2}\n", "physics.sin2_theta_w: must be in (0, 1), got 1.2"),
        c("threshold above ROI", edit("distance_m: 19.3", "distance_m: 19.3\n    threshold_kevnr: 5\n    roi_max_kevnr: 4"),
            "detectors[0].roi_max_kevnr: must be > threshold_kevnr (5), got 4"),
        c("negative threshold", edit("distance_m: 19.3", "distance_m: 19.3\n    threshold_kevnr: -1"),
            "detectors[0].threshold_kevnr: must be >= 0, got -1"),
        // names and references
        c("duplicate detector names", BASE + "  - name: csi\n    target: {formula: Ge}\n    mass_kg: 1\n    distance_m: 20\n",
            "detectors[1].name: must be unique among detectors, got 'csi'"),
        c("duplicate source names", edit("detectors:", "  - name: sns\n    type: pion-dar\n    facility: ess\n"
            + "    exposure: {pot: 1e23}\ndetectors:"), "sources[1].name: must be unique among sources, got 'sns'"),
        c("bad name", edit("- name: csi", "- name: cs i"), "detectors[0].name: must match [A-Za-z0-9_.-]+, got 'cs i'"),
        c("dangling distances_m source", edit("distance_m: 19.3", "distance_m: 19.3\n    distances_m: {snss: 20}"),
            "detectors[0].distances_m.snss: unknown source, allowed: sns"),
        c("dangling exposure source", edit("distance_m: 19.3", "distance_m: 19.3\n    exposure: {snss: {pot: 1e23}}"),
            "detectors[0].exposure.snss: unknown source, allowed: sns"),
        c("distance to a non-point source", BASE.replace("detectors:", "  - name: sun\n    type: solar-8b\n"
            + "    exposure: {years: 1}\ndetectors:") + "    distances_m: {sun: 1}\n",
            "detectors[0].distances_m.sun: source 'sun' is not a point source, its flux does not depend on a distance"),
        // before: accepted and ignored (walkplan)
        c("distance with no point source", edit("    type: pion-dar\n    facility: sns\n    exposure: {beam_energy_gwh: 13.99}",
            "    type: solar-8b\n    exposure: {years: 1}"),
            "detectors[0].distance_m: no source is a point source (their fluxes do not depend on a distance); remove"
            + " it, got 19.3"),
        // exposures
        c("exposure with pot and beam energy", edit("{beam_energy_gwh: 13.99}", "{pot: 1e23, beam_energy_gwh: 13.99}"),
            "sources[0].exposure: must give exactly one of pot, beam_energy_gwh, beam_hours, years, got pot, beam_energy_gwh"),
        c("empty exposure", edit("{beam_energy_gwh: 13.99}", "{}"),
            "sources[0].exposure: must give exactly one of pot, beam_energy_gwh, beam_hours, years, got none"),
        c("years without hours per year", edit("{beam_energy_gwh: 13.99}", "{years: 3}"),
            "sources[0].exposure.beam_hours_per_year: required key is missing (needed with years)"),
        c("override exposure with two keys", edit("distance_m: 19.3", "distance_m: 19.3\n    exposure: {sns: {pot: 1e23, beam_hours: 5}}"),
            "detectors[0].exposure.sns: must give exactly one of pot, beam_energy_gwh, beam_hours, years, got pot, beam_hours"),
        c("negative live days off", edit(REACTOR, "live_days_off: 20", "live_days_off: -1"),
            "sources[0].exposure.live_days_off: must be >= 0, got -1"),
        // fractions
        c("isotope fractions not summing to 1", edit("target: {formula: CsI}",
            "target: {isotopes: [{element: Xe, a: 136, fraction: 0.9}, {element: Xe, a: 134, fraction: 0.05}]}"),
            "detectors[0].target.isotopes: fractions must sum to 1 (within 1e-6), got 0.95"),
        c("fission fractions not summing to 1", edit(REACTOR, "Pu241: 0.05", "Pu241: 0.04"),
            "sources[0].fission_fractions: must sum to 1 (within 1e-6), got 0.99"),
        c("negative fission fraction", edit(REACTOR, "U238: 0.07, Pu239: 0.30", "U238: -0.1, Pu239: 0.47"),
            "sources[0].fission_fractions.U238: must be in [0, 1], got -0.1"),
        c("missing fission isotope", edit(REACTOR, ", Pu241: 0.05", ""), "sources[0].fission_fractions.Pu241: required key is missing"),
        // before: "sources[0]: maxEnergyMeV must be in [8.0, 20.0], got 7.0" (the Java name, from the source class)
        c("reactor spectrum end below the fits", edit(REACTOR, "thermal_power_mw: 3600", "thermal_power_mw: 3600\n    max_energy_mev: 7"),
            "sources[0].max_energy_mev: must be in [8, 20], got 7"),
        c("repeated isotope", edit("target: {formula: CsI}",
            "target: {isotopes: [{element: Xe, a: 136, fraction: 0.5}, {element: Xe, a: 136, fraction: 0.5}]}"),
            "detectors[0].target.isotopes[1]: must not repeat an isotope, got Xe136"),
        // enums
        c("bad source type", edit("type: pion-dar", "type: pion"),
            "sources[0].type: must be one of pion-dar, reactor, solar-8b, monoenergetic, spectrum-file, solar, got 'pion'"),
        c("bad couplings", BASE + "physics: {couplings: PDG}\n", "physics.couplings: must be one of tree, pdg, charge-radius, got 'PDG'"),
        c("bad process", BASE + "physics: {processes: [cevns, nc]}\n", "physics.processes[1]: must be one of cevns, eves, upscatter, got 'nc'"),
        c("repeated process", BASE + "physics: {processes: [cevns, cevns]}\n", "physics.processes[1]: must not repeat a process, got 'cevns'"),
        c("no process", BASE + "physics: {processes: []}\n", "physics.processes: must be a non-empty list of cevns, eves, upscatter, got []"),
        // pion-dar pulse and preset rules
        c("width of the other pulse shape", edit("facility: sns", "facility: sns\n    pulse_length_ns: 1000"),
            "sources[0].pulse_length_ns: only allowed with pulse_shape flat, got 1000"),
        c("facility none without preset", edit("facility: sns", "facility: none"),
            "sources[0].proton_energy_gev: required key is missing (facility none has no preset)"),
        // physics.nuclei
        c("bad nuclide key", BASE + "physics: {nuclei: {Cs: {neutron_rms_radius_fm: 4.8}}}\n",
            "physics.nuclei.Cs: must be an element symbol followed by the mass number, e.g. Cs133, got 'Cs'"),
        c("radius in metres", BASE + "physics: {nuclei: {Cs133: {neutron_rms_radius_fm: 4.8e-15}}}\n",
            "physics.nuclei.Cs133.neutron_rms_radius_fm: must be in [0.5, 20], got 4.8e-15"),
        // document level
        c("YAML syntax error", "name: test\nsources: [1, 2\ndetectors: []\n",
            "<yaml>: invalid YAML at line 3, column 10: expected ',' or ']', but got : (while parsing a flow sequence)"),
        c("tab indentation", "name: test\n\tsources: []\n",
            "<yaml>: invalid YAML at line 2, column 1: found character '\\t(TAB)' that cannot start any token."
                + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
        c("duplicate YAML key", edit("mass_kg: 14.6", "mass_kg: 14.6\n    mass_kg: 15"),
            "<yaml>: invalid YAML at line 11, column 5: duplicate key 'mass_kg'"),
        c("two documents", BASE + "---\nname: other\n", "<yaml>: invalid YAML at line 13, column 1: only one YAML document is allowed, found a second one"),
        c("empty document", "# nothing\n", "<yaml>: configuration is empty, expected a map with name, sources and detectors"),
        c("list document", "- a\n- b\n", "<yaml>: configuration must be a map with name, sources and detectors, got a list"),
        c("unknown alias", edit("mass_kg: 14.6", "mass_kg: *m"), "<yaml>: invalid YAML at line 10, column 14: unknown alias *m"),
        c("no detectors", edit("detectors:\n  - name: csi\n    target: {formula: CsI}\n    mass_kg: 14.6\n    distance_m: 19.3\n",
            "detectors: []\n"), "detectors: must be a non-empty list, got []"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheExactMessage(String what, String yaml, String expected, @TempDir Path dir) {
    ConfigErrorAssertions.assertMessage(expected, () -> ConfigLoader.parse(yaml, dir), what);
  }

  @Test
  void baseConfigurationsAreValid(@TempDir Path dir) {
    assertEquals("test", ConfigLoader.parse(BASE, dir).name());
    assertEquals("test", ConfigLoader.parse(REACTOR, dir).name());
  }

  @Test
  void missingSpectrumFileNamesTheResolvedPath(@TempDir Path dir) {
    String yaml = edit("detectors:", "  - name: f\n    type: spectrum-file\n    file: nope.csv\n    flavor: nue\n"
        + "    flux_per_cm2_s: 1\n    exposure: {live_days: 1}\ndetectors:");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, dir));
    assertEquals("sources[1].file", e.keyPath());
    assertEquals("'nope.csv'", e.value().orElseThrow());
    assertTrue(e.getMessage().contains(dir.toAbsolutePath().normalize().resolve("nope.csv").toString()), e.getMessage());
  }

  @Test
  void keyPathAllowedAndValueAreExposed(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse(edit("mass_kg: 14.6", "mass_kg: -3"), dir));
    assertEquals("detectors[0].mass_kg", e.keyPath());
    assertEquals("must be > 0", e.allowed());
    assertEquals("-3", e.value().orElseThrow());
  }
}
