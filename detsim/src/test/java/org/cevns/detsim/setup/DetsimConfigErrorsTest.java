package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.generator.model.ExperimentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error kind of the detsim sections, with its exact one-line message (key path, allowed, value). */
class DetsimConfigErrorsTest {
  @TempDir static Path dir;

  /** A CsI detector at the SNS; RESPONSE, BACKGROUNDS and WINDOWS are replaced per case. */
  static final String SNS = """
      name: t
      sources:
        - {name: sns, type: pion-dar, facility: sns, exposure: {pot: 1.0e23}}
      detectors:
        - name: csi
          target: {formula: CsI}
          mass_kg: 14.6
          distance_m: 19.3
      RESPONSE
      BACKGROUNDS
      WINDOWS
      """;

  /** A Ge detector at a reactor. */
  static final String REACTOR = """
      name: t
      sources:
        - {name: core, type: reactor, thermal_power_mw: 3600, exposure: {live_days_on: 10, live_days_off: 5}}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 1
          distance_m: 20
      RESPONSE
      BACKGROUNDS
      WINDOWS
      """;

  static final String GE_RESPONSE = "    response:\n"
      + "      quenching: {model: lindhard, k: 0.162}\n"
      + "      energy: {model: ionisation, pair_energy_ev: 2.96, fano: 0.11, noise_sigma_evee: 20}\n"
      + "      threshold_kevee: 0.18";

  static final String CSI_RESPONSE = "    response:\n"
      + "      quenching: {model: polynomial, coefficients_mev: [0.0554628, 4.30681, -111.707, 840.384], max_kevnr: 60}\n"
      + "      energy: {model: light-yield, light_yield_pe_per_kevee: 13.35, smearing: poisson}";

  @BeforeAll
  static void tables() throws IOException {
    Files.writeString(dir.resolve("bad-header.csv"), "a,b\n1,0.1\n");
    Files.writeString(dir.resolve("qf-above-one.csv"), "recoil_kevnr,quenching_factor\n1,0.2\n2,1.2\n");
    Files.writeString(dir.resolve("eff-above-one.csv"), "kevee,efficiency\n0.1,0.5\n# comment\n0.2,1.3\n");
    Files.writeString(dir.resolve("qf-turns-over.csv"), "recoil_kevnr,quenching_factor\n1,0.2\n2,0.05\n");
    Files.writeString(dir.resolve("eff.csv"), "# efficiency\nkevee,efficiency\n0.1,0\n0.3,x\n");
    Files.writeString(dir.resolve("eff-decimal-commas.csv"), "kevee,efficiency\n0,0\n2,0,2\n10,1\n");
  }

  static String config(String base, String response, String backgrounds, String windows) {
    return base.replace("RESPONSE", response).replace("BACKGROUNDS", backgrounds).replace("WINDOWS", windows);
  }

  static String ge(String responseExtra) {
    return config(REACTOR, GE_RESPONSE + "\n" + responseExtra, "", "");
  }

  static String geBackground(String entry) {
    return config(REACTOR, GE_RESPONSE, "    backgrounds:\n      - " + entry, "");
  }

  static String csiBackground(String entry) {
    return config(SNS, CSI_RESPONSE, "    backgrounds:\n      - " + entry, "");
  }

  static String csiResponse(String response) {
    return config(SNS, "    response:\n" + response, "", "");
  }

  static String windows(String windows) {
    return config(SNS, CSI_RESPONSE, "", "windows: " + windows);
  }

