package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.JointModel;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.stat.Asimov;

/**
 * The profile-likelihood scan of one likelihood of several experiments ({@code cevns combine --joint}): each
 * experiment's model and observations built from its configuration as {@code cevns scan} builds them
 * ({@link PoiScan#model}), joined into one {@link JointModel} (μ, the physics parameters and the systematic nuisances
 * of the same name shared; the normalisations per experiment, named {@code EXPERIMENT.NORM}), and scanned by
 * {@link PoiScan#fit} (best fit, Wilks intervals, pulls, impacts). Unlike {@link CombinedScan}, a nuisance two
 * experiments share is one parameter of one fit.
 *
 * <p>Fit options: μ within the intersection of the experiments' ranges ({@code analysis.fit.mu_range}), the largest
 * evaluation budget.
 *
 * @param scan the joint scan
 * @param joint the joint model (its shared parameters, the renamed norms)
 * @param observations the joint observations (in {@code joint.model()}), as scanned
 * @param options the joint fit options (μ's range, the evaluation budget)
 */
public record JointFit(PoiScan scan, JointModel joint, Observations observations, FitOptions options) {

  /**
   * One experiment: its analysis settings, templates (at the data's exposure), data and systematics, as
   * {@link PoiScan#run} takes them.
   *
   * @param name the experiment's name (its configuration's {@code name})
   * @param data the data, or null for its Asimov dataset at the nominal parameters
   */
  public record Experiment(String name, AnalysisConfig config, SpectrumSet templates, SpectrumSet data,
      TemplateSystematics systematics) {}

  /**
   * The joint scan of {@code pois} on {@code grids}.
   *
   * @param noShare parameters several experiments name, kept per experiment ({@link JointModel#of})
   * @throws IllegalArgumentException if fewer than two experiments, data for some but not all, a POI that is not a
   *     parameter of every experiment or is a normalisation (per experiment), or {@link JointModel#of} refuses
   */
  public static JointFit run(List<Experiment> experiments, List<String> pois, List<PoiScan.Grid> grids,
      Set<String> noShare) {
    return run(experiments, pois, grids, noShare, Optional.empty());
  }

  /**
   * As {@link #run(List, List, List, Set)}, with the critical values also calibrated by {@code toys} of the joint
   * model ({@link ToyCalibration}: the counts of every channel and the auxiliary measurements drawn, a shared α's
   * once).
   */
  public static JointFit run(List<Experiment> experiments, List<String> pois, List<PoiScan.Grid> grids,
      Set<String> noShare, Optional<ToyCalibration.Settings> toys) {
    if (experiments.size() < 2) {
      throw new IllegalArgumentException("combine --joint: need at least two configurations, got "
          + experiments.size());
    }
    boolean asimov = experiments.get(0).data() == null;
    if (experiments.stream().anyMatch(e -> (e.data() == null) != asimov)) {
      throw new IllegalArgumentException("combine --joint: give data for every configuration or for none");
    }
    if (pois.isEmpty() || pois.size() > 2 || pois.stream().distinct().count() != pois.size()) {
      throw new IllegalArgumentException("--poi: give one or two distinct parameters, got " + pois);
    }
    List<JointModel.Part> parts = new ArrayList<>();
    List<Map<String, List<String>>> groups = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    FitOptions options = null;
    for (Experiment e : experiments) {
      TemplateSystematics s = PoiScan.withGridRanges(e.systematics(), grids);
      FitModelBuilder.Built b = PoiScan.model(e.config(), e.templates(), e.data(), s, pois);
      BinnedModel m = b.model();
      for (String p : pois) {
        if (!m.parameterNames().contains(p)) {
          throw new IllegalArgumentException("--poi: '" + p + "' is not a parameter of " + e.name() + "'s fit; its"
              + " parameters: " + m.parameterNames());
        }
        if (m.norms().stream().anyMatch(n -> n.name().equals(p))) {
          throw new IllegalArgumentException("--poi: '" + p + "' is a normalisation of " + e.name() + ", which a"
              + " joint fit keeps per experiment (" + e.name() + "." + p + "); scan mu, a physics parameter or a"
              + " shared systematic");
        }
      }
      Observations obs = e.data() == null ? Asimov.dataset(m, m.nominalParameters(1.0))
          : b.observations(e.data(), e.config().fit().observable());
      parts.add(new JointModel.Part(e.name(), m, obs));
      groups.add(ImpactGroups.of(b, s.config()));
      (e.data() == null ? TemplateStatistics.asimovWarning(e.templates(), TemplateStatistics.Remedy.MAX_EVENTS)
          : TemplateStatistics.warning(e.templates(), e.data(), TemplateStatistics.Remedy.MAX_EVENTS))
          .ifPresent(w -> warnings.add(e.name() + ": " + w));
      options = options == null ? e.config().fit().fitOptions() : merge(options, e.config().fit().fitOptions());
    }
    return fit(parts, groups, options, pois, grids, noShare, asimov, warnings, toys);
  }

  /**
   * The joint scan of the models and observations {@code parts} (their impact groups {@code groups}, in order; the
   * options merged; the template-statistics warnings of the parts).
   */
  static JointFit fit(List<JointModel.Part> parts, List<Map<String, List<String>>> groups, FitOptions options,
      List<String> pois, List<PoiScan.Grid> grids, Set<String> noShare, boolean asimov, List<String> warnings,
      Optional<ToyCalibration.Settings> toys) {
    JointModel joint = JointModel.of(parts, noShare);
    Map<String, List<String>> merged = new LinkedHashMap<>();
    for (int k = 0; k < parts.size(); k++) {
      Map<String, String> names = joint.renamed().get(k);
      groups.get(k).forEach((g, list) -> {
        List<String> into = merged.computeIfAbsent(g, x -> new ArrayList<>());
        for (String n : list) {
          String r = names.getOrDefault(n, n);
          if (!into.contains(r)) {
            into.add(r);
          }
        }
      });
    }
    Observations observations = joint.observations(parts);
    PoiScan scan = PoiScan.fit(joint.model(), observations, options, pois, grids, true, merged, toys, asimov,
        warnings.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", warnings)));
    return new JointFit(scan, joint, observations, options);
  }

  /**
   * The nuisance parameters several experiments share, each with those experiments: {@link JointModel#shared} less
   * the scanned parameters (a POI is a parameter of every experiment by construction, not a nuisance).
   */
  public Map<String, List<String>> sharedNuisances() {
    Map<String, List<String>> s = new LinkedHashMap<>(joint.shared());
    scan.names().forEach(s::remove);
    return java.util.Collections.unmodifiableMap(s);
  }

  /** μ within both ranges, the larger evaluation budget. */
  static FitOptions merge(FitOptions a, FitOptions b) {
    return new FitOptions(Math.max(a.muLower(), b.muLower()), Math.min(a.muUpper(), b.muUpper()),
        Math.max(a.maxEvaluations(), b.maxEvaluations()));
  }
}
