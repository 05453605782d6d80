package org.cevns.analysis.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.fit.PyhfWorkspace;
import org.cevns.analysis.pipeline.JointFit;
import org.cevns.generator.Provenance;

/**
 * The outputs of a joint fit ({@code cevns combine --joint}): those of {@code cevns scan} ({@link ScanOutputs}) of
 * the joint likelihood, {@value ScanOutputs#JSON} gaining {@code joint}: the method, each experiment (name,
 * configuration, data, provenance, its norms' names in the joint model) and {@code shared_nuisances}, each nuisance
 * parameter several experiments share (the scanned parameters are not listed) with the experiments that have it; and
 * {@value #WORKSPACE}, the joint model with its observations as one pyhf workspace ({@link PyhfWorkspace}: one
 * channel per {@code EXPERIMENT.CHANNEL}, a shared parameter one modifier name in every channel that has it and one
 * constraint, the per-experiment ones under their joint names; physics parameters at their nominal values,
 * {@link #workspaceWarning}).
 */
public final class JointOutputs {
  /** The method, as {@code joint.method} states it. */
  public static final String METHOD = "one likelihood of every experiment: channels concatenated, mu, physics"
      + " parameters and systematic nuisances of the same name shared (one constraint term each), normalisations per"
      + " experiment";

  /** The pyhf workspace of the joint model, as {@code cevns analyze} names its own. */
  public static final String WORKSPACE = AnalysisOutputs.WORKSPACE;

  private JointOutputs() {}

  /**
   * One experiment of the fit.
   *
   * @param name its name
   * @param config its configuration file
   * @param data its data input, or null for its Asimov dataset
   * @param provenance its templates' provenance (seed, configuration digest)
   */
  public record Experiment(String name, String config, String data, Provenance provenance) {}

  /** Writes the outputs of {@code fit} of {@code experiments} (in the fit's order) into {@code dir}. */
  public static List<Path> write(JointFit fit, List<Experiment> experiments, String label, Path dir)
      throws IOException {
    String name = String.join("+", experiments.stream().map(Experiment::name).toList());
    List<Path> out = new ArrayList<>(ScanOutputs.write(fit.scan(), name, label, null, dir));
    Path json = dir.resolve(ScanOutputs.JSON);
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(json, StandardCharsets.UTF_8));
    ObjectNode joint = root.putObject("joint");
    joint.put("method", METHOD);
    var list = joint.putArray("experiments");
    for (int k = 0; k < experiments.size(); k++) {
      Experiment e = experiments.get(k);
      ObjectNode o = list.addObject();
      o.put("name", e.name());
      o.put("config", e.config());
      o.put("data", e.data());
      o.set("provenance", Json.MAPPER.valueToTree(e.provenance()));
      o.set("renamed", Json.MAPPER.valueToTree(fit.joint().renamed().get(k)));
    }
    ObjectNode shared = joint.putObject("shared_nuisances");
    for (Map.Entry<String, List<String>> en : fit.sharedNuisances().entrySet()) {
      shared.set(en.getKey(), Json.MAPPER.valueToTree(en.getValue()));
    }
    Files.writeString(json, Json.MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Path ws = dir.resolve(WORKSPACE);
    PyhfWorkspace.write(fit.joint().model(), fit.observations(), fit.options(), name, ws);
    out.add(ws);
    return out;
  }

  /**
   * What {@value #WORKSPACE} cannot carry, in one line, if anything: the joint model's physics parameters (a
   * scanned sin²θ_W, a radius), whose effect on the templates is not a HistFactory modifier; the workspace holds
   * the samples at their nominal values, as {@code cevns analyze}'s does, with μ its POI.
   */
  public static Optional<String> workspaceWarning(JointFit fit) {
    List<PhysicsParameter> physics = fit.joint().model().physics();
    if (physics.isEmpty()) {
      return Optional.empty();
    }
    List<String> at = physics.stream().map(p -> p.name() + " = " + new java.math.BigDecimal(p.nominal())
        .round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()).toList();
    return Optional.of(WORKSPACE + ": pyhf cannot vary " + String.join(", ", physics.stream()
        .map(PhysicsParameter::name).toList()) + "; its samples are at " + String.join(", ", at) + " (nominal), its"
        + " POI is " + BinnedModel.POI_NAME);
  }
}
