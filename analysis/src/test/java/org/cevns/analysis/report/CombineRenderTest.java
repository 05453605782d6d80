package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.pipeline.CombinedScan;
import org.junit.jupiter.api.Test;

/**
 * {@code cevns combine}'s terminal table: a combined confidence set of two bands (NSI's two solutions) is printed in
 * full below the table; the table's cell holds the band of the best fit. (The first version put the union into the
 * 68 % cell, which the 100-column table cut to "[0.043, 0.11] ∪ [0.26, 0.388…".)
 */
class CombineRenderTest {
  private static ScanInput input(String experiment, double[] x, double[] d) throws Exception {
    return input(experiment, "nsi.u.ee", x, d);
  }

  private static ScanInput input(String experiment, String name, double[] x, double[] d) throws Exception {
    var params = new ObjectMapper().readTree("[{\"name\": \"" + name + "\", \"best\": 0.1}]");
    return new ScanInput(Path.of(experiment), experiment, "event files", null,
        new CombinedScan.Input(experiment, List.of(name), List.of(x), d), List.of("sns.flux"),
        Map.of("mu", 1.0), params, false, null);
  }

  /**
   * One parameter: its name is in the title, not in a column (a 22-character name such as magnetic_moment_mub.all
   * and long input names cut the cells, "magnetic_moment_mub.a…", ambiguous among the moments).
   */
  @Test
  void aOneParameterTableKeepsItsCellsWhole() throws Exception {
    double[] x = {0, 1e-12, 2e-12, 3e-12, 4e-12, 5e-12, 6e-12, 7e-12, 8e-12};
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = Math.pow(x[i] / 3.4e-12, 4);
    }
    String name = "magnetic_moment_mub.all";
    List<ScanInput> in = List.of(input("xenon-solar-er-one-tonne-year", name, x, d),
        input("xenon-solar-er-xenonnt-like-background", name, x, d));
    String out = CombineOutputs.render(CombinedScan.of(in.stream().map(ScanInput::scan).toList()), in);
    assertFalse(out.contains("\u2026"), out);
    assertTrue(out.startsWith("combined profile likelihood of magnetic_moment_mub.all"), out);
    assertFalse(out.lines().anyMatch(l -> l.startsWith("input") && l.contains("parameter")), out);
    // two scans of different experiments: no warning about the same experiment
    assertFalse(CombineOutputs.warnings(CombinedScan.of(in.stream().map(ScanInput::scan).toList()), in).stream()
        .anyMatch(w -> w.contains("same experiment")));
  }

  /** Two scans of one experiment (e.g. one configuration with two background priors) are named in a warning. */
  @Test
  void twoScansOfOneExperimentAreWarnedAbout() throws Exception {
    double[] x = {0, 1, 2, 3};
    double[] d = {0, 1, 4, 9};
    List<ScanInput> in = List.of(input("xenon-solar-er", x, d), input("xenon-solar-er", x, d));
    List<String> w = CombineOutputs.warnings(CombinedScan.of(in.stream().map(ScanInput::scan).toList()), in);
    assertTrue(w.stream().anyMatch(s -> s.startsWith("xenon-solar-er and xenon-solar-er-2 are scans of the same"
        + " experiment ('xenon-solar-er'): the sum assumes independent data sets")), w.toString());
  }

  @Test
  void twoBandsArePrintedWholeBelowTheTable() throws Exception {
    int n = 121;
    double[] x = new double[n];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -0.4 + 1.2 * i / (n - 1);
      // two minima at 0.05 and 0.35 (a weak charge squared), the same in both inputs
      double q = (x[i] - 0.05) * (x[i] - 0.35) / 0.03;
      a[i] = q * q;
      b[i] = q * q;
    }
    List<ScanInput> in = List.of(input("coherent-csi", x, a), input("coherent-lar", x, b));
    CombinedScan c = CombinedScan.of(in.stream().map(ScanInput::scan).toList());
    String out = CombineOutputs.render(c, in);
    assertFalse(out.contains("\u2026"), out);
    assertTrue(out.contains("nsi.u.ee (combined): more than one band on the grid"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("  68.27 % CL [") && l.contains(" \u222a ")), out);
  }

  /** A 2D combination writes the CSV (grid rows, one curve column per input), the summary and the contour plot. */
  @Test
  void twoDimensionsWriteTheContours(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    double[] u = {-0.2, 0, 0.2, 0.4};
    double[] d = {-0.1, 0, 0.1};
    double[] a = new double[12];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        a[i * 3 + j] = Math.pow(u[i] / 0.2, 2) + Math.pow(d[j] / 0.1, 2);
      }
    }
    var params = new ObjectMapper().readTree("[{\"name\": \"nsi.u.ee\", \"best\": 0}, {\"name\": \"nsi.d.ee\","
        + " \"best\": 0}]");
    List<ScanInput> in = List.of(
        new ScanInput(Path.of("a"), "coherent-csi", "event files", null, new CombinedScan.Input("a",
            List.of("nsi.u.ee", "nsi.d.ee"), List.of(u, d), a), List.of(), Map.of(), params, false, null),
        new ScanInput(Path.of("b"), "coherent-csi", "event files", null, new CombinedScan.Input("b",
            List.of("nsi.u.ee", "nsi.d.ee"), List.of(u, d), a), List.of(), Map.of(), params, false, null));
    CombinedScan c = CombinedScan.of(in.stream().map(ScanInput::scan).toList());
    CombineOutputs.write(c, in, "", dir);
    List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("scan.csv"));
    assertTrue(csv.get(0).equals("nsi.u.ee,nsi.d.ee,delta_chi2,delta_chi2.coherent-csi,delta_chi2.coherent-csi-2"),
        csv.get(0));
    assertTrue(csv.size() == 13 && csv.get(1).startsWith("-0.2,-0.1,"), csv.toString());
    assertTrue(java.nio.file.Files.size(dir.resolve("plots/contour_nsi.u.ee_nsi.d.ee.png")) > 0);
  }
}
