package org.cevns.generator.model;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.schema.NucleusRadii;
import org.cevns.schema.PhysicsConfig;
import org.cevns.physics.constants.Units;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.Couplings;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.physics.xs.RecoilCrossSection;
import org.cevns.physics.xs.bsm.DipoleUpscattering;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.NewPhysicsCevns;
import org.cevns.physics.xs.bsm.NewPhysicsEves;

/**
 * The cross sections of a {@code physics} section at any new-physics point: what the generator uses for its
 * channels, and what event-wise reweighting uses to evaluate dσ(θ)/dσ(θ₀) at one event's true (E_ν, T,
 * flavour, target, process). The Standard-Model settings (sin²θ_W, coupling scheme, form factors, nuclear
 * radii, axial term, recoil floor) are those of the section; only the {@link NewPhysics} point varies.
 * Thread-safe; cross sections are cached per (point, process, nuclide, flavour).
 *
 * <pre>
 *   ModelCrossSections xs = ModelCrossSections.of(config.physics());
 *   NewPhysics theta = config.physics().newPhysics().with("nsi.u.ee", 0.1);
 *   double w = xs.xsCm2PerMeV(theta, Process.CEVNS, Flavor.NUE, 55, 133, eMeV, tMeV)
 *            / xs.xsCm2PerMeV(config.physics().newPhysics(), Process.CEVNS, Flavor.NUE, 55, 133, eMeV, tMeV);
 * </pre>
 */
public final class ModelCrossSections {
  /** Cached cross sections beyond which the cache is cleared (scans visit many points). */
  static final int MAX_CACHED = 4096;

  private final PhysicsConfig physics;
  private final Map<String, RecoilCrossSection> standardModel = new ConcurrentHashMap<>();
  private final Map<Key, Optional<RecoilCrossSection>> cache = new ConcurrentHashMap<>();
  /**
   * The cross sections at the section's own point ({@code physics.newPhysics()}, the same object), keyed without
   * it: hashing the point (a record of records) bootstraps the record methods of ~8 classes at its first call, ~6 %
   * of a cold `cevns rates` (docs/performance-history.md, "rates in the eleventh session").
   */
  private final Map<ConfiguredKey, Optional<RecoilCrossSection>> configured = new ConcurrentHashMap<>();

  /**
   * The isotope standing for its element in the EvES keys: an EvES cross section is the atom's electrons', the same
   * function for every isotope of an element (also with new physics), so one object serves them all and every cache
   * keyed by the cross section (flux averages, detected-event tables, sampling tables) computes it once. Natural
   * xenon's nine isotopes each had their own: `rates configs/xenon-solar-er.yaml` with a magnetic moment took 110
   * CPU-s (docs/performance-history.md, "EvES tables per element").
   */
  private final Map<Integer, Isotope> evesAtoms = new ConcurrentHashMap<>();

  private record Key(NewPhysics point, Process process, Isotope isotope, Flavor flavor) {}

  /** A key of {@link #configured}: the isotope by identity (the table's instances), no record methods. */
  private static final class ConfiguredKey {
    private final Process process;
    private final Isotope isotope;
    private final Flavor flavor;

    ConfiguredKey(Process process, Isotope isotope, Flavor flavor) {
      this.process = process;
      this.isotope = isotope;
      this.flavor = flavor;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ConfiguredKey k && k.process == process && k.isotope == isotope && k.flavor == flavor;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(isotope) * 31 + process.ordinal()) * 31 + flavor.ordinal();
    }
  }

  private ModelCrossSections(PhysicsConfig physics) {
    this.physics = physics;
  }

  /** Cross sections with the Standard-Model settings of {@code physics}. */
  public static ModelCrossSections of(PhysicsConfig physics) {
    if (physics == null) {
      throw new IllegalArgumentException("model cross sections: physics must not be null");
    }
    return new ModelCrossSections(physics);
  }

  /** The physics section. */
  public PhysicsConfig physics() {
    return physics;
  }

  /**
   * dσ/dT in cm²/MeV per target (nucleus for CEvNS and upscattering, atom for EvES) of one event at the point
   * {@code point}; 0 where the process is closed (outside the kinematics, below the recoil floor, no sterile
   * neutrino for upscattering).
   *
   * @param z proton number of the struck nucleus (CEvNS, upscattering) or atom (EvES)
   * @param a its mass number
   */
  public double xsCm2PerMeV(NewPhysics point, Process process, Flavor flavor, int z, int a, double energyMeV,
      double recoilMeV) {
    return crossSection(point, process, IsotopeTable.isotope(z, a), flavor)
        .map(x -> x.xsCm2PerMeV(energyMeV, recoilMeV)).orElse(0.0);
  }

  /** The cross section of one channel at {@code point}; empty when the process is closed (upscattering without N). */
  public Optional<RecoilCrossSection> crossSection(NewPhysics point, Process process, Isotope target,
      Flavor flavor) {
    Isotope isotope = process == Process.EVES ? evesAtoms.computeIfAbsent(target.z(), z -> target) : target;
    if (point == physics.newPhysics()) {
      return configured.computeIfAbsent(new ConfiguredKey(process, isotope, flavor),
          k -> Optional.ofNullable(build(point, process, isotope, flavor)));
    }
    if (cache.size() > MAX_CACHED) {
      cache.clear();
    }
    return cache.computeIfAbsent(new Key(point, process, isotope, flavor),
        k -> Optional.ofNullable(build(point, process, isotope, flavor)));
  }

  private RecoilCrossSection build(NewPhysics point, Process process, Isotope iso, Flavor flavor) {
    double floorMeV = physics.recoilFloorKeV() / Units.KEV_PER_MEV;
    switch (process) {
      case EVES: {
        EvesCrossSection sm = (EvesCrossSection) standardModel.computeIfAbsent("eves/" + iso.z() + "/" + flavor,
            k -> EvesCrossSection.of(iso.z(), flavor, physics.sin2ThetaW(), true));
        return point.isStandardModel() ? sm : NewPhysicsEves.of(sm, flavor, point, floorMeV);
      }
      case CEVNS: {
        CevnsCrossSection sm = (CevnsCrossSection) standardModel.computeIfAbsent(
            "cevns/" + iso.label() + "/" + flavor, k -> {
              FormFactor[] f = formFactors(iso);
              Couplings g = Couplings.of(physics.couplings(), flavor, physics.sin2ThetaW());
              return CevnsCrossSection.of(iso, flavor, g, f[0], f[1], physics.axial(), f[1]);
            });
        if (point.isStandardModel()) {
          return sm;
        }
        FormFactor[] f = formFactors(iso);
        return NewPhysicsCevns.of(sm, flavor, f[0], f[1], f[1], point, floorMeV);
      }
      case UPSCATTER: {
        if (point.sterile().isEmpty() || point.sterile().get().dipoleMuB().get(flavor) == 0) {
          return null;
        }
        return DipoleUpscattering.of(iso, formFactors(iso)[0], flavor, point.sterile().get());
      }
      default:
        throw new AssertionError(process);
    }
  }

  /** {F_p, F_n} of the configured model and radii (the axial form factor is F_n, as for the Standard Model). */
  private FormFactor[] formFactors(Isotope iso) {
    NucleusRadii radii = physics.nuclei().get(iso.label());
    double rn = radii == null ? Double.NaN : radii.neutronRmsRadiusFm().orElse(Double.NaN);
    double rp = radii == null ? Double.NaN : radii.protonRmsRadiusFm().orElse(Double.NaN);
    return new FormFactor[] {physics.formFactor().create(iso.a(), rp), physics.formFactor().create(iso.a(), rn)};
  }
}