  static Stream<Arguments> cases() {
    String p = "detectors[0].response";
    String b = "detectors[0].backgrounds[0]";
    return Stream.of(
        // ---- response
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: ideal}\n      treshold_kevee: 1"),
            p + ".treshold_kevee: unknown key, allowed: quenching, energy, threshold_kevee, threshold_pe, efficiency,"
                + " trigger_efficiency, dead_time, time_efficiency"),
        Arguments.of(csiResponse("      energy: {model: ideal}"), p + ".quenching: required key is missing"),
        Arguments.of(csiResponse("      quenching: {model: none}"), p + ".energy: required key is missing"),
        Arguments.of(csiResponse("      quenching: {model: birks}\n      energy: {model: ideal}"),
            p + ".quenching.model: must be one of lindhard, constant, polynomial, tabulated, linear, none, got 'birks'"),
        // walkfuzz: an empty choosing key (`model:`, `type:`, `shape:`) was a NullPointerException (exit 1 for type)
        Arguments.of(csiResponse("      quenching: {model: }\n      energy: {model: ideal}"),
            p + ".quenching.model: must be one of lindhard, constant, polynomial, tabulated, linear, none, got null"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: ~}"),
            p + ".energy.model: must be one of ionisation, light-yield, gaussian, ideal, got null"),
        Arguments.of(csiBackground("{name: n, type: , counts_per_pot: 1.0e-23, spectrum: {shape: flat, max_kev: 5}}"),
            b + ".type: must be one of steady, reactor-correlated, beam-neutrons, neutrino-induced-neutrons,"
                + " xray-line, beta, got null"),
        Arguments.of(csiBackground("{name: n, type: steady, counts_per_kg_per_day: 1, spectrum: {shape: null}}"),
            b + ".spectrum.shape: must be one of flat, exponential, tabulated, line, got null"),
        Arguments.of(csiResponse("      quenching: 0.1\n      energy: {model: ideal}"),
            p + ".quenching: must be a map, got 0.1"),
        Arguments.of(csiResponse("      quenching: {by_element: {Cs: {model: lindhard}, Na: {model: lindhard}}}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.by_element.Na: not an element of the target, allowed: Cs, I"),
        Arguments.of(csiResponse("      quenching: {by_element: {Cs: {model: lindhard}}}\n      energy: {model: ideal}"),
            p + ".quenching.by_element.I: required key is missing (every element of the target needs a quenching"
                + " model)"),
        Arguments.of(csiResponse("      quenching: {model: lindhard, by_element: {}}\n      energy: {model: ideal}"),
            p + ".quenching.model: unknown key, allowed: by_element"),
        Arguments.of(csiResponse("      quenching: {model: lindhard, k: 0}\n      energy: {model: ideal}"),
            p + ".quenching.k: must be > 0, got 0"),
        Arguments.of(csiResponse("      quenching: {model: lindhard, adiabatic_xi_kevnr: -0.1}\n      energy: {model: ideal}"),
            p + ".quenching.adiabatic_xi_kevnr: must be >= 0, got -0.1"),
        Arguments.of(csiResponse("      quenching: {model: constant, quenching_factor: 1.5}\n      energy: {model: ideal}"),
            p + ".quenching.quenching_factor: must be in (0, 1], got 1.5"),
        Arguments.of(csiResponse("      quenching: {model: constant, k: 0.1}\n      energy: {model: ideal}"),
            p + ".quenching.k: unknown key, allowed: model, quenching_factor"),
        Arguments.of(csiResponse("      quenching: {model: linear, intercept: 0.246, slope_per_kevnr: -1}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.slope_per_kevnr: must be >= 0, got -1"),
        Arguments.of(csiResponse("      quenching: {model: polynomial, coefficients_mev: [], max_kevnr: 60}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.coefficients_mev: must be a non-empty list of numbers, got []"),
        Arguments.of(csiResponse("      quenching: {model: polynomial, coefficients_mev: [0.1, -10], max_kevnr: 60}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.coefficients_mev: the polynomial must be increasing on [0, 60.0]"
                + " keVnr (dE_ee/dE_nr <= 0 at 5.009765625 keVnr), got [0.1, -10.0]"),
        // before: "...coefficients_mev: invalid: coefficientsMeV[0] (linear term) must be > 0" (a Java name)
        Arguments.of(csiResponse("      quenching: {model: polynomial, coefficients_mev: [-0.05, 4.3], max_kevnr: 60}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.coefficients_mev[0]: must be > 0 (the linear term: E_ee rises from E_nr = 0), got -0.05"),
        // before: "(efficiencies[1] must be in [0.0, 1.0], got 1.3)": a Java name and a row index, no line
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: ideal}\n"
                + "      efficiency: {model: tabulated, variable: kevee, file: eff-above-one.csv}"),
            p + ".efficiency.file: must be a valid table (eff-above-one.csv:4: efficiency must be in [0, 1], got 1.3),"
                + " got 'eff-above-one.csv'"),
        Arguments.of(csiResponse("      quenching: {model: tabulated, file: qf-turns-over.csv}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.file: must be a valid table (qf-turns-over.csv:3: E_ee = quenching_factor x recoil_kevnr"
                + " must increase, 0.1 follows 0.2), got 'qf-turns-over.csv'"),
        Arguments.of(csiResponse("      quenching: {model: tabulated, file: missing.csv}\n      energy: {model: ideal}"),
            p + ".quenching.file: must be a readable file (relative paths are relative to the configuration file's"
                + " directory; looked for " + dir.resolve("missing.csv").toAbsolutePath().normalize()
                + "), got 'missing.csv'"),
        Arguments.of(csiResponse("      quenching: {model: tabulated, file: bad-header.csv}\n      energy: {model: ideal}"),
            p + ".quenching.file: must be a valid table (bad-header.csv:1: expected the header"
                + " recoil_kevnr,quenching_factor or recoil_kevnr,visible_kevee, found 'a,b'), got 'bad-header.csv'"),
        Arguments.of(csiResponse("      quenching: {model: tabulated, file: qf-above-one.csv}\n"
                + "      energy: {model: ideal}"),
            p + ".quenching.file: must be a valid table (qf-above-one.csv:3: quenching_factor must be in (0, 1],"
                + " got 1.2), got"
                + " 'qf-above-one.csv'"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: pmt}"),
            p + ".energy.model: must be one of ionisation, light-yield, gaussian, ideal, got 'pmt'"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: light-yield, smearing: gamma}"),
            p + ".energy.light_yield_pe_per_kevee: required key is missing"),
        // physical ranges (issue 16): beyond any real detector, refused with the reason
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: light-yield,"
                + " light_yield_pe_per_kevee: 1e7, smearing: poisson}"),
            p + ".energy.light_yield_pe_per_kevee: must be <= 10000 (up to 1e4), got 10000000"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: ideal}\n"
                + "      efficiency: {model: logistic, variable: kevee, a: 1.3, b: 0.29, c: -1e12}"),
            p + ".efficiency.c: must be within +-1000000000 (up to 1e9 in magnitude), got -1000000000000"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: light-yield,"
                + " light_yield_pe_per_kevee: 13.35, smearing: poisson, gamma_shape_per_kevee: 9.56}"),
            p + ".energy.gamma_shape_per_kevee: only allowed with smearing: gamma"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: light-yield,"
                + " light_yield_pe_per_kevee: 13.35, smearing: binomial}"),
            p + ".energy.smearing: must be one of poisson, gamma, got 'binomial'"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: gaussian, sigma0_kevee: -0.1}"),
            p + ".energy.sigma0_kevee: must be >= 0, got -0.1"),
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: ionisation, pair_energy_ev: 0,"
                + " fano: 0.11, noise_sigma_evee: 20}"),
            p + ".energy.pair_energy_ev: must be > 0, got 0"),
        // before: accepted and ignored (a reactor, solar or other configuration without windows: walksolar)
        Arguments.of(ge("      time_efficiency: {flat_ns: 520, decay_per_us: 0.05}"),
            p + ".time_efficiency: needs beam windows (a windows: section): it applies to the time since a window's"
                + " start, and without windows no event is in one"),
        Arguments.of(ge("      threshold_pe: 3"),
            p + ": must give at most one of threshold_kevee, threshold_pe, got threshold_kevee, threshold_pe"),
        Arguments.of(config(REACTOR, GE_RESPONSE.replace("threshold_kevee: 0.18", "threshold_pe: 3"), "", ""),
            p + ".threshold_pe: a threshold or efficiency in PE needs a light-yield energy response"),
        // before: "(up to 1 GeV)", the reason of the energy keys
        Arguments.of(csiResponse("      quenching: {model: none}\n      energy: {model: light-yield,"
            + " light_yield_pe_per_kevee: 13.35, smearing: poisson}\n      threshold_pe: 1.0e9"),
            p + ".threshold_pe: must be <= 1000000 (up to 1e6 PE), got 1000000000"),
        Arguments.of(config(REACTOR, GE_RESPONSE.replace("threshold_kevee: 0.18", "threshold_kevee: .inf"), "", ""),
            p + ".threshold_kevee: must be a finite number, got .inf"),
        Arguments.of(ge("      efficiency: {model: logistic, variable: pe, a: 1, b: 0.3, c: 10}"),
            p + ".efficiency.variable: a threshold or efficiency in PE needs a light-yield energy response"),
        Arguments.of(ge("      efficiency: {model: sigmoid, variable: kevee}"),
            p + ".efficiency.model: must be one of erf, logistic, tabulated, got 'sigmoid'"),
        Arguments.of(ge("      efficiency: {model: erf, variable: ev, x50: 0.2, width: 0.02}"),
            p + ".efficiency.variable: must be one of kevee, pe, got 'ev'"),
        Arguments.of(ge("      trigger_efficiency: {model: erf, variable: kevee, x50: 0.2, width: 0}"),
            p + ".trigger_efficiency.width: must be > 0, got 0"),
        Arguments.of(ge("      trigger_efficiency: {model: erf, variable: kevee, x50: 0.2, width: 0.02, plateau: 1.1}"),
            p + ".trigger_efficiency.plateau: must be in (0, 1], got 1.1"),
        Arguments.of(ge("      efficiency: {model: logistic, variable: kevee, a: 1, b: -1, c: 1}"),
            p + ".efficiency.b: must be > 0, got -1"),
        Arguments.of(ge("      efficiency: {model: tabulated, variable: kevee, file: eff.csv}"),
            p + ".efficiency.file: must be a valid table (eff.csv:4: not a finite decimal number: 'x'), got 'eff.csv'"),
        // walk33: a comma-separated export with decimal commas; before: "... found 3 fields)", without a reason
        Arguments.of(ge("      efficiency: {model: tabulated, variable: kevee, file: eff-decimal-commas.csv}"),
            p + ".efficiency.file: must be a valid table (eff-decimal-commas.csv:3: expected 2 comma-separated numbers,"
                + " found 3 fields ('2,0,2'; a decimal comma, 0,5, splits a number in two: write 0.5)), got"
                + " 'eff-decimal-commas.csv'"),
        Arguments.of(ge("      efficiency: {model: tabulated, variable: pe, file: eff.csv}"),
            p + ".efficiency.variable: a threshold or efficiency in PE needs a light-yield energy response"),
        Arguments.of(ge("      dead_time: {fraction: 1}"), p + ".dead_time.fraction: must be in [0, 1), got 1"),
        Arguments.of(ge("      dead_time: {fraction: 0.1, per_trigger_ns: 100}"),
            p + ".dead_time: must give either fraction or per_trigger_ns with trigger_rate_hz, got fraction and"
                + " per_trigger_ns"),
        Arguments.of(ge("      dead_time: {per_trigger_ns: 100}"), p + ".dead_time.trigger_rate_hz: required key is missing"),
        // ---- backgrounds
        Arguments.of(config(REACTOR, GE_RESPONSE, "    backgrounds: {name: x}", ""),
            "detectors[0].backgrounds: must be a list, got a map"),
        Arguments.of(config(REACTOR, "", "    backgrounds: []", ""),
            "detectors[0].response: required key is missing (backgrounds need a detector response)"),
        Arguments.of(geBackground("{name: mu, type: cosmic}"),
            b + ".type: must be one of steady, reactor-correlated, beam-neutrons, neutrino-induced-neutrons, xray-line,"
                + " beta, got 'cosmic'"),
        Arguments.of(geBackground("{name: mu, type: steady, spectrum: {shape: flat, max_kev: 1}, counts_per_pot: 1}"),
            b + ".counts_per_pot: unknown key, allowed: name, type, source, energy_scale, spectrum,"
                + " counts_per_kg_per_day, counts_per_kev_per_kg_per_day"),
        Arguments.of(geBackground("{type: steady, spectrum: {shape: flat, max_kev: 1}, counts_per_kg_per_day: 1}"),
            b + ".name: required key is missing"),
        Arguments.of(geBackground("{name: 'a b', type: steady, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: 1}"),
            b + ".name: must match [A-Za-z0-9_.-]+, got 'a b'"),
        Arguments.of(geBackground("{name: signal, type: steady, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: 1}"),
            b + ".name: must not be 'signal' (the component name of signal events), got 'signal'"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: 1}\n      - {name: s, type: beta, counts_per_kg_per_day: 1}"),
            "detectors[0].backgrounds[1].name: must be unique among the detector's backgrounds, got 's'"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: flat, max_kev: 1}}"),
            b + ": must give exactly one of counts_per_kg_per_day, counts_per_kev_per_kg_per_day, got none"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: flat, max_kev: 1}, counts_per_kg_per_day: 1,"
                + " counts_per_kev_per_kg_per_day: 1}"),
            b + ": must give exactly one of counts_per_kg_per_day, counts_per_kev_per_kg_per_day, got"
                + " counts_per_kg_per_day, counts_per_kev_per_kg_per_day"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: -1}"),
            b + ".counts_per_kg_per_day: must be >= 0, got -1"),
        Arguments.of(geBackground("{name: s, type: steady, energy_scale: kev, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: 1}"),
            b + ".energy_scale: must be one of kevee, kevnr, got 'kev'"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: exponential, slope_kev: 1},"
                + " counts_per_kev_per_kg_per_day: 1}"),
            b + ".spectrum: a rate per keV needs a spectrum with a finite energy range (flat, tabulated, or"
                + " exponential with a finite max_kev)"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: gauss}, counts_per_kg_per_day: 1}"),
            b + ".spectrum.shape: must be one of flat, exponential, tabulated, line, got 'gauss'"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: flat, min_kev: 2, max_kev: 1},"
                + " counts_per_kg_per_day: 1}"),
            b + ".spectrum.max_kev: must be > 2, got 1"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: exponential, min_kev: 2, max_kev: 1,"
                + " slope_kev: 1}, counts_per_kg_per_day: 1}"),
            b + ".spectrum.max_kev: must be > min_kev (2), got 1"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: line, energy_kev: 0},"
                + " counts_per_kg_per_day: 1}"),
            b + ".spectrum.energy_kev: must be > 0, got 0"),
        Arguments.of(geBackground("{name: s, type: steady, spectrum: {shape: flat, max_kev: 1, slope_kev: 1},"
                + " counts_per_kg_per_day: 1}"),
            b + ".spectrum.slope_kev: unknown key, allowed: shape, min_kev, max_kev"),
        Arguments.of(geBackground("{name: s, type: beam-neutrons, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_pot: 1}"),
            b + ".type: 'beam-neutrons' needs a pulsed source, source 'core' is reactor"),
        Arguments.of(csiBackground("{name: s, type: reactor-correlated, spectrum: {shape: flat, max_kev: 1},"
                + " on_counts_per_kg_per_day: 1, off_counts_per_kg_per_day: 1}"),
            b + ".type: 'reactor-correlated' needs a reactor source (periods on and off), source 'sns' is pion-dar"),
        Arguments.of(csiBackground("{name: s, type: beam-neutrons, spectrum: {shape: flat, max_kev: 1}}"),
            b + ": must give exactly one of counts_per_pot, counts_per_gwh, got none"),
        Arguments.of(csiBackground("{name: s, type: beam-neutrons, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_pot: 1e-21, delay_ns: .nan}"),
            b + ".delay_ns: must be a finite number, got .nan"),
        Arguments.of(csiBackground("{name: s, source: snss, type: steady, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: 1}"),
            b + ".source: must be a source of this configuration, allowed: sns, got 'snss'"),
        Arguments.of(config(SNS.replace("exposure: {pot: 1.0e23}}", "exposure: {pot: 1.0e23}}\n"
                + "  - {name: core, type: reactor, thermal_power_mw: 3600, exposure: {live_days_on: 10}}"),
                CSI_RESPONSE, "    backgrounds:\n      - {name: s, type: steady, spectrum: {shape: flat, max_kev: 1},"
                + " counts_per_kg_per_day: 1}", ""),
            b + ".source: required key is missing (the configuration has 2 sources: sns, core)"),
        Arguments.of(geBackground("{name: x, type: xray-line, counts_per_kg_per_day: 1}"),
            b + ": must give exactly one of line, energy_kevee, got none"),
        Arguments.of(geBackground("{name: x, type: xray-line, line: ge-k, counts_per_kg_per_day: 1}"),
            b + ".line: must be one of ga-k, ga-l, zn-k, zn-l, cu-k, cu-l, fe-k, mn-k, got 'ge-k'"),
        Arguments.of(geBackground("{name: x, type: xray-line, line: ga-k, counts_per_kg_per_day: 1, half_life_days: 0}"),
            b + ".half_life_days: must be > 0 (or .inf), got 0"),
        Arguments.of(geBackground("{name: t, type: beta, counts_per_kg_per_day: 1, daughter_z: 2.5}"),
            b + ".daughter_z: must be an integer in [0, 118], got 2.5"),
        Arguments.of(geBackground("{name: t, type: beta, counts_per_kg_per_day: 1, endpoint_kev: -18.6}"),
            b + ".endpoint_kev: must be > 0, got -18.6"),
        // ---- windows
        Arguments.of(config(REACTOR, GE_RESPONSE, "", "windows: {coincidence_length_ns: 6000, anticoincidence: before}"),
            "windows: only pulsed sources have beam windows, and the configuration has none"),
        Arguments.of(windows("{anticoincidence: before}"), "windows.coincidence_length_ns: required key is missing"),
        Arguments.of(windows("{coincidence_length_ns: 6000}"), "windows.anticoincidence: required key is missing"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: after}"),
            "windows.anticoincidence: must be one of before, delayed, got 'after'"),
        Arguments.of(windows("{coincidence_length_ns: 0, anticoincidence: before}"),
            "windows.coincidence_length_ns: must be > 0, got 0"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: delayed, anticoincidence_delay_ns: 3000}"),
            "windows.anticoincidence_delay_ns: must be >= coincidence_length_ns (6000, the windows must not overlap),"
                + " got 3000"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: delayed, anticoincidence_delay_ns: 2.0e7}"),
            "windows.anticoincidence_delay_ns: must fit both windows in one beam period of source 'sns' (1.666666667e7"
                + " ns): anticoincidence_delay_ns + coincidence_length_ns <= 1.666666667e7, got 2.0e7"),
        Arguments.of(windows("{coincidence_length_ns: 1.0e7, anticoincidence: before}"),
            "windows.coincidence_length_ns: must fit both windows in one beam period of source 'sns' (1.666666667e7"
                + " ns): anticoincidence_delay_ns + coincidence_length_ns <= 1.666666667e7, got 1.0e7"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: before, tail_ns: 10}"),
            "windows.tail_ns: unknown key, allowed: coincidence_start_ns, coincidence_length_ns, anticoincidence,"
                + " anticoincidence_delay_ns, record_start_ns, record_length_ns"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: before, record_start_ns: -1000}"),
            "windows.record_start_ns: must be <= the earlier window start (-6000), got -1000"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: before, record_length_ns: 10000}"),
            "windows.record_length_ns: must reach the end of the later window: record_start_ns + record_length_ns"
                + " >= 6000, got 10000"),
        Arguments.of(windows("{coincidence_length_ns: 6000, anticoincidence: before, record_length_ns: 2.0e7}"),
            "windows.record_length_ns: must be <= the beam period of source 'sns' (1.666666667e7 ns), got 2.0e7"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void reportsExactMessage(String yaml, String message) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> DetsimConfig.of(ExperimentModel.build(ConfigLoader.parse(yaml, dir))));
    assertEquals(message, e.getMessage());
  }

  @Test
  void simulateNeedsEveryResponse() {
    DetsimConfig c = DetsimConfig.of(ExperimentModel.build(ConfigLoader.parse(config(SNS, "", "", ""), dir)));
    ConfigException e = assertThrows(ConfigException.class, () -> c.requireResponses("cevns simulate needs it"));
    assertEquals("detectors[0].response: required key is missing (cevns simulate needs it)", e.getMessage());
  }
}
