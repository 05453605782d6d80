package org.cevns.analysis.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cevns.analysis.config.Systematic.Kind;
import org.cevns.analysis.config.Systematic.Prior;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DoubleRange;
import org.cevns.schema.ExperimentConfig;

/**
 * Parses {@code analysis.systematics} and {@code analysis.parameters}; every error is one line naming the key
 * path, the value and what is allowed.
 *
 * <pre>
 * systematics:
 *   template_statistics: true              # Barlow–Beeston-lite (default true)
 *   sources:
 *     SOURCE: {flux: {size: 0.10, constraint: gaussian, source: "..."}}
 *   detectors:
 *     DETECTOR:
 *       mass | cross_section | efficiency | quenching | energy_scale | threshold: {size: ..., ...}
 *       tilt: {COMPONENT: {size: ...}}
 * </pre>
 */
final class SystematicsParser {
  /** Largest relative size of a Gaussian normalisation (1 − size must stay &ge; 0). */
  static final double MAX_GAUSSIAN_SIZE = 1.0;
  /** Largest relative size of a log-normal normalisation. */
  static final double MAX_LOGNORMAL_SIZE = 10.0;
  /** Largest relative shift of a response parameter or tilt. */
  static final double MAX_SHAPE_SIZE = 0.5;
  private static final String[] DETECTOR_KINDS = {"mass", "cross_section", "efficiency", "quenching",
    "energy_scale", "threshold", "tilt", ResponseVariants.KEY};
  /** Syntax of a physics parameter name. */
  static final String PARAMETER_PATTERN = "mu|sin2_theta_w|(rn_fm|rp_fm)\\.[A-Z][a-z]?[0-9]{1,3}"
      + "|nsi\\.[ude]\\.(ee|mumu|tautau|emu|etau|mutau)"
      + "|(magnetic_moment_mub|millicharge_e|charge_radius_cm2)\\.(nue|numu|nutau)"
      + "|mediator\\[[0-9]{1,3}]\\.(mass_mev|g|g_nu|g_u|g_d|g_e)"
      + "|sterile\\.(mass_mev|dipole_mub\\.(nue|numu|nutau))"
      + "|ngi\\.(scalar|vector|axial|tensor)\\.(p|n|mass_mev)";

  /** How a response systematic acts. */
  enum Effect {
    /** Re-fold the templates through the shifted response (size: relative parameter shift). */
    RESPONSE,
    /** Scale the signal rate (size: the published rate uncertainty). */
    RATE
  }

  private SystematicsParser() {}

  static Systematics parse(ConfigNode s, ExperimentConfig config, Set<String> components) {
    s.requireMap().allowKeys("template_statistics", "sources", "detectors");
    boolean stat = s.optionalBoolean("template_statistics", true);
    List<Systematic> out = new ArrayList<>();
    s.optionalMap("sources").ifPresent(m -> m.entries().forEach((name, n) -> {
      if (config.sources().stream().noneMatch(x -> x.name().equals(name))) {
        throw n.problem("unknown source '" + name + "', sources are "
            + String.join(", ", config.sources().stream().map(x -> x.name()).toList()));
      }
      n.requireMap().allowKeys("flux");
      n.optional("flux").ifPresent(e -> out.add(entry(e, Kind.FLUX, name, "")));
      n.requireAllConsumed();
    }));
    s.optionalMap("detectors").ifPresent(m -> m.entries().forEach((name, n) -> {
      if (config.detector(name).isEmpty()) {
        throw n.problem("unknown detector '" + name + "', detectors are "
            + String.join(", ", config.detectors().stream().map(x -> x.name()).toList()));
      }
      n.requireMap().allowKeys(DETECTOR_KINDS);
      for (String key : DETECTOR_KINDS) {
        if (key.equals("tilt")) {
          n.optionalMap("tilt").ifPresent(t -> t.entries().forEach((component, e) -> {
            if (!components.contains(component) || component.equals("eves")) {
              throw e.problem("unknown background component '" + component + "', components are "
                  + (components.isEmpty() ? "none" : String.join(", ", components)));
            }
            out.add(entry(e, Kind.TILT, name, component));
          }));
        } else if (key.equals(ResponseVariants.KEY)) {
          n.optionalList(key).ifPresent(items -> items.forEach(v -> out.add(variant(v.requireMap(), config, name))));
        } else {
          Kind kind = Kind.valueOf(key.toUpperCase(java.util.Locale.ROOT));
          n.optional(key).ifPresent(e -> out.add(entry(e, kind, name, "")));
        }
      }
      n.requireAllConsumed();
    }));
    s.requireAllConsumed();
    try {
      return new Systematics(out, stat);
    } catch (IllegalArgumentException e) {
      throw s.problem(e.getMessage());
    }
  }

