package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConfigSupport#load} parses the analysis section on a second thread beside the model and the detsim
 * sections: the errors are still reported in the order of the sequential code (detsim's before the analysis').
 */
class ConfigSupportTest {
  @TempDir Path tmp;

  private Path csiWith(boolean badResponse, boolean badAnalysis) throws Exception {
    ConfigCopies.copyDataBeside(tmp);
    String yaml = Files.readString(AnalysisCommandsTest.CSI);
    if (badResponse) {
      yaml = yaml.replaceFirst("light_yield_pe_per_kevee: 13\\.35", "light_yield_pe_per_kevee: 1e7");
    }
    if (badAnalysis) {
      yaml = yaml.replaceAll("(?ms)^analysis:.*", "") + "\nanalysis:\n  fit: {backgrounds: {brm: 0.25}}\n";
    }
    Path c = tmp.resolve("c.yaml");
    Files.writeString(c, yaml);
    return c;
  }

  @Test
  void detsimErrorIsReportedBeforeTheAnalysisError() throws Exception {
    CliRunner.Result both = CliRunner.run("rates", csiWith(true, true).toString());
    assertEquals(2, both.exitCode(), both.err());
    assertTrue(both.err().startsWith("cevns: detectors[0].response.energy.light_yield_pe_per_kevee: must be <= 10000"),
        both.err());
    CliRunner.Result analysis = CliRunner.run("rates", csiWith(false, true).toString());
    assertEquals(2, analysis.exitCode(), analysis.err());
    assertEquals("cevns: analysis.fit.backgrounds.brm: unknown background component 'brm', components are brn, nin,"
        + " steady, eves\n", analysis.err());
  }

  @Test
  void ratesRefusesAnAnalysisParameterTheConfigurationDoesNotHave() throws Exception {
    // before: rates accepted rn_fm.Ge74 on CsI (exit 0) and only sensitivity/run/analyze refused it
    ConfigCopies.copyDataBeside(tmp);
    String yaml = Files.readString(AnalysisCommandsTest.CSI).replaceAll("(?ms)^analysis:.*", "")
        + "\nanalysis:\n  parameters: [sin2_theta_w, rn_fm.Ge74]\n";
    Path c = tmp.resolve("p.yaml");
    Files.writeString(c, yaml);
    CliRunner.Result r = CliRunner.run("rates", c.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: analysis.parameters[1]: unknown physics parameter 'rn_fm.Ge74'; this"
        + " configuration has: mu, sin2_theta_w, rn_fm.{Cs133,I127,CsI}"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    Files.writeString(c, yaml.replace("rn_fm.Ge74", "rn_fm.Cs133"));
    CliRunner.Result ok = CliRunner.run("rates", c.toString());
    assertEquals(0, ok.exitCode(), ok.err());
  }

  @Test
  void ratesRefusesAResponseThatDetectsNoCevnsRecoil() throws Exception {
    // before: rates exited 0 with 0.000 detected CEvNS events; sensitivity failed after the template simulation
    Path c = csiWith(false, false);
    Files.writeString(c, Files.readString(c).replaceFirst("(?m)^      efficiency:", "      threshold_pe: 2000\n      efficiency:"));
    CliRunner.Result r = CliRunner.run("rates", c.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: detectors[0].response.threshold_pe: no detector detects a CEvNS recoil"),
        r.err());
    assertTrue(r.err().endsWith(", got 2000\n"), r.err());
  }
}
