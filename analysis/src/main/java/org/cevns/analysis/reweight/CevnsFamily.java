package org.cevns.analysis.reweight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.physics.Flavor;
import org.cevns.schema.NucleusRadii;
import org.cevns.schema.PhysicsConfig;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.Couplings;

/**
 * The Standard-Model CEvNS cross section of the generator ({@link CevnsCrossSection}, with the configuration's
 * coupling scheme, form-factor model and axial term) as a family with parameters {@code sin2_theta_w} (the weak
 * mixing angle entering the couplings) and, per nuclide of the targets, {@code rn_fm.<Element><A>} and
 * {@code rp_fm.<Element><A>} (neutron and proton rms radii of the form factors, fm). Nominal values are those
 * of the configuration (default radii: the form-factor model's). Ranges: sin²θ_W in [0.05, 0.45]; radii within
 * ±40 % of nominal (inside [0.5, 20] fm).
 */
public final class CevnsFamily implements CrossSectionFamily {
  /** Lower end of the sin²θ_W range. */
  public static final double SIN2_LOWER = 0.05;
  /** Upper end of the sin²θ_W range. */
  public static final double SIN2_UPPER = 0.45;
  /** Relative half-width of a radius range. */
  public static final double RADIUS_RANGE = 0.4;
  /** Smallest radius of a range, fm (that of {@code physics.nuclei} radii). */
  public static final double RADIUS_MIN_FM = 0.5;
  /** Largest radius of a range, fm. */
  public static final double RADIUS_MAX_FM = 20;

  private final PhysicsConfig physics;
  private final Map<String, Isotope> isotopes;
  private final List<PhysicsParameter> parameters;
  private final Map<String, Double> nominal = new HashMap<>();

  private CevnsFamily(PhysicsConfig physics, Map<String, Isotope> isotopes) {
    this.physics = physics;
    this.isotopes = isotopes;
    List<PhysicsParameter> p = new ArrayList<>();
    p.add(PhysicsParameter.free("sin2_theta_w", nominalSin2(physics), SIN2_LOWER, SIN2_UPPER));
    for (Isotope iso : isotopes.values()) {
      NucleusRadii r = physics.nuclei().get(iso.label());
      double rn = radius(iso, r == null ? Double.NaN : r.neutronRmsRadiusFm().orElse(Double.NaN));
      double rp = radius(iso, r == null ? Double.NaN : r.protonRmsRadiusFm().orElse(Double.NaN));
      p.add(range("rn_fm." + iso.label(), rn));
      p.add(range("rp_fm." + iso.label(), rp));
    }
    this.parameters = List.copyOf(p);
    parameters.forEach(x -> nominal.put(x.name(), x.nominal()));
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
    Map<String, Isotope> m = new LinkedHashMap<>();
    for (Isotope i : targets) {
      m.putIfAbsent(i.label(), i);
    }
    return new CevnsFamily(physics, m);
  }

  private double radius(Isotope iso, double configured) {
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

  @Override
  public Evaluator at(List<String> names, double[] values) {
    Map<String, Double> v = new HashMap<>(nominal);
    for (int i = 0; i < names.size(); i++) {
      if (!nominal.containsKey(names.get(i))) {
        throw new IllegalArgumentException("unknown CEvNS parameter '" + names.get(i) + "', known: "
            + parameters.stream().map(PhysicsParameter::name).toList());
      }
      v.put(names.get(i), values[i]);
    }
    double s2w = v.get("sin2_theta_w");
    Map<Integer, CevnsCrossSection> cache = new HashMap<>();
    Flavor[] flavors = Flavor.values();
    return (z, a, flavorCode, enuMeV, recoilMeV) -> {
      int key = (z * 1000 + a) * 16 + flavorCode;
      CevnsCrossSection xs = cache.get(key);
      if (xs == null) {
        Isotope iso = org.cevns.physics.nucleus.IsotopeTable.isotope(z, a);
        Flavor f = flavors[flavorCode];
        FormFactor fp = physics.formFactor().create(a, v.getOrDefault("rp_fm." + iso.label(), Double.NaN));
        FormFactor fn = physics.formFactor().create(a, v.getOrDefault("rn_fm." + iso.label(), Double.NaN));
        xs = CevnsCrossSection.of(iso, f, couplings(physics, f, s2w), fp, fn, physics.axial(), fn);
        cache.put(key, xs);
      }
      return xs.xsCm2PerMeV(enuMeV, recoilMeV);
    };
  }
}
