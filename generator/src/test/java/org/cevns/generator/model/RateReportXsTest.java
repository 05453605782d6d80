package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * The flux-averaged cross section {@code cevns rates} prints per process is per target over the fluence of every
 * source component reaching the detector, ⟨σ⟩ = Σ N_i Φ_c σ_ic / (Σ N_i · Σ Φ_c), so that ⟨σ⟩ × targets × fluence
 * is the process's expected count. Before, each process divided by the fluence of the flavours it had channels
 * of: upscattering through a ν_μ dipole at the SNS (ν_μ and ν̄_μ only) reported 4.0157e-39 cm² on CsI, 3/2 of the
 * value its 314.6 expected events give over the whole SNS fluence (coherent-csi-newphysics).
 */
class RateReportXsTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  @Test
  void eachProcessAveragesOverTheWholeFluence() throws Exception {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(CONFIGS.resolve("coherent-csi-newphysics.yaml")));
    DetectorModel det = model.detectors().get(0);
    double targets = 0;
    for (int i = 0; i < det.target().size(); i++) {
      targets += det.massKg() * det.target().nucleiPerKg(i);
    }
    // the fluence of each source component, once: the CEvNS channels of one isotope reach every component
    double fluence = model.channels().stream()
        .filter(c -> c.process() == Process.CEVNS && c.isotope().equals(model.channels().get(0).isotope()))
        .mapToDouble(Channel::fluencePerCm2).sum();
    RateReport.DetectorRates rates = RateReport.of(model).get(0);
    List<Process> processes = List.of(Process.CEVNS, Process.EVES, Process.UPSCATTER);
    for (Process p : processes) {
      double expected = rates.expectedAllRecoils().get(p);
      assertTrue(expected > 0, p + " has events in this configuration");
      assertEquals(expected, rates.fluxAveragedXsCm2().get(p) * targets * fluence, 1e-12 * expected, p.toString());
    }
    assertTrue(model.channels().stream().noneMatch(c -> c.process() == Process.UPSCATTER
        && c.component().flavor() == org.cevns.physics.Flavor.NUE), "premise: no upscattering of nue");
  }
}
