package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.xs.bsm.FlavourMatrix;
import org.cevns.physics.xs.bsm.MagneticMoments;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.NewPhysicsBounds;
import org.cevns.physics.xs.bsm.NewPhysicsBounds.Group;
import org.cevns.physics.xs.bsm.Ngi;
import org.cevns.physics.xs.bsm.PerFlavour;
import org.cevns.physics.xs.bsm.Sterile;

/**
 * The YAML shapes of the new-physics keys of {@code physics} ({@code nsi}, {@code magnetic_moment_mub},
 * {@code millicharge_e}, {@code charge_radius_cm2}, {@code mediators}, {@code sterile}, {@code ngi}), bound by
 * {@link ConfigBinding} and turned into the physics module's records (which know nothing of YAML). Every
 * coupling is optional, 0 by default, finite and within the validity bound of its group ({@link NewPhysicsBounds}:
 * a value beyond it is refused with one line naming the key as written); the bound is recorded for the JSON schema
 * (its minimum and maximum) whether or not the key is given. Masses: &gt; 0 (NGI: &gt;= 0), unbounded.
 */
final class NewPhysicsKeys {
  private NewPhysicsKeys() {}

  /**
   * {@code v} (0 if absent) within the validity bound of {@code group} ({@link NewPhysicsBounds.Group#bound}: the
   * one copy of the numbers), checked at {@code key} (relative to the record being built); recorded for the JSON
   * schema also when absent, so that every place of the key carries the bound.
   */
  private static double bounded(Group group, String key, OptionalDouble v) {
    DoubleRange range = DoubleRange.within(group.bound(), group.reason());
    if (v.isPresent()) {
      return range.check(key, v.getAsDouble());
    }
    range.record(key);
    return 0;
  }

  /** Refuses {@code nue}, {@code numu} or {@code nutau} beside {@code all} (one {@code what} for the three). */
  private static void requireAllAlone(OptionalDouble nue, OptionalDouble numu, OptionalDouble nutau, String what) {
    String[] keys = {"nue", "numu", "nutau"};
    OptionalDouble[] given = {nue, numu, nutau};
    for (int i = 0; i < keys.length; i++) {
      if (given[i].isPresent()) {
        throw new ConfigException(keys[i], "give either all (one " + what + " for the three flavours) or nue, numu,"
            + " nutau, not both");
      }
    }
  }

  /** {@code nsi: {u: MATRIX, d: MATRIX, e: MATRIX}}. */
  record Nsi(@JsonProperty("u") Optional<Matrix> u, @JsonProperty("d") Optional<Matrix> d,
      @JsonProperty("e") Optional<Matrix> e) {}

  /** A flavour matrix ε_αβ: {@code {ee: 0.1, emu: 0.02, ...}}, keys as {@link FlavourMatrix#KEYS}. */
  record Matrix(@JsonProperty("ee") OptionalDouble ee, @JsonProperty("mumu") OptionalDouble mumu,
      @JsonProperty("tautau") OptionalDouble tautau, @JsonProperty("emu") OptionalDouble emu,
      @JsonProperty("etau") OptionalDouble etau, @JsonProperty("mutau") OptionalDouble mutau) {
    Matrix {
      matrix(ee, mumu, tautau, emu, etau, mutau);
    }

    FlavourMatrix matrix() {
      return matrix(ee, mumu, tautau, emu, etau, mutau);
    }

    private static FlavourMatrix matrix(OptionalDouble ee, OptionalDouble mumu, OptionalDouble tautau,
        OptionalDouble emu, OptionalDouble etau, OptionalDouble mutau) {
      Group g = Group.EPSILON;
      return new FlavourMatrix(bounded(g, "ee", ee), bounded(g, "mumu", mumu), bounded(g, "tautau", tautau),
          bounded(g, "emu", emu), bounded(g, "etau", etau), bounded(g, "mutau", mutau));
    }
  }

