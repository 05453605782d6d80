package org.cevns.analysis.reweight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.constants.Units;
import org.cevns.schema.NucleusRadii;
import org.cevns.schema.PhysicsConfig;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.Couplings;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.physics.xs.RecoilCrossSection;
import org.cevns.physics.xs.bsm.DipoleUpscattering;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.NewPhysicsCevns;
import org.cevns.physics.xs.bsm.NewPhysicsEves;

/**
 * The cross sections of the generator as a family: CEvNS ({@link CevnsCrossSection}, with the configuration's
 * coupling scheme, form-factor model and axial term) with parameters {@code sin2_theta_w} (the weak mixing
 * angle entering the couplings) and, per nuclide of the targets, {@code rn_fm.<Element><A>} and
 * {@code rp_fm.<Element><A>} (neutron and proton rms radii of the form factors, fm); and every new-physics
 * parameter of the configuration ({@link NewPhysics} scan names: {@code nsi.u.ee}, {@code magnetic_moment_mub.nue},
 * {@code mediator[0].g}, …), which change CEvNS ({@link NewPhysicsCevns}), neutrino–electron scattering
 * ({@link NewPhysicsEves}) and dipole-portal upscattering ({@link DipoleUpscattering}) exactly as the generator's
 * {@code ModelCrossSections} does. Nominal values are those of the configuration (default radii: the form-factor
 * model's). Ranges: sin²θ_W in [0.05, 0.45] (widened to the configured value); radii within ±40 % of nominal
 * (inside [0.5, 20] fm); new physics
 * {@link NewPhysicsRanges}; a scan's grid widens them ({@link #withRange}). sin²θ_W and the radii vary CEvNS
 * only (EvES stays at the configured sin²θ_W, as before the new-physics parameters existed).
 */
public final class CevnsFamily implements CrossSectionFamily {
  /** Lower end of the sin²θ_W range. */
  public static final double SIN2_LOWER = 0.05;
  /** Upper end of the sin²θ_W range. */
  public static final double SIN2_UPPER = 0.45;
  /** Smallest sin²θ_W of a scan's widened range ({@link #withRange}; the couplings take (0, 1)). */
  public static final double SIN2_MIN = 0.001;
  /** Largest sin²θ_W of a scan's widened range. */
  public static final double SIN2_MAX = 0.999;
  /** Relative half-width of a radius range. */
  public static final double RADIUS_RANGE = 0.4;
  /** Smallest radius of a range, fm (that of {@code physics.nuclei} radii). */
  public static final double RADIUS_MIN_FM = 0.5;
  /** Precision of the smallest radius a form-factor model takes ({@link #withRange}), fm. */
  static final double RADIUS_TOLERANCE_FM = 1e-6;
  /** Largest radius of a range, fm. */
  public static final double RADIUS_MAX_FM = 20;

  private final PhysicsConfig physics;
  private final List<PhysicsParameter> parameters;
  private final Set<String> newPhysicsNames;
  private final Map<String, Double> nominal = new HashMap<>();
  private final NewPhysics simulated;
  private final List<CommonRadius> commons;

  private CevnsFamily(PhysicsConfig physics, List<PhysicsParameter> parameters, NewPhysics simulated,
      List<CommonRadius> commons) {
    this.physics = physics;
    this.simulated = simulated;
    this.commons = List.copyOf(commons);
    this.parameters = List.copyOf(parameters);
    this.newPhysicsNames = new HashSet<>(physics.newPhysics().parameterNames());
    parameters.forEach(x -> nominal.put(x.name(), x.nominal()));
  }

