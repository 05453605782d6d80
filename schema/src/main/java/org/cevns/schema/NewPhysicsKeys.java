package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.xs.bsm.FlavourMatrix;
import org.cevns.physics.xs.bsm.MagneticMoments;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.Ngi;
import org.cevns.physics.xs.bsm.PerFlavour;
import org.cevns.physics.xs.bsm.Sterile;

/**
 * The YAML shapes of the new-physics keys of {@code physics} ({@code nsi}, {@code magnetic_moment_mub},
 * {@code millicharge_e}, {@code charge_radius_cm2}, {@code mediators}, {@code sterile}, {@code ngi}), bound by
 * {@link ConfigBinding} and turned into the physics module's records (which know nothing of YAML). Every
 * coupling is optional, 0 by default, and finite.
 */
final class NewPhysicsKeys {
  private NewPhysicsKeys() {}

  private static double finite(String key, OptionalDouble v) {
    return v.isPresent() ? DoubleRange.FINITE.check(key, v.getAsDouble()) : 0;
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
      return new FlavourMatrix(finite("ee", ee), finite("mumu", mumu), finite("tautau", tautau), finite("emu", emu),
          finite("etau", etau), finite("mutau", mutau));
    }
  }

  /** One value per flavour: {@code {nue: .., numu: .., nutau: ..}}, or one for the three: {@code {all: ..}}. */
  record Flavours(@JsonProperty("nue") OptionalDouble nue, @JsonProperty("numu") OptionalDouble numu,
      @JsonProperty("nutau") OptionalDouble nutau, @JsonProperty("all") OptionalDouble all) {
    Flavours {
      values(nue, numu, nutau, all);
    }

    PerFlavour values() {
      return values(nue, numu, nutau, all);
    }

    private static PerFlavour values(OptionalDouble nue, OptionalDouble numu, OptionalDouble nutau,
        OptionalDouble all) {
      if (all.isPresent()) {
        requireAllAlone(nue, numu, nutau, "value");
        double v = finite(PerFlavour.ALL, all);
        return new PerFlavour(v, v, v);
      }
      return new PerFlavour(finite("nue", nue), finite("numu", numu), finite("nutau", nutau));
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
      if (all.isPresent()) {
        requireAllAlone(nue, numu, nutau, "moment");
        double common = finite(MagneticMoments.ALL, all);
        return new MagneticMoments(common, common, common, finite("emu", emu), finite("etau", etau),
            finite("mutau", mutau));
      }
      return new MagneticMoments(finite("nue", nue), finite("numu", numu), finite("nutau", nutau),
          finite("emu", emu), finite("etau", etau), finite("mutau", mutau));
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
      if (g.isPresent()) {
        double common = finite("g", g);
        String[] keys = {"g_nu", "g_u", "g_d", "g_e"};
        OptionalDouble[] given = {gNu, gU, gD, gE};
        for (int i = 0; i < keys.length; i++) {
          if (given[i].isPresent()) {
            throw new ConfigException(keys[i], "give either g (one coupling for neutrinos, u, d and e) or the g_*"
                + " couplings, not both");
          }
        }
        return new Mediator(type, massMeV, common, common, common, common);
      }
      return new Mediator(type, massMeV, finite("g_nu", gNu), finite("g_u", gU), finite("g_d", gD),
          finite("g_e", gE));
    }
  }

  /** A sterile neutrino for dipole upscattering: its mass and transition magnetic moments. */
  record SterileKeys(@JsonProperty(value = "mass_mev", required = true) double massMeV,
      @JsonProperty(value = "dipole_mub", required = true) Flavours dipoleMuB) {
    SterileKeys {
      DoubleRange.POSITIVE.check("mass_mev", massMeV);
    }

    Sterile sterile() {
      return new Sterile(massMeV, dipoleMuB.values());
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
      Ngi.Couplings all = new Ngi.Couplings(finite("p", p), finite("n", n), finite("e", e));
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

  /** The couplings of one flavour in an NGI structure: {@code {p: .., n: .., e: ..}}, each optional and finite. */
  record FlavourKeys(@JsonProperty("p") OptionalDouble p, @JsonProperty("n") OptionalDouble n,
      @JsonProperty("e") OptionalDouble e) {
    FlavourKeys {
      finite("p", p);
      finite("n", n);
      finite("e", e);
    }
  }
}
