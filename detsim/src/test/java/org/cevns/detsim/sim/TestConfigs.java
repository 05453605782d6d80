package org.cevns.detsim.sim;

/** Small configurations of the simulation tests (kept fast: short beam cycle, modest exposures). */
final class TestConfigs {
  private TestConfigs() {}

  /**
   * A CsI detector at a pion decay-at-rest source with the COHERENT 2021 CsI response (Akimov et al., PRL 129
   * (2022) 081801), prompt BRN,
   * NIN and a steady background, 10 µs coincidence and anti-coincidence windows; the data acquisition records
   * 100 µs of each 16.7 ms beam cycle, over which the steady background is spread (~10⁵ events).
   */
  static final String SNS = """
      name: sns-windows-test
      seed: 20211
      sources:
        - name: sns
          type: pion-dar
          facility: sns
          exposure: {pot: 2.0e23}
      detectors:
        - name: csi
          target: {formula: CsI}
          mass_kg: 14.6
          distance_m: 19.3
          response:
            quenching: {model: polynomial, coefficients_mev: [0.0554628, 4.30681, -111.707, 840.384], max_kevnr: 60}
            energy: {model: light-yield, light_yield_pe_per_kevee: 13.35, smearing: gamma, gamma_shape_per_kevee: 9.56}
            efficiency: {model: logistic, variable: pe, a: 1.32045, b: 0.285979, c: 10.8646, d: -0.333322}
          backgrounds:
            - {name: brn, type: beam-neutrons, spectrum: {shape: exponential, slope_kev: 15}, counts_per_pot: 2.0e-21,
               delay_ns: 100}
            - {name: nin, type: neutrino-induced-neutrons, spectrum: {shape: exponential, slope_kev: 15},
               counts_per_gwh: 20}
            - {name: steady, type: steady, spectrum: {shape: flat, max_kev: 15}, counts_per_kg_per_day: 3000}
      windows:
        coincidence_length_ns: 10000
        anticoincidence: before
        record_start_ns: -20000
        record_length_ns: 100000
      """;

  /**
   * A 1 kg Ge detector at a reactor, 100 days ON and 50 OFF, Lindhard k = 0.162, ionisation response, threshold,
   * trigger efficiency and dead time, with reactor-correlated, steady (keVee and keVnr), X-ray line and tritium
   * backgrounds.
   */
  static final String REACTOR = """
      name: reactor-onoff-test
      seed: 7
      sources:
        - name: core
          type: reactor
          thermal_power_mw: 3600
          exposure: {live_days_on: 100, live_days_off: 50}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 1.0
          distance_m: 20.7
          response:
            quenching: {model: lindhard, k: 0.162}
            energy: {model: ionisation, pair_energy_ev: 2.96, fano: 0.11, noise_sigma_evee: 20}
            threshold_kevee: 0.15
            trigger_efficiency: {model: erf, variable: kevee, x50: 0.16, width: 0.02}
            dead_time: {fraction: 0.05}
          backgrounds:
            - {name: reactor_n, type: reactor-correlated, spectrum: {shape: flat, max_kev: 2},
               on_counts_per_kg_per_day: 20, off_counts_per_kg_per_day: 10}
            - {name: flat, type: steady, spectrum: {shape: exponential, slope_kev: 1}, counts_per_kg_per_day: 10}
            - {name: nr, type: steady, energy_scale: kevnr, spectrum: {shape: flat, max_kev: 5},
               counts_per_kev_per_kg_per_day: 2}
            - {name: ga_l, type: xray-line, line: ga-l, counts_per_kg_per_day: 5, half_life_days: 271,
               days_since_reference: 30}
            - {name: tritium, type: beta, counts_per_kg_per_day: 2}
      """;
}