  private static List<PhysicsParameter> standardParameters(PhysicsConfig physics, Map<String, Isotope> isotopes,
      List<CommonRadius> commons) {
    List<PhysicsParameter> p = new ArrayList<>();
    double s2 = nominalSin2(physics); // the range holds a configured value outside it (physics.sin2_theta_w: (0, 1))
    p.add(PhysicsParameter.free("sin2_theta_w", s2, Math.min(SIN2_LOWER, s2), Math.max(SIN2_UPPER, s2)));
    Map<String, Double> rnFm = new HashMap<>();
    for (Isotope iso : isotopes.values()) {
      NucleusRadii r = physics.nuclei().get(iso.label());
      double rn = radius(physics, iso, r == null ? Double.NaN : r.neutronRmsRadiusFm().orElse(Double.NaN));
      double rp = radius(physics, iso, r == null ? Double.NaN : r.protonRmsRadiusFm().orElse(Double.NaN));
      p.add(range(CommonRadius.PREFIX + iso.label(), rn));
      p.add(range("rp_fm." + iso.label(), rp));
      rnFm.put(CommonRadius.PREFIX + iso.label(), rn);
    }
    for (CommonRadius c : commons) {
      double avg = c.average(rnFm);
      double[] valid = c.validRange(rnFm, physics);
      p.add(PhysicsParameter.free(c.name(), avg, Math.max(valid[0], Math.max(RADIUS_MIN_FM, avg * (1 - RADIUS_RANGE))),
          Math.min(valid[1], avg * (1 + RADIUS_RANGE))));
    }
    p.addAll(NewPhysicsRanges.parameters(physics.newPhysics()));
    return p;
  }

  /** The low-Q² sin²θ_W of the configuration ({@code physics.sin2_theta_w}), which every coupling scheme reads. */
  static double nominalSin2(PhysicsConfig physics) {
    return physics.sin2ThetaW();
  }

  /**
   * Couplings of the configured scheme at sin²θ_W = {@code s2w} ({@link Couplings#of}: g_V^p moves by −2ρ per
   * unit of sin²θ_W, ρ of the PDG scheme or 1; g_V^n does not depend on it).
   */
  static Couplings couplings(PhysicsConfig physics, Flavor f, double s2w) {
    return Couplings.of(physics.couplings(), f, s2w);
  }

  /** The family for the nuclides {@code targets} with the configuration's physics. */
  public static CevnsFamily of(PhysicsConfig physics, Collection<Isotope> targets) {
    return of(physics, targets, List.of());
  }

  /**
   * The family for the nuclides {@code isotopes} with the configuration's physics, with a common neutron radius
   * ({@link CommonRadius}, {@code rn_fm.<formula>}) for each of {@code targets} made of two or more nuclides.
   */
  public static CevnsFamily of(PhysicsConfig physics, Collection<Isotope> isotopes,
      Collection<org.cevns.physics.nucleus.Target> targets) {
    Map<String, Isotope> m = new LinkedHashMap<>();
    for (Isotope i : isotopes) {
      m.putIfAbsent(i.label(), i);
    }
    Map<String, CommonRadius> commons = new LinkedHashMap<>();
    for (var t : targets) {
      CommonRadius c = CommonRadius.of(t);
      if (c != null && c.members().stream().allMatch(x -> m.containsKey(x.substring(CommonRadius.PREFIX.length())))
          && !m.containsKey(c.name().substring(CommonRadius.PREFIX.length()))) {
        commons.putIfAbsent(c.name(), c);
      }
    }
    List<CommonRadius> list = List.copyOf(commons.values());
    return new CevnsFamily(physics, standardParameters(physics, m, list), physics.newPhysics(), list);
  }

  private static double radius(PhysicsConfig physics, Isotope iso, double configured) {
    if (!Double.isNaN(configured)) {
      return configured;
    }
    double r = physics.formFactor().create(iso.a(), Double.NaN).rmsRadiusFm();
    // the unity form factor has no radius: use the Helm default so the parameter still has a range
    return r > 0 ? r : org.cevns.physics.formfactor.FormFactorModel.HELM.create(iso.a(), Double.NaN).rmsRadiusFm();
  }

  private static PhysicsParameter range(String name, double r) {
    double lo = Math.max(RADIUS_MIN_FM, r * (1 - RADIUS_RANGE));
    double hi = Math.min(RADIUS_MAX_FM, r * (1 + RADIUS_RANGE));
    return PhysicsParameter.free(name, r, lo, hi);
  }

  @Override
  public List<PhysicsParameter> parameters() {
    return parameters;
  }