  /**
   * One value per flavour: {@code {nue: .., numu: .., nutau: ..}}, or one for the three: {@code {all: ..}}. The
   * values are checked by the key that holds them ({@link #values}), which knows their group: this type is that of
   * {@code millicharge_e}, {@code charge_radius_cm2} and {@code sterile.dipole_mub}.
   */
  record Flavours(@JsonProperty("nue") OptionalDouble nue, @JsonProperty("numu") OptionalDouble numu,
      @JsonProperty("nutau") OptionalDouble nutau, @JsonProperty("all") OptionalDouble all) {
    /** None given (every value 0). */
    static final Flavours NONE = new Flavours(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty());

    Flavours {
      if (all.isPresent()) {
        requireAllAlone(nue, numu, nutau, "value");
      }
    }

    /**
     * The values, each within the bound of {@code group}, checked (and recorded for the schema) at {@code prefix} +
     * key, relative to the record being built ({@code millicharge_e.nue} in {@code physics}).
     */
    PerFlavour values(Group group, String prefix) {
      double e = bounded(group, prefix + "nue", nue);
      double m = bounded(group, prefix + "numu", numu);
      double t = bounded(group, prefix + "nutau", nutau);
      double v = bounded(group, prefix + PerFlavour.ALL, all);
      return all.isPresent() ? new PerFlavour(v, v, v) : new PerFlavour(e, m, t);
    }
  }

  /**
   * Magnetic moments in μ_B: {@code {nue: .., numu: .., nutau: .., emu: .., etau: .., mutau: ..}}, the
   * flavour-diagonal moments and the transition moments μ_αβ = μ_βα ({@link MagneticMoments}).
   */
  record Moments(@JsonProperty("nue") OptionalDouble nue, @JsonProperty("numu") OptionalDouble numu,
      @JsonProperty("nutau") OptionalDouble nutau, @JsonProperty("emu") OptionalDouble emu,
      @JsonProperty("etau") OptionalDouble etau, @JsonProperty("mutau") OptionalDouble mutau,
      @JsonProperty("all") OptionalDouble all) {
    Moments {
      moments(nue, numu, nutau, emu, etau, mutau, all);
    }

    MagneticMoments moments() {
      return moments(nue, numu, nutau, emu, etau, mutau, all);
    }

    /** {@code all}: one moment for the three flavours (μ_ee = μ_μμ = μ_ττ), given instead of nue, numu, nutau. */
    private static MagneticMoments moments(OptionalDouble nue, OptionalDouble numu, OptionalDouble nutau,
        OptionalDouble emu, OptionalDouble etau, OptionalDouble mutau, OptionalDouble all) {
      Group g = Group.MAGNETIC_MOMENT;
      if (all.isPresent()) {
        requireAllAlone(nue, numu, nutau, "moment");
      }
      double common = bounded(g, MagneticMoments.ALL, all);
      double e = bounded(g, "nue", nue);
      double m = bounded(g, "numu", numu);
      double t = bounded(g, "nutau", nutau);
      double emuMuB = bounded(g, "emu", emu);
      double etauMuB = bounded(g, "etau", etau);
      double mutauMuB = bounded(g, "mutau", mutau);
      return all.isPresent() ? new MagneticMoments(common, common, common, emuMuB, etauMuB, mutauMuB)
          : new MagneticMoments(e, m, t, emuMuB, etauMuB, mutauMuB);
    }
  }

