package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.source.PionDarSource;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * Per-flavour NGI couplings in the rates of a stopped-pion source (COHERENT CsI at the SNS, the shipped
 * configuration): a ν_μ-only coupling changes the prompt ν_μ line (π⁺ decay) and the delayed ν̄_μ (μ⁺ decay),
 * which the same operator scatters, and leaves the delayed ν_e exactly as in the Standard Model. The prompt rate
 * changes by σ_model(E_line)/σ_SM(E_line) at the 29.792 MeV line, and each ν_μ/ν̄_μ channel equals that of the
 * flavour-universal coupling, so the ν_μ-only change is the part of the universal change carried by ν_μ and ν̄_μ.
 * "Unchanged" is to 1e-9: the model's cross sections are integrated by {@code NewPhysicsCevns}/{@code NewPhysicsEves},
 * the Standard-Model twin's by {@code CevnsCrossSection}/{@code EvesCrossSection} (last-digit rounding differences).
 */
class NgiFlavourRatesTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  private static ExperimentModel csi(String physics) throws Exception {
    String yaml = Files.readString(CONFIGS.resolve("coherent-csi.yaml"));
    return ExperimentModel.build(ConfigLoader.parse(yaml.replaceFirst("(?m)^sources:", "physics:\n  " + physics
        + "\nsources:"), CONFIGS));
  }

  @Test
  void aNumuCouplingChangesThePromptLineAndNotTheDelayedNue() throws Exception {
    ExperimentModel numu = csi("ngi: {tensor: {numu: {n: 0.05}}}");
    ExperimentModel all = csi("ngi: {tensor: {n: 0.05}}");
    ExperimentModel sm = RateReport.standardModelTwin(numu).orElseThrow();
    List<Channel> a = numu.channels();
    List<Channel> u = all.channels();
    List<Channel> s = sm.channels();
    assertEquals(s.size(), a.size());
    double prompt = 0;
    double promptSm = 0;
    double delayedNue = 0;
    double delayedNueSm = 0;
    double changeNumu = 0;
    double changeAll = 0;
    for (int i = 0; i < a.size(); i++) {
      Channel c = a.get(i);
      assertEquals(s.get(i).component().flavor(), c.component().flavor());
      assertEquals(s.get(i).component().parent(), c.component().parent());
      assertEquals(s.get(i).isotope(), c.isotope());
      if (c.process() != Process.CEVNS) {
        // the model's cross section is integrated by NewPhysicsEves, the twin's by EvesCrossSection: rounding only
        assertEquals(s.get(i).expectedEvents(), c.expectedEvents(), 1e-9 * c.expectedEvents(), "EvES unchanged");
        continue;
      }
      Flavor f = c.component().flavor();
      double smAll = s.get(i).expectedEvents();
      changeNumu += c.expectedEventsInWindow() - s.get(i).expectedEventsInWindow();
      changeAll += u.get(i).expectedEventsInWindow() - s.get(i).expectedEventsInWindow();
      if (f == Flavor.NUE) {
        assertEquals(PionDarSource.MU_DELAYED, c.component().parent());
        assertEquals(smAll, c.expectedEvents(), 1e-9 * smAll, "delayed nu_e");
        assertEquals(s.get(i).expectedEventsInWindow(), c.expectedEventsInWindow(), 1e-9 * smAll, "delayed nu_e");
        delayedNue += c.expectedEventsInWindow();
        delayedNueSm += s.get(i).expectedEventsInWindow();
        continue;
      }
      // nu_mu and nu_mu-bar: as under the flavour-universal coupling, and changed
      assertEquals(u.get(i).expectedEvents(), c.expectedEvents(), 1e-12 * smAll, f + " as universal");
      assertEquals(u.get(i).expectedEventsInWindow(), c.expectedEventsInWindow(), 1e-12 * smAll, f + " as universal");
      assertTrue(c.expectedEvents() > 1.05 * smAll, f + ": " + c.expectedEvents() / smAll);
      if (f == Flavor.NUMU) {
        assertEquals(PionDarSource.PI_PROMPT, c.component().parent());
        assertTrue(c.component().spectrum().isLine());
        double line = c.component().spectrum().minEnergyMeV();
        assertEquals(29.792, line, 1e-3);
        // the prompt line: the rate ratio is the cross-section ratio at the line energy
        double ratio = c.xs().totalXsCm2(line) / s.get(i).xs().totalXsCm2(line);
        assertEquals(ratio, c.expectedEvents() / smAll, 1e-6 * ratio, c.isotope().label());
        prompt += c.expectedEventsInWindow();
        promptSm += s.get(i).expectedEventsInWindow();
      }
    }
    assertEquals(delayedNueSm, delayedNue, 1e-9 * delayedNueSm);
    assertTrue(prompt > 1.1 * promptSm, "prompt " + prompt + " vs " + promptSm);
    // the nu_mu-only change is a part of the universal one: the universal also changes the delayed nu_e
    assertTrue(changeNumu > 0 && changeNumu < changeAll, changeNumu + " of " + changeAll);
  }

  /**
   * A flavour-changing μ ↔ τ tensor coupling at the SNS (no ν_τ in the beam): ν_μ → ν_τ adds the pure tensor term,
   * which is the whole tensor change (it has no Standard-Model interference), so every channel equals that of the
   * same-size ν_μ coupling (1e-12: the same arithmetic in another order); `cevns rates` has its Standard-Model twin
   * and names the coupling.
   */
  @Test
  void aMuTauCouplingIsTheNumuTensorTermAtTheSns() throws Exception {
    ExperimentModel changing = csi("ngi: {tensor: {mutau: {n: 0.05}}}");
    ExperimentModel numu = csi("ngi: {tensor: {numu: {n: 0.05}}}");
    ExperimentModel sm = RateReport.standardModelTwin(changing).orElseThrow();
    assertEquals(java.util.Map.of("ngi.tensor.mutau.n", 0.05),
        changing.config().physics().newPhysics().nonZeroParameters());
    List<Channel> a = changing.channels();
    List<Channel> b = numu.channels();
    double total = 0;
    double totalSm = 0;
    for (int i = 0; i < a.size(); i++) {
      double x = b.get(i).expectedEvents();
      assertEquals(x, a.get(i).expectedEvents(), 1e-12 * x, a.get(i).component().flavor() + " as nu_mu");
      assertEquals(b.get(i).expectedEventsInWindow(), a.get(i).expectedEventsInWindow(), 1e-12 * x);
      if (a.get(i).process() == Process.CEVNS) {
        total += a.get(i).expectedEvents();
        totalSm += sm.channels().get(i).expectedEvents();
      }
    }
    assertTrue(total > 1.05 * totalSm, total + " vs " + totalSm);
  }
}
