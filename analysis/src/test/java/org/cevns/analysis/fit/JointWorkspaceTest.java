package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pyhf export of a {@link JointModel} ({@code combine --joint}'s workspace.json): valid against pyhf's schema
 * 1.0.0; one channel and one observation per {@code EXPERIMENT.CHANNEL}; a shared α one modifier name in every
 * channel that has it (a normsys in one experiment, a histosys in the other: pyhf shares a parameter across
 * modifier types) with at most one measurement entry; the per-experiment parameters under their joint names; and
 * its likelihood read from the JSON alone ({@link WorkspaceLikelihood}, pyhf's rules) equals the joint model's
 * deviance at several parameter points, one constraint term per shared α. Deterministic.
 */
class JointWorkspaceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Experiment A: a beam-on channel (signal: flux normsys, asymmetric shape histosys, physics shape, template
   * statistics; BRN with a constrained norm and a tilt normsys; steady with a free norm) and a beam-off channel
   * (steady). Experiment B: one channel, its flux a Gaussian normalisation (a histosys), the same shape and tilt
   * names; with {@code brnShape} its BRN (constrained norm) also has a histosys, where pyhf's additive reading and
   * cevns's product differ (docs/physics.md).
   */
  static List<JointModel.Part> parts(boolean brnShape) {
    double[] sig = {40, 25, 10};
    double[] bkg = {8, 9, 10};
    double[] steady = {20, 20, 20};
    Sample sa = Sample.signal("signal", sig).withModifiers(List.of(Modifier.normsys("sns.flux", 1.10, 0.90),
        Modifier.histosys("shape", sig, new double[] {42, 25.5, 9.7}, new double[] {38.4, 24.75, 10.4})))
        .withStatErrors(new double[] {2, 1.5, 1})
        .withPhysics(v -> new double[] {sig[0] * (1 + v[0]), sig[1], sig[2] * (1 - 0.5 * v[0])});
    Sample ba = Sample.background("brn", bkg, "det.brn").withModifiers(List.of(Modifier.normsys("det.tilt", 1.2,
        0.85))).withStatErrors(new double[] {0.5, 0.5, 0.6});
    Sample steadyOn = Sample.background("steady", steady, "det.steady");
    Sample steadyOff = Sample.background("steady", new double[] {60, 61, 59}, "det.steady");
    BinnedModel a = BinnedModel.of(List.of(Channel.of("det.on", sa, ba, steadyOn), Channel.of("det.off", steadyOff)),
        List.of(NormParameter.constrained("det.brn", 0.3), NormParameter.free("det.steady")),
        List.of(new PhysicsParameter("sin2", 0.0, -0.5, 0.5, 0.2)));
    double[] sigB = {90, 60, 30};
    double[] bkgB = {30, 20, 10};
    Sample sb = Sample.signal("signal", sigB).withModifiers(List.of(Modifier.gaussianNorm("sns.flux", sigB, 0.1),
        Modifier.histosys("shape", sigB, new double[] {93, 61, 29}, new double[] {88, 59.5, 30.5})))
        .withPhysics(v -> new double[] {sigB[0] * (1 + 0.8 * v[0]), sigB[1], sigB[2]});
    List<Modifier> brnMods = new ArrayList<>(List.of(Modifier.normsys("det.tilt", 1.1, 0.95)));
    if (brnShape) {
      brnMods.add(Modifier.histosys("lar.brn.shape", bkgB, new double[] {33, 20, 8}, new double[] {27, 20, 12}));
    }
    Sample bb = Sample.background("brn", bkgB, "det.brn").withModifiers(brnMods);
    BinnedModel b = BinnedModel.of(List.of(Channel.of("det.on", sb, bb)),
        List.of(NormParameter.constrained("det.brn", 0.25)), List.of(new PhysicsParameter("sin2", 0.0, -0.4, 0.6,
            0.2)));
    return List.of(new JointModel.Part("exA", a, Observations.of(a, new double[] {75, 52, 43, 57, 66, 61})),
        new JointModel.Part("exB", b, Observations.of(b, new double[] {128, 75, 44})));
  }

  /** Parameter points: μ, norms, α (the physics parameter at its nominal value: the export holds it there). */
  static List<double[]> points(BinnedModel m) {
    double[][] v = {{1.0, 0.3, -0.2, 0.4, 1.1, -0.6}, {0.7, -0.8, 0.5, 1.3, -1.4, 0.2}, {1.3, 1.2, 0.9, -0.4,
        0.3, -1.1}};
    List<double[]> out = new ArrayList<>();
    for (double[] row : v) {
      double[] p = m.nominalParameters(row[0]);
      for (int k = 1; k < m.physicsOffset(); k++) {
        double x = row[1 + (k % (row.length - 1))];
        p[k] = k < m.alphaOffset() ? 1 + 0.3 * x : x;
      }
      out.add(p);
    }
    return out;
  }

  static JsonNode export(JointModel j, List<JointModel.Part> parts) throws Exception {
    return MAPPER.readTree(PyhfWorkspace.toJson(j.model(), j.observations(parts), FitOptions.nonNegativeMu(),
        "exA+exB"));
  }

  @Test
  void jointWorkspaceIsValidAndSharesByName() throws Exception {
    List<JointModel.Part> parts = parts(false);
    JointModel j = JointModel.of(parts, Set.of("det.tilt"));
    JsonNode ws = export(j, parts);
    assertTrue(PyhfWorkspaceSchemaTest.schema().validate(ws).isEmpty(), PyhfWorkspaceSchemaTest.schema()
        .validate(ws).toString());
    List<String> channels = new ArrayList<>();
    ws.get("channels").forEach(c -> channels.add(c.get("name").asText()));
    List<String> observations = new ArrayList<>();
    ws.get("observations").forEach(c -> observations.add(c.get("name").asText()));
    assertEquals(List.of("exA.det.on", "exA.det.off", "exB.det.on"), channels);
    assertEquals(channels, observations);
    // sns.flux: a normsys in exA and a histosys in exB, one name; det.tilt per experiment (--no-share)
    assertEquals(List.of("normsys:exA.det.on", "histosys:exB.det.on"), carriers(ws, "sns.flux"));
    assertEquals(List.of("histosys:exA.det.on", "histosys:exB.det.on"), carriers(ws, "shape"));
    assertEquals(List.of(), carriers(ws, "det.tilt"));
    assertEquals(List.of("normsys:exA.det.on"), carriers(ws, "exA.det.tilt"));
    assertEquals(List.of("histosys:exA.det.on"), carriers(ws, "exA.det.brn"));
    assertEquals(List.of("normfactor:exA.det.on", "normfactor:exA.det.off"), carriers(ws, "exA.det.steady"));
    assertEquals(List.of("staterror:exA.det.on"), carriers(ws, "staterror_exA.det.on"));
    WorkspaceLikelihood l = new WorkspaceLikelihood(ws, WorkspaceLikelihood.Rule.PYHF);
    assertEquals(List.of("sns.flux", "shape", "exA.det.brn", "exA.det.tilt", "exB.det.brn", "exB.det.tilt"),
        l.constrainedParameters());
    // the measurement: the POI and one entry per parameter at most (no duplicate or conflicting constraint)
    JsonNode config = ws.at("/measurements/0/config");
    assertEquals("mu", config.get("poi").asText());
    assertEquals("exA+exB", ws.at("/measurements/0/name").asText());
    Set<String> names = new LinkedHashSet<>();
    config.get("parameters").forEach(p -> assertTrue(names.add(p.get("name").asText()), "twice: " + p));
    assertEquals(Set.of("mu", "exA.det.brn", "exA.det.steady", "exB.det.brn"), names);
  }

  @Test
  void jointWorkspaceLikelihoodIsTheJointModels() throws Exception {
    List<JointModel.Part> parts = parts(false);
    JointModel j = JointModel.of(parts, Set.of("det.tilt"));
    BinnedModel m = j.model();
    Observations o = j.observations(parts);
    WorkspaceLikelihood l = new WorkspaceLikelihood(export(j, parts), WorkspaceLikelihood.Rule.PYHF);
    PoissonLikelihood cevns = PoissonLikelihood.of(m, o);
    for (double[] p : points(m)) {
      double d = cevns.deviance(p);
      assertEquals(d, l.deviance(WorkspaceLikelihood.valuesOf(m, p)), 1e-9 * d);
    }
    // the shared flux at +1σ alone: the same deviance (one constraint term in each)
    double[] p = m.nominalParameters(1.0);
    double d0 = l.deviance(WorkspaceLikelihood.valuesOf(m, p)) - cevns.deviance(p);
    p[m.parameterIndex("sns.flux")] = 1.0;
    assertEquals(d0, l.deviance(WorkspaceLikelihood.valuesOf(m, p)) - cevns.deviance(p), 1e-9);
    assertEquals(0.0, d0, 1e-9);
  }

  /**
   * A constrained norm on a sample with a histosys: pyhf adds σα·T, cevns multiplies θ·(T + Δ) (docs/physics.md,
   * the single-configuration export's documented difference): read with cevns's rule the workspace is the joint
   * model's likelihood; read with pyhf's it differs where both move.
   */
  @Test
  void constrainedNormWithShapeFollowsTheDocumentedRule() throws Exception {
    List<JointModel.Part> parts = parts(true);
    JointModel j = JointModel.of(parts, Set.of());
    BinnedModel m = j.model();
    JsonNode ws = export(j, parts);
    assertTrue(PyhfWorkspaceSchemaTest.schema().validate(ws).isEmpty());
    PoissonLikelihood cevns = PoissonLikelihood.of(m, j.observations(parts));
    WorkspaceLikelihood asCevns = new WorkspaceLikelihood(ws, WorkspaceLikelihood.Rule.CEVNS);
    WorkspaceLikelihood asPyhf = new WorkspaceLikelihood(ws, WorkspaceLikelihood.Rule.PYHF);
    for (double[] p : points(m)) {
      double d = cevns.deviance(p);
      Map<String, Double> v = WorkspaceLikelihood.valuesOf(m, p);
      assertEquals(d, asCevns.deviance(v), 1e-9 * d);
      assertTrue(Math.abs(asPyhf.deviance(v) - d) > 1e-6, "pyhf's additive reading differs at " + v);
    }
  }

  /** "TYPE:CHANNEL" of every modifier named {@code name}, in order. */
  private static List<String> carriers(JsonNode ws, String name) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : ws.get("channels")) {
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode s : c.get("samples")) {
        for (JsonNode mod : s.get("modifiers")) {
          if (mod.get("name").asText().equals(name)) {
            seen.add(mod.get("type").asText() + ":" + c.get("name").asText());
          }
        }
      }
      out.addAll(seen);
    }
    return out;
  }
}