  /** A light mediator: one coupling {@code g} for neutrinos, u, d and e, or the {@code g_*} couplings. */
  record MediatorKeys(@JsonProperty(value = "type", required = true) Mediator.Type type,
      @JsonProperty(value = "mass_mev", required = true) double massMeV, @JsonProperty("g") OptionalDouble g,
      @JsonProperty("g_nu") OptionalDouble gNu, @JsonProperty("g_u") OptionalDouble gU,
      @JsonProperty("g_d") OptionalDouble gD, @JsonProperty("g_e") OptionalDouble gE) {
    MediatorKeys {
      mediator(type, massMeV, g, gNu, gU, gD, gE);
    }

    Mediator mediator() {
      return mediator(type, massMeV, g, gNu, gU, gD, gE);
    }

    private static Mediator mediator(Mediator.Type type, double massMeV, OptionalDouble g, OptionalDouble gNu,
        OptionalDouble gU, OptionalDouble gD, OptionalDouble gE) {
      DoubleRange.POSITIVE.check("mass_mev", massMeV);
      Group c = Group.COUPLING;
      double common = bounded(c, "g", g);
      if (g.isPresent()) {
        String[] keys = {"g_nu", "g_u", "g_d", "g_e"};
        OptionalDouble[] given = {gNu, gU, gD, gE};
        for (int i = 0; i < keys.length; i++) {
          if (given[i].isPresent()) {
            throw new ConfigException(keys[i], "give either g (one coupling for neutrinos, u, d and e) or the g_*"
                + " couplings, not both");
          }
        }
      }
      double nu = bounded(c, "g_nu", gNu);
      double u = bounded(c, "g_u", gU);
      double d = bounded(c, "g_d", gD);
      double e = bounded(c, "g_e", gE);
      return g.isPresent() ? new Mediator(type, massMeV, common, common, common, common)
          : new Mediator(type, massMeV, nu, u, d, e);
    }
  }

  /** A sterile neutrino for dipole upscattering: its mass and transition magnetic moments. */
  record SterileKeys(@JsonProperty(value = "mass_mev", required = true) double massMeV,
      @JsonProperty(value = "dipole_mub", required = true) Flavours dipoleMuB) {
    SterileKeys {
      DoubleRange.POSITIVE.check("mass_mev", massMeV);
      if (dipoleMuB != null) {
        dipoleMuB.values(Group.DIPOLE, "dipole_mub.");
      }
    }

    Sterile sterile() {
      return new Sterile(massMeV, dipoleMuB.values(Group.DIPOLE, "dipole_mub."));
    }
  }

  /**
   * {@code ngi: {scalar: STRUCTURE, vector: .., axial: .., tensor: .., pseudoscalar: ..}}: generalised interactions
   * (p, n, e; the pseudoscalar e only, {@link Ngi#PSEUDOSCALAR_NUCLEON}).
   */
  record NgiKeys(@JsonProperty("scalar") Optional<StructureKeys> scalar,
      @JsonProperty("vector") Optional<StructureKeys> vector, @JsonProperty("axial") Optional<StructureKeys> axial,
      @JsonProperty("tensor") Optional<StructureKeys> tensor,
      @JsonProperty("pseudoscalar") Optional<StructureKeys> pseudoscalar) {
    NgiKeys {
      pseudoscalar.ifPresent(NgiKeys::electronsOnly);
    }

    Ngi ngi() {
      return new Ngi(structure(scalar), structure(vector), structure(axial), structure(tensor),
          structure(pseudoscalar));
    }

    private static Ngi.Structure structure(Optional<StructureKeys> s) {
      return s.map(StructureKeys::structure).orElse(Ngi.Structure.ZERO);
    }

    private static void electronsOnly(StructureKeys s) {
      nucleonKeys("pseudoscalar.", s.p(), s.n());
      for (int i = 0; i < PerFlavour.KEYS.length; i++) {
        Optional<FlavourKeys> f = s.flavour(i);
        if (f.isPresent()) {
          nucleonKeys("pseudoscalar." + PerFlavour.KEYS[i] + ".", f.get().p(), f.get().n());
        }
        Optional<FlavourKeys> c = s.pair(i);
        if (c.isPresent()) {
          nucleonKeys("pseudoscalar." + Ngi.Structure.PAIRS.get(i) + ".", c.get().p(), c.get().n());
        }
      }
    }

    private static void nucleonKeys(String path, OptionalDouble p, OptionalDouble n) {
      if (p.isPresent() || n.isPresent()) {
        String key = p.isPresent() ? "p" : "n";
        throw new ConfigException(path + key, "not allowed, " + Ngi.PSEUDOSCALAR_NUCLEON,
            ConfigException.render((p.isPresent() ? p : n).getAsDouble()));
      }
    }
  }

