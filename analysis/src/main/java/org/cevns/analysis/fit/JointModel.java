package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One binned model of several independent experiments, whose likelihood is the product of theirs with the parameters
 * of the same name merged into one: the channels of every part concatenated in order, each renamed
 * {@code EXPERIMENT.CHANNEL}; μ shared; the systematic nuisances α ({@link Modifier#parameter()}) shared by name, so a
 * nuisance two experiments name alike (the SNS flux {@code sns.flux} of COHERENT CsI and LAr) is one parameter with
 * one unit-Gaussian constraint term, each experiment keeping its own effect of it (its modifiers); the physics
 * parameters ({@link PhysicsParameter}: sin²θ_W, a radius) shared by name, within the intersection of the parts'
 * bounds (a constrained one must have the same σ in every part that has it: its constraint term is counted once);
 * the normalisation parameters ({@link NormParameter}: background normalisations, the signal normalisation) kept per
 * experiment, renamed {@code EXPERIMENT.NORM}. The Barlow–Beeston-lite terms stay per bin, as in each part.
 *
 * <p>With nothing shared but μ held fixed, the joint deviance at any parameters is the sum of the parts' deviances
 * at the corresponding parameters (the observations concatenated: counts, global observables, per-bin auxiliary
 * measurements).
 *
 * @param model the joint model
 * @param experiments the parts' names, in order
 * @param shared the parameters of the joint model that belong to more than one part (μ excluded), each with the
 *     parts that have it
 * @param renamed per part, its norm names → their names in the joint model
 */
public record JointModel(BinnedModel model, List<String> experiments, Map<String, List<String>> shared,
    List<Map<String, String>> renamed) {

  /**
   * One experiment's model and its observations.
   *
   * @param experiment the experiment's name, the prefix of its channels and norms ([A-Za-z0-9_-]+ and dots)
   * @param model its model
   * @param observations its observations (in {@code model})
   */
  public record Part(String experiment, BinnedModel model, Observations observations) {
    public Part {
      if (experiment == null || !experiment.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("joint fit: an experiment name must match [A-Za-z0-9_.-]+, got '"
            + experiment + "'");
      }
      if (model == null || observations == null || observations.nBins() != model.nBins()) {
        throw new IllegalArgumentException("joint fit: " + experiment + ": observations of another model");
      }
    }
  }

  public JointModel {
    experiments = List.copyOf(experiments);
    shared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shared));
    renamed = List.copyOf(renamed);
  }

  /**
   * The joint model of {@code parts} (at least two, distinct names); {@code noShare} lists α or physics parameters
   * to keep per experiment (renamed {@code EXPERIMENT.NAME}) although several parts name them.
   *
   * @throws IllegalArgumentException if fewer than two parts, two of the same name, a physics parameter whose
   *     bounds do not overlap or whose constraints differ, or a {@code noShare} name that no two parts have
   */
  public static JointModel of(List<Part> parts, Set<String> noShare) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException("joint fit: need at least two experiments, got " + parts.size());
    }
    Set<String> names = new LinkedHashSet<>();
    for (Part p : parts) {
      if (!names.add(p.experiment())) {
        throw new IllegalArgumentException("joint fit: experiment " + p.experiment() + " given twice (its likelihood"
            + " would count twice)");
      }
    }
    Map<String, List<String>> owners = new LinkedHashMap<>();
    for (Part p : parts) {
      List<String> own = new ArrayList<>(p.model().alphas());
      p.model().physics().forEach(x -> own.add(x.name()));
      for (String n : own) {
        owners.computeIfAbsent(n, k -> new ArrayList<>()).add(p.experiment());
      }
    }
    for (String n : noShare) {
      if (owners.getOrDefault(n, List.of()).size() < 2) {
        throw new IllegalArgumentException("--no-share: '" + n + "' is not a systematic or physics parameter of two"
            + " experiments; shared: " + sharedOf(owners, Set.of()).keySet());
      }
    }
    Map<String, PhysicsParameter> physics = new LinkedHashMap<>();
    List<NormParameter> norms = new ArrayList<>();
    List<Map<String, String>> renamed = new ArrayList<>();
    for (Part p : parts) {
      String pre = p.experiment() + ".";
      Map<String, String> names2 = new LinkedHashMap<>();
      for (NormParameter n : p.model().norms()) {
        names2.put(n.name(), pre + n.name());
        norms.add(new NormParameter(pre + n.name(), n.kind(), n.relativeWidth(), n.value()));
      }
      for (String n : noShare) {
        names2.put(n, pre + n);
      }
      renamed.add(names2);
      for (PhysicsParameter x : p.model().physics()) {
        String n = names2.getOrDefault(x.name(), x.name());
        physics.merge(n, new PhysicsParameter(n, x.nominal(), x.lower(), x.upper(), x.sigma()), JointModel::merge);
      }
    }
    // the channels, once every part's physics parameters are merged (a shape reads the joint ones)
    List<PhysicsParameter> phys = List.copyOf(physics.values());
    List<Channel> mapped = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      Part p = parts.get(k);
      Map<String, String> names2 = renamed.get(k);
      int[] at = p.model().physics().stream().mapToInt(x -> indexOf(phys, names2.getOrDefault(x.name(), x.name())))
          .toArray();
      for (Channel ch : p.model().channels()) {
        mapped.add(Channel.of(p.experiment() + "." + ch.name(), ch.samples().stream()
            .map(s -> remap(rename(s, names2), at, phys.size())).toList()));
      }
    }
    BinnedModel joint = BinnedModel.of(mapped, norms, phys);
    return new JointModel(joint, List.copyOf(names), sharedOf(owners, noShare), renamed);
  }

  /** The parameters of several parts (μ excluded), each with its parts, less those in {@code noShare}. */
  private static Map<String, List<String>> sharedOf(Map<String, List<String>> owners, Set<String> noShare) {
    Map<String, List<String>> s = new LinkedHashMap<>();
    owners.forEach((n, o) -> {
      if (o.size() > 1 && !noShare.contains(n)) {
        s.put(n, List.copyOf(o));
      }
    });
    return s;
  }

  /**
   * The joint observations: counts and per-bin auxiliary measurements concatenated; the global observables of the
   * norms in order, then one per α of the joint model (a shared α's from its first part: each part's is nominal in
   * data and Asimov sets).
   */
  public Observations observations(List<Part> parts) {
    double[] counts = new double[model.nBins()];
    double[] stat = new double[model.nBins()];
    double[] empty = new double[model.nBins()];
    double[] globals = new double[model.nGlobalObservables()];
    int bin = 0;
    int norm = 0;
    Map<String, Double> alphaObs = new LinkedHashMap<>();
    for (int k = 0; k < parts.size(); k++) {
      Part p = parts.get(k);
      Observations o = p.observations();
      for (int i = 0; i < o.nBins(); i++, bin++) {
        counts[bin] = o.count(i);
        stat[bin] = o.statAuxiliary(i);
        empty[bin] = o.emptyBinAuxiliary(i);
      }
      int nn = p.model().norms().size();
      for (int j = 0; j < nn; j++) {
        globals[norm++] = o.globalObservable(j);
      }
      List<String> alphas = p.model().alphas();
      for (int a = 0; a < alphas.size(); a++) {
        alphaObs.putIfAbsent(renamed.get(k).getOrDefault(alphas.get(a), alphas.get(a)), o.globalObservable(nn + a));
      }
    }
    List<String> alphas = model.alphas();
    for (int a = 0; a < alphas.size(); a++) {
      globals[norm + a] = alphaObs.get(alphas.get(a));
    }
    return Observations.of(model, counts, globals).withStatAuxiliary(stat).withEmptyBinAuxiliary(empty);
  }

  /** Two parts' definitions of one physics parameter as one: the common bounds, the first nominal (clamped). */
  private static PhysicsParameter merge(PhysicsParameter a, PhysicsParameter b) {
    double lo = Math.max(a.lower(), b.lower());
    double hi = Math.min(a.upper(), b.upper());
    if (!(hi > lo)) {
      throw new IllegalArgumentException("joint fit: the ranges of " + a.name() + " do not overlap: [" + a.lower()
          + ", " + a.upper() + "] and [" + b.lower() + ", " + b.upper() + "]");
    }
    if (a.sigma() != b.sigma()) {
      throw new IllegalArgumentException("joint fit: " + a.name() + " is constrained with sigma " + a.sigma()
          + " in one experiment and " + b.sigma() + " in another (one parameter has one constraint); make them"
          + " agree or keep it per experiment (--no-share " + a.name() + ")");
    }
    return new PhysicsParameter(a.name(), Math.min(Math.max(a.nominal(), lo), hi), lo, hi, a.sigma());
  }

  /** {@code s} with its norms and modifier parameters renamed by {@code names} (others kept). */
  private static Sample rename(Sample s, Map<String, String> names) {
    String[] n = s.norms().stream().map(x -> names.getOrDefault(x, x)).toArray(String[]::new);
    Sample r = s.isSignal() ? Sample.signal(s.name(), s.expected(), n) : Sample.background(s.name(), s.expected(), n);
    List<Modifier> mods = s.modifiers().stream().map(m -> names.containsKey(m.parameter())
        ? new Modifier(names.get(m.parameter()), m.type(), m.kappaHi(), m.kappaLo(), m.deltaHi(), m.deltaLo(),
            m.relativeWidth()) : m)
        .toList();
    r = r.withModifiers(mods).withStatErrors(s.statErrors().orElse(null));
    return s.physics().map(r::withPhysics).orElse(r);
  }

  /**
   * {@code s} whose physics shape reads its part's parameters from the joint ones: the part's parameter q is the
   * joint parameter {@code at[q]}.
   */
  private static Sample remap(Sample s, int[] at, int nJoint) {
    if (s.physics().isEmpty()) {
      return s;
    }
    PhysicsShape inner = s.physics().get();
    PhysicsShape outer = new PhysicsShape() {
      @Override
      public double[] expected(double[] values) {
        return inner.expected(pick(values, at));
      }

      @Override
      public double[][] derivatives(double[] values) {
        // the joint model asks only with one parameter, which is then the part's one parameter
        return nJoint == 1 && at.length == 1 ? inner.derivatives(pick(values, at)) : null;
      }
    };
    return s.withPhysics(outer);
  }

  private static double[] pick(double[] values, int[] at) {
    double[] v = new double[at.length];
    for (int q = 0; q < at.length; q++) {
      v[q] = values[at[q]];
    }
    return v;
  }

  private static int indexOf(List<PhysicsParameter> phys, String name) {
    for (int q = 0; q < phys.size(); q++) {
      if (phys.get(q).name().equals(name)) {
        return q;
      }
    }
    throw new IllegalStateException("physics parameter " + name + " missing from the joint model");
  }
}
