package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.FissionFractions;
import org.cevns.physics.source.ReactorParameters;
import org.cevns.physics.source.ReactorSource;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (refrates4, thirty-third session): the EvES g(T) tables of one spectrum on several elements computed
 * together ({@link EvesTableGroup}) are the tables {@link RecoilTable#of} computes for each channel alone, bit for bit
 * at every node; {@link SpectrumNodeDensities#integrateScaled} and {@link SpectrumNodeDensities#integrate} (both summed
 * in their own loops) are {@code GaussLegendre.integrate} of φ × each element's dσ/dT at T over the spectrum's edges,
 * with and without the stepping approximation.
 */
class EvesTableGroupTest {
  /** Reactor isotopes and their ²³⁹U/²³⁹Np beta spectra, the SNS Michel spectra and lines, on Cs, I, Xe, Ge, Na, Ar. */
  private static final String CONFIG = """
      name: eves-groups
      sources:
        - name: sns
          type: pion-dar
          facility: sns
          exposure: {pot: 1.0e23}
        - name: core
          type: reactor
          thermal_power_mw: 3600
          neutron_captures_per_fission: 0.6
          exposure: {live_days_on: 100}
      detectors:
        - {name: csi, target: {formula: CsI}, mass_kg: 14.6, distance_m: 20}
        - {name: xe, target: {formula: Xe}, mass_kg: 20, distance_m: 20}
        - {name: ge, target: {formula: Ge}, mass_kg: 1, distance_m: 20}
        - {name: nai, target: {formula: NaI}, mass_kg: 1, distance_m: 20}
        - {name: ar, target: {formula: Ar}, mass_kg: 1, distance_m: 20}
      """;

  @Test
  void groupedTablesAreEachChannelsTableBitForBit() {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.parse(CONFIG, Path.of(".")));
    Map<String, Channel> tables = new LinkedHashMap<>();
    for (Channel c : model.channels()) {
      // one key per (spectrum, process, cross section) object, as ExpectedDetected's table keys
      tables.putIfAbsent(System.identityHashCode(c.component().spectrum()) + "/" + c.process() + "/"
          + System.identityHashCode(c.xs()), c);
    }
    int grouped = 0;
    int groups = 0;
    for (List<String> keys : EvesTableGroup.groups(tables)) {
      if (keys.size() == 1) {
        continue;
      }
      groups++;
      List<Channel> channels = keys.stream().map(tables::get).toList();
      List<RecoilTable> together = EvesTableGroup.of(channels);
      for (int i = 0; i < channels.size(); i++) {
        Channel c = channels.get(i);
        assertEquals(Process.EVES, c.process());
        assertTrue(c.component().spectrum() == channels.get(0).component().spectrum(), "one spectrum per group");
        RecoilTable alone = RecoilTable.of(c);
        assertEquals(alone.density().length, together.get(i).density().length);
        int positive = 0;
        for (int j = 0; j < alone.density().length; j++) {
          assertEquals(Double.doubleToRawLongBits(alone.recoilMeV()[j]),
              Double.doubleToRawLongBits(together.get(i).recoilMeV()[j]), "T node " + j);
          assertEquals(Double.doubleToRawLongBits(alone.density()[j]),
              Double.doubleToRawLongBits(together.get(i).density()[j]), "g at node " + j + " of " + c);
          positive += alone.density()[j] > 0 ? 1 : 0;
        }
        assertTrue(positive > 1000, "most of the 2001 nodes inside the kinematic range: " + positive);
        grouped++;
      }
    }
    // 4 fission isotopes and 2 beta spectra (ν̄_e) and 2 Michel spectra (ν_e, ν̄_μ), each on the 6 elements (one
    // iodine cross section for CsI and NaI)
    assertEquals(8, groups);
    assertEquals(8 * 6, grouped);
    for (Channel c : tables.values()) {
      if (c.component().spectrum().isLine() || c.process() != Process.EVES) {
        assertFalse(EvesTableGroup.groupable(c), c.toString());
      }
    }
  }

  @Test
  void scaledIntegralsAreEachElementsIntegral() {
    ReactorSource r = ReactorSource.of("r", ReactorParameters.of(3900, FissionFractions.typical()), 1e9);
    for (boolean stepping : new boolean[] {true, false}) {
      for (SourceComponent c : r.components()) {
        EnergySpectrum s = c.spectrum();
        double[] sorted = s.breakpointsMeV().clone();
        java.util.Arrays.sort(sorted);
        SpectrumNodeDensities alone = new SpectrumNodeDensities(s, sorted, 2);
        SpectrumNodeDensities together = new SpectrumNodeDensities(s, sorted, 2);
        int[] z = {55, 53, 54, 32, 11};
        EvesCrossSection[] xs = new EvesCrossSection[z.length];
        for (int k = 0; k < z.length; k++) {
          xs[k] = EvesCrossSection.of(z[k], Flavor.NUEBAR, 0.23857, stepping);
        }
        double tMax = xs[0].maxRecoilMeV(s.maxEnergyMeV());
        int n = ExpectedDetected.EVES_RECOIL_NODES;
        double[] out = new double[z.length];
        for (int j = 0; j <= n; j++) {
          double t = RecoilTable.node(tMax, j, n);
          double lo = Math.max(s.minEnergyMeV(), xs[0].minEnergyMeV(t));
          if (!(s.maxEnergyMeV() > lo)) {
            continue;
          }
          int[] zEff = new int[z.length];
          for (int k = 0; k < z.length; k++) {
            zEff[k] = xs[k].electronsBoundBelowMeV(t);
          }
          together.integrateScaled(lo, e -> xs[0].freeElectronXsCm2PerMeV(e, t), zEff, out);
          for (int k = 0; k < z.length; k++) {
            double kept = zEff[k] == 0 ? 0.0 : alone.integrate(lo, xs[k].atRecoilMeV(t));
            // and RecoilTable's quadrature without kept densities (GaussLegendre.integrate over the edges)
            double fresh = RecoilTable.density(s, xs[k], t);
            String where = "Z = " + z[k] + ", stepping " + stepping + ", T = " + t + " MeV";
            assertEquals(Double.doubleToRawLongBits(fresh), Double.doubleToRawLongBits(kept), where);
            assertEquals(Double.doubleToRawLongBits(fresh), Double.doubleToRawLongBits(out[k]), where);
          }
        }
      }
    }
  }
}