  /**
   * One NGI structure: {@code {p: .., n: .., e: .., mass_mev: .., nue: {p, n, e}, numu: .., nutau: .., emu: {p, n,
   * e}, etau: .., mutau: ..}}, couplings to protons, neutrons and electrons in units of G_F for every flavour, then
   * per-flavour overrides (a key given for a flavour replaces the flavour-universal value of that key for that
   * flavour, ν and ν̄), then the flavour-changing couplings ε^{αβ} = ε^{βα} (0 unless given: the
   * flavour-universal p, n, e are flavour-preserving), mass 0 = contact.
   */
  record StructureKeys(@JsonProperty("p") OptionalDouble p, @JsonProperty("n") OptionalDouble n,
      @JsonProperty("e") OptionalDouble e, @JsonProperty("mass_mev") OptionalDouble massMeV,
      @JsonProperty("nue") Optional<FlavourKeys> nue, @JsonProperty("numu") Optional<FlavourKeys> numu,
      @JsonProperty("nutau") Optional<FlavourKeys> nutau, @JsonProperty("emu") Optional<FlavourKeys> emu,
      @JsonProperty("etau") Optional<FlavourKeys> etau, @JsonProperty("mutau") Optional<FlavourKeys> mutau) {
    StructureKeys {
      structure(p, n, e, massMeV, nue, numu, nutau);
    }

    Ngi.Structure structure() {
      Ngi.Structure s = structure(p, n, e, massMeV, nue, numu, nutau);
      return new Ngi.Structure(s.nue(), s.numu(), s.nutau(), s.massMeV(), changing(emu), changing(etau),
          changing(mutau));
    }

    Optional<FlavourKeys> flavour(int index) {
      return index == 0 ? nue : index == 1 ? numu : nutau;
    }

    /** The flavour-changing couplings of pair {@code index} of {@link Ngi.Structure#PAIRS}. */
    Optional<FlavourKeys> pair(int index) {
      return index == 0 ? emu : index == 1 ? etau : mutau;
    }

    private static Ngi.Couplings changing(Optional<FlavourKeys> f) {
      return override(Ngi.Couplings.ZERO, f);
    }

    private static Ngi.Structure structure(OptionalDouble p, OptionalDouble n, OptionalDouble e,
        OptionalDouble massMeV, Optional<FlavourKeys> nue, Optional<FlavourKeys> numu, Optional<FlavourKeys> nutau) {
      double m = massMeV.isPresent() ? DoubleRange.NON_NEGATIVE.check("mass_mev", massMeV.getAsDouble()) : 0;
      Group g = Group.EPSILON;
      Ngi.Couplings all = new Ngi.Couplings(bounded(g, "p", p), bounded(g, "n", n), bounded(g, "e", e));
      return new Ngi.Structure(override(all, nue), override(all, numu), override(all, nutau), m);
    }

    private static Ngi.Couplings override(Ngi.Couplings all, Optional<FlavourKeys> f) {
      if (f.isEmpty()) {
        return all;
      }
      FlavourKeys k = f.get();
      return new Ngi.Couplings(k.p().isPresent() ? k.p().getAsDouble() : all.p(),
          k.n().isPresent() ? k.n().getAsDouble() : all.n(), k.e().isPresent() ? k.e().getAsDouble() : all.e());
    }
  }

  /**
   * The couplings of one flavour (or flavour pair) in an NGI structure: {@code {p: .., n: .., e: ..}}, each optional,
   * within the bound of ε.
   */
  record FlavourKeys(@JsonProperty("p") OptionalDouble p, @JsonProperty("n") OptionalDouble n,
      @JsonProperty("e") OptionalDouble e) {
    FlavourKeys {
      bounded(Group.EPSILON, "p", p);
      bounded(Group.EPSILON, "n", n);
      bounded(Group.EPSILON, "e", e);
    }
  }
}