  private static Systematic entry(ConfigNode e, Kind kind, String owner, String component) {
    e.requireMap().allowKeys("size", "constraint", "source", "effect", "name");
    boolean rate = false;
    if (e.has("effect")) {
      if (!kind.isResponse()) {
        throw e.required("effect").problem("only quenching, energy_scale and threshold take an effect");
      }
      rate = e.optionalEnum("effect", Effect.class, Effect.RESPONSE) == Effect.RATE;
    }
    boolean norm = kind.isNormalisation() || rate;
    Prior prior = e.optionalEnum("constraint", Prior.class, Prior.GAUSSIAN);
    if (!norm && e.has("constraint") && prior != Prior.GAUSSIAN) {
      throw e.required("constraint").error("gaussian (response shifts and tilts are interpolated linearly)");
    }
    double max = !norm ? MAX_SHAPE_SIZE : prior == Prior.GAUSSIAN ? MAX_GAUSSIAN_SIZE : MAX_LOGNORMAL_SIZE;
    double size = e.requiredDouble("size", DoubleRange.openClosed(0, max));
    Optional<String> source = e.optionalString("source");
    Optional<String> name = e.optionalString("name");
    if (name.isPresent() && !name.get().matches("[A-Za-z0-9_.-]+")) {
      throw e.required("name").error("a name of letters, digits, '_', '.', '-'");
    }
    if (name.isPresent() && !norm) {
      throw e.required("name").problem("a shared name is allowed for rate and normalisation entries only");
    }
    e.requireAllConsumed();
    return new Systematic(kind, owner, component, size, prior, source, rate, name);
  }

  /** One {@code response_variants} item: both sides parsed now, so that a bad one fails before any work. */
  private static Systematic variant(ConfigNode v, ExperimentConfig config, String detector) {
    v.allowKeys("name", "up", "down", "source");
    String name = v.requiredString("name");
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw v.required("name").error("must be a name of letters, digits, '_', '.', '-'");
    }
    for (String side : new String[] {"up", "down"}) {
      ConfigNode n = v.required(side);
      ResponseVariants.parse(config, detector, n.json(), n.path());
    }
    Optional<String> source = v.optionalString("source");
    v.requireAllConsumed();
    return new Systematic(Kind.RESPONSE_VARIANT, detector, "", 1.0, Prior.GAUSSIAN, source, false, Optional.of(name));
  }

  /** {@code analysis.parameters}: names of physics parameters of interest, each once. */
  /**
   * The entries of {@code analysis.parameters}: a name, or {@code {name: NAME, sigma: S}} for a physics parameter
   * with a Gaussian constraint of width S (a physics nuisance). Names: {@link #PARAMETER_PATTERN}.
   *
   * @param sigmas receives the constraint widths by name
   */
  static List<String> parameters(List<ConfigNode> items, Map<String, Double> sigmas) {
    List<String> names = new ArrayList<>();
    for (ConfigNode i : items) {
      ConfigNode nameNode = i;
      if (i.isMap()) {
        i.allowKeys("name", "sigma");
        nameNode = i.required("name");
      }
      String n = nameNode.asString();
      if (!n.matches(PARAMETER_PATTERN)) {
        throw nameNode.error("mu, sin2_theta_w, rn_fm.<Element><A>, rp_fm.<Element><A> (e.g. rn_fm.Cs133) or a"
            + " new-physics parameter (nsi.u.ee, magnetic_moment_mub.nue, mediator[0].g, ngi.tensor.n, ...;"
            + " docs/new-physics.md)");
      }
      if (names.contains(n)) {
        throw nameNode.problem("'" + n + "' is listed twice");
      }
      if (i.isMap()) {
        if (n.equals("mu")) {
          throw nameNode.problem("mu cannot be constrained (it is the signal strength)");
        }
        sigmas.put(n, i.requiredDouble("sigma", DoubleRange.POSITIVE));
        i.requireAllConsumed();
      }
      names.add(n);
    }
    return names;
  }
}
