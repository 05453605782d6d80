package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.config.Systematic;
import org.cevns.analysis.config.Systematics;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.PhysicsParameter;

/**
 * The groups of nuisance parameters whose impacts {@link org.cevns.analysis.fit.GroupImpacts} reports: each
 * systematic's group is its {@code group:} if configured, else inferred from its kind ({@link #of(Systematic)}); the
 * signal normalisation ({@code analysis.fit.signal_width}) is {@value #SIGNAL_NORM}, each background component's
 * normalisations {@code background_norm.COMPONENT} (over detectors), the physics parameters other than the parameter
 * of interest (constrained by {@code analysis.parameter_constraints}, or floating beside it) {@value #PHYSICS}. The
 * template statistics group is added by {@link org.cevns.analysis.fit.GroupImpacts} itself.
 */
public final class ImpactGroups {
  /** Group of the signal normalisation {@link FitModelBuilder#SIGNAL_NORM}. */
  public static final String SIGNAL_NORM = "signal_norm";
  /** Prefix of the group of one background component's normalisations. */
  public static final String BACKGROUND_NORM = "background_norm.";
  /** Group of the physics parameters that are nuisances (not the parameter of interest). */
  public static final String PHYSICS = "physics_constraints";
  /** Group of a nuisance whose origin is not known (none in models cevns builds from a configuration). */
  public static final String OTHER = "other";

  private ImpactGroups() {}

  /** Group name → parameter names of the model of {@code built}, whose systematics are {@code config}. */
  public static Map<String, List<String>> of(FitModelBuilder.Built built, Systematics config) {
    BinnedModel m = built.model();
    Map<String, String> byParameter = new HashMap<>();
    for (Systematic e : config.entries()) {
      byParameter.putIfAbsent(e.parameter(), of(e));
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (NormParameter n : m.norms()) {
      String component = built.backgroundNorms().get(n.name());
      add(groups, n.name().equals(FitModelBuilder.SIGNAL_NORM) ? SIGNAL_NORM
          : component != null ? BACKGROUND_NORM + component : OTHER, n.name());
    }
    for (String a : m.alphas()) {
      add(groups, byParameter.getOrDefault(a, OTHER), a);
    }
    for (PhysicsParameter p : m.physics()) {
      add(groups, PHYSICS, p.name());
    }
    return groups;
  }

  /**
   * The group of systematic {@code e}: its configured {@code group}, else by kind — flux and pulse width: flux and
   * timing; mass, cross_section, energy_scale, timing: their own; efficiency and threshold: threshold_efficiency;
   * quenching and response variants: quenching_response (a variant that changes only the efficiency curve:
   * threshold_efficiency); tilts and file shape variants: background_shape (signal_shape for the signal's).
   */
  public static String of(Systematic e) {
    if (e.group().isPresent()) {
      return e.group().get();
    }
    return switch (e.kind()) {
      case FLUX -> "flux";
      case MASS -> "mass";
      case CROSS_SECTION -> "cross_section";
      case EFFICIENCY, THRESHOLD -> "threshold_efficiency";
      case QUENCHING, RESPONSE_VARIANT -> "quenching_response";
      case ENERGY_SCALE -> "energy_scale";
      case TIMING, PULSE_WIDTH -> "timing";
      case TILT -> "background_shape";
      case SHAPE -> e.component().equals(EventColumns.SIGNAL) ? "signal_shape" : "background_shape";
    };
  }

  private static void add(Map<String, List<String>> groups, String group, String parameter) {
    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(parameter);
  }
}
