package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.Channel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.JointModel;
import org.cevns.analysis.fit.Modifier;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.fit.Sample;
import org.cevns.analysis.fit.WorkspaceLikelihood;
import org.cevns.analysis.report.JointOutputs;
import org.cevns.generator.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of a joint scan of a physics parameter ({@link JointOutputs}): {@code joint.shared_nuisances} lists the
 * shared nuisance and not the scanned parameter (regression: it listed the POI too); {@code workspace.json} is the
 * joint model as one pyhf workspace, valid against pyhf's schema 1.0.0, its likelihood the joint model's at the
 * physics parameter's nominal value, and the one-line warning names what it cannot carry. Deterministic (toy
 * models, no random numbers).
 */
class JointFitOutputsTest {
  @TempDir Path tmp;

  /** One experiment: a signal with a flux normsys and a physics shape in {@code sin2}, a background with a prior. */
  static JointModel.Part part(String name, double scale, double[] counts) {
    double[] sig = {40 * scale, 25 * scale, 10 * scale};
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.normsys("sns.flux", 1.1, 0.9)))
        .withPhysics(v -> new double[] {sig[0] * (1 + v[0]), sig[1], sig[2] * (1 - 0.5 * v[0])});
    Sample b = Sample.background("brn", new double[] {8 * scale, 9 * scale, 10 * scale}, "brn");
    BinnedModel m = BinnedModel.of(List.of(Channel.of("on", s, b)), List.of(NormParameter.constrained("brn", 0.3)),
        List.of(PhysicsParameter.free("sin2", 0.0, -0.5, 0.5)));
    return new JointModel.Part(name, m, Observations.of(m, counts));
  }

  @Test
  void sharedNuisancesLeaveOutThePoiAndTheWorkspaceIsTheJointModel() throws Exception {
    List<JointModel.Part> parts = List.of(part("exA", 1.0, new double[] {55, 30, 18}),
        part("exB", 2.0, new double[] {90, 71, 36}));
    JointFit fit = JointFit.fit(parts, List.of(Map.of(), Map.of()), FitOptions.nonNegativeMu(), List.of("sin2"),
        List.of(new PoiScan.Grid("sin2", -0.3, 0.3, 7, false)), Set.of(), false, List.of(), Optional.empty());
    assertEquals(List.of("sns.flux", "sin2"), new ArrayList<>(fit.joint().shared().keySet()));
    assertEquals(Map.of("sns.flux", List.of("exA", "exB")), fit.sharedNuisances());
    Provenance p = new Provenance("test", "none", 1, "0".repeat(64));
    List<Path> written = JointOutputs.write(fit, List.of(new JointOutputs.Experiment("exA", "a.yaml", "a.parquet", p),
        new JointOutputs.Experiment("exB", "b.yaml", "b.parquet", p)), "joint", tmp);
    ObjectMapper json = new ObjectMapper();
    JsonNode summary = json.readTree(tmp.resolve("summary.json").toFile());
    JsonNode shared = summary.at("/joint/shared_nuisances");
    assertEquals(List.of("sns.flux"), iterable(shared.fieldNames()));
    assertEquals("[\"exA\",\"exB\"]", shared.get("sns.flux").toString());
    Path ws = tmp.resolve(JointOutputs.WORKSPACE);
    assertTrue(written.contains(ws), written.toString());
    JsonNode workspace = json.readTree(Files.readString(ws));
    assertTrue(WorkspaceLikelihood.schema().validate(workspace).isEmpty());
    assertEquals("exA+exB", workspace.at("/measurements/0/name").asText());
    assertEquals("exA.on", workspace.at("/channels/0/name").asText());
    assertEquals("exB.on", workspace.at("/channels/1/name").asText());
    assertEquals(2, workspace.get("channels").size());
    // the likelihood at the physics parameter's nominal value (sin2 = 0), μ and the nuisances anywhere
    BinnedModel m = fit.joint().model();
    WorkspaceLikelihood l = new WorkspaceLikelihood(workspace, WorkspaceLikelihood.Rule.PYHF);
    double[] x = m.nominalParameters(0.8);
    x[m.parameterIndex("sns.flux")] = -0.7;
    x[m.parameterIndex("exB.brn")] = 1.2;
    double d = WorkspaceLikelihood.modelDeviance(m, fit.observations(), x);
    assertEquals(d, l.deviance(WorkspaceLikelihood.valuesOf(m, x)), 1e-9 * d);
    assertEquals("workspace.json: pyhf cannot vary sin2; its samples are at sin2 = 0 (nominal), its POI is mu",
        JointOutputs.workspaceWarning(fit).orElseThrow());
  }

  /**
   * {@code combine --joint --toys N}: the critical values of the joint scan calibrated with toys of the joint model,
   * at every grid point, the same with 1 and 2 threads. 20 toys per point of 3 (deterministic: fixed seed).
   */
  @Test
  void jointToysCalibrateEveryGridPointWhateverTheThreads() {
    List<JointModel.Part> parts = List.of(part("exA", 1.0, new double[] {55, 30, 18}),
        part("exB", 2.0, new double[] {90, 71, 36}));
    List<ToyCalibration.Result> results = new ArrayList<>();
    for (int threads = 1; threads <= 2; threads++) {
      JointFit fit = JointFit.fit(parts, List.of(Map.of(), Map.of()), FitOptions.nonNegativeMu(), List.of("mu"),
          List.of(new PoiScan.Grid("mu", 0.5, 1.5, 3, false)), Set.of(), false, List.of(),
          Optional.of(new ToyCalibration.Settings(20, 7, threads)));
      results.add(fit.scan().toys().orElseThrow());
    }
    assertEquals(3, results.get(0).points().size());
    for (int i = 0; i < 3; i++) {
      ToyCalibration.Point a = results.get(0).points().get(i);
      assertTrue(a.used() >= 18, "toys used at point " + i + ": " + a.used());
      assertTrue(a.critical()[0] > 0, java.util.Arrays.toString(a.critical()));
      assertEquals(java.util.Arrays.toString(a.critical()), java.util.Arrays.toString(results.get(1).points().get(i)
          .critical()));
    }
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