  /** Name prefixes of the parameters of this family's kind, known or not to a configuration. */
  private static final List<String> PREFIXES = List.of("sin2_theta_w", "rn_fm.", "rp_fm.", "nsi.",
      "magnetic_moment_mub.", "millicharge_e.", "charge_radius_cm2.", "mediator[", "mediator.", "mediators",
      "sterile.", "ngi.");

  /** True when {@code name} is spelled like a physics parameter of a family (known to this one or not). */
  public static boolean looksLikePhysicsParameter(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }

  /**
   * The parameter names of this family in one line, grouped by prefix ({@code nsi.u.{ee,mumu,…}}), with the
   * conditions under which mediator and sterile parameters exist.
   */
  public String describeNames() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (PhysicsParameter p : parameters) {
      int dot = p.name().lastIndexOf('.');
      String head = dot < 0 ? p.name() : p.name().substring(0, dot + 1);
      groups.computeIfAbsent(head, k -> new ArrayList<>()).add(dot < 0 ? "" : p.name().substring(dot + 1));
    }
    List<String> out = new ArrayList<>();
    groups.forEach((head, tails) -> {
      String joined = tails.size() == 1 ? tails.get(0) : "{" + String.join(",", tails) + "}";
      // ngi.X.{nue,numu,nutau}.{p,n,e} and ngi.X.{emu,etau,mutau}.{p,n,e} (flavour-changing) when alike
      String last = head.startsWith("ngi.")
          ? head.substring(head.lastIndexOf('.', head.length() - 2) + 1, head.length() - 1) : "";
      for (List<String> triple : List.of(List.of("nue", "numu", "nutau"), List.of("emu", "etau", "mutau"))) {
        if (!triple.contains(last)) {
          continue;
        }
        String stem = head.substring(0, head.length() - last.length() - 1);
        if (triple.stream().allMatch(f -> tails.equals(groups.get(stem + f + ".")))) {
          if (last.equals(triple.get(0))) {
            out.add(stem + "{" + String.join(",", triple) + "}." + joined);
          }
          return; // the others are written with the first group
        }
      }
      out.add(head + joined);
    });
    String text = String.join(", ", out);
    if (physics.newPhysics().mediators().isEmpty()) {
      text += " (mediator[k].* need physics.mediators";
    } else {
      text += " (mediator[k].g only when g_nu = g_u = g_d = g_e";
    }
    return text + "; ngi.<structure>.<p|n|e> only when the flavours' couplings agree, ngi.<structure>.mass_mev"
        + " when configured > 0; sterile.* need physics.sterile, sterile.dipole_mub.* a non-zero configured value)";
  }

  /**
   * This family for template events simulated at the new-physics point {@code point} instead of the
   * configuration's (importance sampling: the reweighting divides by dσ at {@code point}; nominal values and
   * ranges stay those of the configuration). Used where the configured point leaves part of a scanned model's
   * support nearly empty, e.g. the sub-keV electron recoils a magnetic moment fills at a reactor.
   */
  public CevnsFamily simulatedAt(NewPhysics point) {
    return new CevnsFamily(physics, parameters, point, commons);
  }

  /**
   * The point at which to simulate the templates of a scan of {@code ranges} (name → {lower, upper}): the
   * configured one, with each scanned magnetic moment or millicharge, and each coupling that only adds its own
   * non-interfering term ({@link #addsOnlyItsOwnTerm}) and is configured at 0, at the end of its range farthest
   * from 0.
   * Their 1/T terms put the events of a non-zero value where the Standard-Model simulation has almost none
   * (e.g. keV electron recoils of reactor EvES), and every region the configured point populates stays
   * populated at the far end (the magnetic term is positive; the millicharge's 1/T² term dominates at small T,
   * its interference with the weak charge can lower dσ elsewhere), so reweighting from there back to any value in
   * the range is well sampled.
   */
  public NewPhysics simulationPoint(Map<String, double[]> ranges) {
    NewPhysics point = physics.newPhysics();
    for (var e : ranges.entrySet()) {
      String n = e.getKey();
      if (newPhysicsNames.contains(n) && (n.startsWith("magnetic_moment_mub.") || n.startsWith("millicharge_e.")
          || addsOnlyItsOwnTerm(n) && nominal.getOrDefault(n, Double.NaN) == 0)) {
        double lo = e.getValue()[0];
        double hi = e.getValue()[1];
        point = point.with(n, Math.abs(hi) >= Math.abs(lo) ? hi : lo);
      }
    }
    return point;
  }

  /**
   * Whether a coupling, from 0, only adds a term of its own that never interferes with the Standard Model: scalar,
   * tensor and pseudoscalar NGI, and every flavour-changing coupling (no Standard-Model amplitude has a final
   * flavour other than the initial one). Their terms stay finite where the Standard-Model cross section vanishes
   * (the tensor's at the largest recoil, where the vector bracket goes to 0), so reweighting Standard-Model events
   * to them has weights without bound there, and the scan's templates are simulated at the far end instead.
   */
  static boolean addsOnlyItsOwnTerm(String name) {
    String[] part = name.split("\\.");
    boolean flavourChanging = java.util.Arrays.stream(part).anyMatch(x -> x.equals("emu") || x.equals("etau")
        || x.equals("mutau"));
    return name.startsWith("ngi.scalar.") || name.startsWith("ngi.tensor.") || name.startsWith("ngi.pseudoscalar.")
        || flavourChanging && (name.startsWith("ngi.") || name.startsWith("nsi.") || name.startsWith(
        "magnetic_moment_mub."));
  }

  @Override
  public double simulatedValue(String name) {
    return newPhysicsNames.contains(name) ? simulated.get(name) : CrossSectionFamily.super.simulatedValue(name);
  }

  @Override
  public boolean changesEves(List<String> names) {
    return names.stream().anyMatch(newPhysicsNames::contains);
  }

  /**
   * New-physics parameters: the range of the scan, padded ({@link NewPhysicsRanges#widened}). sin²θ_W and the
   * radii: the default range widened (never narrowed) to hold the grid, within [{@value #SIN2_MIN},
   * {@value #SIN2_MAX}] and [{@value #RADIUS_MIN_FM}, {@value #RADIUS_MAX_FM}] fm, so that a scan can follow a
   * profile beyond the default range (e.g. R_n of CsI above 1.4 × the Helm radius, where the COHERENT data's
   * 68 % interval ends); a grid inside the default range leaves it, and the tabulated templates, as they were.
   */
  @Override
  public CevnsFamily withRange(String name, double lower, double upper) {
    if (!nominal.containsKey(name)) {
      return this;
    }
    boolean standard = name.equals("sin2_theta_w") || name.startsWith("rn_fm.") || name.startsWith("rp_fm.");
    if (!newPhysicsNames.contains(name) && !standard) {
      return this;
    }
    boolean sin2 = name.equals("sin2_theta_w");
    CommonRadius common = common(name);
    double[] valid = common == null ? null : common.validRange(nominal, physics);
    double min = !standard ? Double.NaN : sin2 ? SIN2_MIN : common != null ? valid[0] : smallestRadiusFm(name, lower);
    double max = sin2 ? SIN2_MAX : common != null ? valid[1] : RADIUS_MAX_FM;
    List<PhysicsParameter> p = new ArrayList<>(parameters);
    p.replaceAll(x -> !x.name().equals(name) ? x : standard
        ? new PhysicsParameter(name, x.nominal(), Math.min(x.lower(), Math.max(min, lower)),
            Math.max(x.upper(), Math.min(max, upper)), x.sigma())
        : NewPhysicsRanges.widened(x, lower, upper));
    return new CevnsFamily(physics, p, simulated, commons);
  }

  /**
   * The smallest radius of the configured form-factor model for the nuclide of {@code name} ({@code rn_fm.Ar40}:
   * A = 40) not below {@link #RADIUS_MIN_FM}: {@code wanted} if the model takes it, else the model's limit found
   * by bisection (Helm: above √3·s = 1.559 fm; Klein–Nystrand: above √6·a_k = 1.715 fm), 1e-6 fm above it.
   */
  private double smallestRadiusFm(String name, double wanted) {
    int a = RadiusLimits.massNumber(name);
    double lo = Math.max(RADIUS_MIN_FM, wanted);
    return RadiusLimits.validRadius(physics, a, lo) ? RADIUS_MIN_FM
        : RadiusLimits.boundaryFm(physics, a, lo, nominal.get(name));
  }

  /**
   * Refuses parameters that cannot vary together: a common radius ({@code rn_fm.CsI}) and one of its members
   * ({@code rn_fm.I127}); the flavour-universal magnetic moment ({@code magnetic_moment_mub.all}) and one
   * flavour's ({@code magnetic_moment_mub.nue}); a mediator's common coupling ({@code mediator[0].g}) and one of
   * its couplings ({@code mediator[0].g_nu}) ({@link TiedParameters}).
   *
   * @throws IllegalArgumentException naming both
   */
  public void checkTogether(List<String> names) {
    for (CommonRadius c : commons) {
      if (names.contains(c.name())) {
        c.members().stream().filter(names::contains).findFirst().ifPresent(m -> {
          throw new IllegalArgumentException(c.conflict(m));
        });
      }
    }
    TiedParameters.check(names);
  }

  /** The common radius named {@code name}, or null. */
  private CommonRadius common(String name) {
    return commons.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }


  @Override
  public Evaluator at(List<String> names, double[] values) {
    Map<String, Double> v = new HashMap<>(nominal);
    NewPhysics point = physics.newPhysics();
    for (int i = 0; i < names.size(); i++) {
      if (!nominal.containsKey(names.get(i))) {
        throw new IllegalArgumentException("unknown physics parameter '" + names.get(i) + "', known: "
            + parameters.stream().map(PhysicsParameter::name).toList());
      }
      v.put(names.get(i), values[i]);
      if (newPhysicsNames.contains(names.get(i))) {
        point = point.with(names.get(i), values[i]);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      CommonRadius c = common(names.get(i));
      if (c != null) {
        c.apply(nominal, values[i], v, names);
      }
    }
    double s2w = v.get("sin2_theta_w");
    NewPhysics np = point;
    double floorMeV = physics.recoilFloorKeV() / Units.KEV_PER_MEV;
    Map<Integer, RecoilCrossSection> cache = new HashMap<>();
    Flavor[] flavors = Flavor.values();
    Process[] processes = Process.values();
    return (z, a, flavorCode, processCode, enuMeV, recoilMeV) -> {
      int key = ((z * 1000 + a) * 16 + flavorCode) * 4 + processCode;
      RecoilCrossSection xs = cache.get(key);
      if (xs == null) {
        xs = build(org.cevns.physics.nucleus.IsotopeTable.isotope(z, a), flavors[flavorCode],
            processes[processCode], v, s2w, np, floorMeV);
        cache.put(key, xs);
      }
      return xs == null ? 0.0 : xs.xsCm2PerMeV(enuMeV, recoilMeV);
    };
  }

  private RecoilCrossSection build(Isotope iso, Flavor f, Process process, Map<String, Double> v, double s2w,
      NewPhysics np, double floorMeV) {
    switch (process) {
      case EVES: {
        EvesCrossSection sm = EvesCrossSection.of(iso.z(), f, physics.sin2ThetaW(), true);
        return np.isStandardModel() ? sm : NewPhysicsEves.of(sm, f, np, floorMeV);
      }
      case UPSCATTER: {
        if (np.sterile().isEmpty() || np.sterile().get().dipoleMuB().get(f) == 0) {
          return null;
        }
        FormFactor fp = physics.formFactor().create(iso.a(), v.getOrDefault("rp_fm." + iso.label(), Double.NaN));
        return DipoleUpscattering.of(iso, fp, f, np.sterile().get());
      }
      default: {
        FormFactor fp = physics.formFactor().create(iso.a(), v.getOrDefault("rp_fm." + iso.label(), Double.NaN));
        FormFactor fn = physics.formFactor().create(iso.a(), v.getOrDefault("rn_fm." + iso.label(), Double.NaN));
        CevnsCrossSection sm = CevnsCrossSection.of(iso, f, couplings(physics, f, s2w), fp, fn, physics.axial(), fn);
        return np.isStandardModel() ? sm : NewPhysicsCevns.of(sm, f, fp, fn, fn, np, floorMeV);
      }
    }
  }
}
