package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * A transition magnetic moment in the rates of COHERENT CsI at the SNS (ν_e, ν_μ, ν̄_μ): μ_eμ = x gives ν_e and ν_μ
 * (and ν̄_μ) the effective moment x, so every channel equals that of the diagonal moments μ_ee = μ_μμ = x (the same
 * cross sections bit for bit; 1e-12 for the summation), above the Standard-Model twin that {@code cevns rates} prints
 * beside it, with the moment named by its scan name.
 */
class TransitionMomentRatesTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  private static ExperimentModel csi(String physics) throws Exception {
    String yaml = Files.readString(CONFIGS.resolve("coherent-csi.yaml"));
    return ExperimentModel.build(ConfigLoader.parse(yaml.replaceFirst("(?m)^sources:", "physics:\n  " + physics
        + "\nsources:"), CONFIGS));
  }

  @Test
  void anEmuMomentIsTheDiagonalMomentOfNueAndNumu() throws Exception {
    ExperimentModel transition = csi("magnetic_moment_mub: {emu: 1.0e-9}");
    ExperimentModel diagonal = csi("magnetic_moment_mub: {nue: 1.0e-9, numu: 1.0e-9}");
    ExperimentModel sm = RateReport.standardModelTwin(transition).orElseThrow();
    assertEquals(Map.of("magnetic_moment_mub.emu", 1.0e-9),
        transition.config().physics().newPhysics().nonZeroParameters());
    List<Channel> a = transition.channels();
    List<Channel> b = diagonal.channels();
    assertEquals(b.size(), a.size());
    for (int i = 0; i < a.size(); i++) {
      double x = b.get(i).expectedEvents();
      assertEquals(x, a.get(i).expectedEvents(), 1e-12 * x, a.get(i).component().flavor() + " " + a.get(i).process());
      assertEquals(b.get(i).expectedEventsInWindow(), a.get(i).expectedEventsInWindow(), 1e-12 * x);
      assertTrue(a.get(i).expectedEvents() > sm.channels().get(i).expectedEvents(), "every channel rises");
    }
  }
}
