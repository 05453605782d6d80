package org.cevns.physics.xs.bsm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cevns.physics.Flavor;

/**
 * A point in the space of new-physics parameters: the value the cross sections of this package take. Immutable;
 * {@link #with(String, double)} gives a copy with one parameter changed, by its scan name:
 * <table>
 *   <caption>Scan names (the configuration keys under {@code physics:} joined by dots)</caption>
 *   <tr><td>{@code nsi.u.ee}, {@code nsi.d.mutau}, {@code nsi.e.etau}, …</td><td>vector NSI ε^{qV}_{αβ}, q ∈ u, d, e;
 *       αβ ∈ ee, mumu, tautau, emu, etau, mutau (symmetric)</td></tr>
 *   <tr><td>{@code magnetic_moment_mub.nue}, {@code magnetic_moment_mub.emu}, …</td><td>magnetic moment μ_αα and
 *       transition moments μ_αβ (α ≠ β) in μ_B ({@link MagneticMoments}: ν_α sees Σ_β μ_αβ²);
 *       {@code magnetic_moment_mub.all}: μ_ee = μ_μμ = μ_ττ (set: all three, read: only when they agree)</td></tr>
 *   <tr><td>{@code millicharge_e.nue}</td><td>millicharge Q_ν in units of e</td></tr>
 *   <tr><td>{@code charge_radius_cm2.numu}</td><td>charge radius ⟨r²_ν⟩ in cm² (beyond the coupling scheme's)</td></tr>
 *   <tr><td>{@code millicharge_e.all}, {@code charge_radius_cm2.all}, {@code sterile.dipole_mub.all}</td><td>one
 *       value for the three flavours (set: all three, read: only when they agree), as
 *       {@code magnetic_moment_mub.all}</td></tr>
 *   <tr><td>{@code mediator[0].mass_mev}, {@code mediator[0].g}, {@code mediator[0].g_nu}, {@code .g_u},
 *       {@code .g_d}, {@code .g_e}</td><td>light mediator k; {@code g} sets all four couplings to one value</td></tr>
 *   <tr><td>{@code sterile.mass_mev}, {@code sterile.dipole_mub.numu}</td><td>dipole-portal sterile neutrino</td></tr>
 *   <tr><td>{@code ngi.scalar.p}, {@code ngi.tensor.e}, {@code ngi.vector.mass_mev}, {@code ngi.tensor.numu.n},
 *       …</td><td>generalised interactions ({@link Ngi}): structure scalar|vector|axial|tensor|pseudoscalar; p|n|e
 *       (the same for the three flavours; set: all three, read: only when they agree), mediator mass, or
 *       {@code <nue|numu|nutau>.<p|n|e>} for one flavour (ν and ν̄), {@code <emu|etau|mutau>.<p|n|e>}
 *       flavour-changing (e.g. {@code ngi.tensor.mutau.n}); the pseudoscalar has e only</td></tr>
 * </table>
 * Mediators and the sterile neutrino must exist in the point (from the configuration) before their parameters
 * can be set.
 *
 * @param nsiU vector NSI with u quarks
 * @param nsiD vector NSI with d quarks
 * @param nsiE vector NSI with electrons (EvES)
 * @param magneticMomentMuB magnetic and transition moments, μ_B
 * @param millichargeE Q_ν per flavour, e
 * @param chargeRadiusCm2 ⟨r²_ν⟩ per flavour, cm²
 * @param mediators light mediators, in configuration order
 * @param sterile the dipole-portal sterile neutrino, if any
 * @param ngi generalised interactions with nucleons (CEvNS) and electrons (EvES)
 */
public record NewPhysics(
    FlavourMatrix nsiU,
    FlavourMatrix nsiD,
    FlavourMatrix nsiE,
    MagneticMoments magneticMomentMuB,
    PerFlavour millichargeE,
    PerFlavour chargeRadiusCm2,
    List<Mediator> mediators,
    Optional<Sterile> sterile,
    Ngi ngi) {

  /** The Standard Model: every parameter zero, no mediator, no sterile neutrino. */
  public static final NewPhysics NONE = new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO,
      MagneticMoments.ZERO, PerFlavour.ZERO, PerFlavour.ZERO, List.of(), Optional.empty(), Ngi.ZERO);

  private static final Pattern MEDIATOR = Pattern.compile("mediator\\[(\\d+)]\\.(\\w+)");

  /** Validates presence; copies the mediator list. */
  public NewPhysics {
    if (nsiU == null || nsiD == null || nsiE == null || magneticMomentMuB == null || millichargeE == null
        || chargeRadiusCm2 == null || mediators == null || sterile == null || ngi == null) {
      throw new IllegalArgumentException("new physics: every part must be given (use zeros)");
    }
    mediators = List.copyOf(mediators);
  }

  /** A point with flavour-diagonal magnetic moments only (no transition moments). */
  public NewPhysics(FlavourMatrix nsiU, FlavourMatrix nsiD, FlavourMatrix nsiE, PerFlavour magneticMomentMuB,
      PerFlavour millichargeE, PerFlavour chargeRadiusCm2, List<Mediator> mediators, Optional<Sterile> sterile,
      Ngi ngi) {
    this(nsiU, nsiD, nsiE, MagneticMoments.of(magneticMomentMuB), millichargeE, chargeRadiusCm2, mediators, sterile,
        ngi);
  }

  /** True when this point is the Standard Model (every cross section equals its Standard-Model one). */
  public boolean isStandardModel() {
    return nsiU.isZero() && nsiD.isZero() && nsiE.isZero() && magneticMomentMuB.isZero() && millichargeE.isZero()
        && chargeRadiusCm2.isZero() && mediators.stream().allMatch(Mediator::isInert) && sterile.isEmpty()
        && ngi.isZero();
  }

  /**
   * {@code equals(NONE)}, component by component as the record's generated {@code equals} compares (
   * {@link Objects#equals} for the parts, {@link Double#compare} for the numbers of the per-flavour parts), but
   * without linking that generated method: its first call spins ~30 method-handle classes at run time (not in the
   * class-data archive), ~0.1 s of the main thread of a small `generate` at load (the resolved configuration of its
   * metadata asks this; docs/performance-history.md, "refrates3 (thirty-second session)"). A configuration without
   * new-physics keys binds the {@code ZERO} constants themselves, so their comparisons are identities.
   */
  public boolean sameAsNone() {
    return this == NONE || Objects.equals(nsiU, NONE.nsiU) && Objects.equals(nsiD, NONE.nsiD)
        && Objects.equals(nsiE, NONE.nsiE) && Objects.equals(magneticMomentMuB, NONE.magneticMomentMuB)
        && sameNumbers(millichargeE, NONE.millichargeE) && sameNumbers(chargeRadiusCm2, NONE.chargeRadiusCm2)
        && Objects.equals(mediators, NONE.mediators) && Objects.equals(sterile, NONE.sterile)
        && Objects.equals(ngi, NONE.ngi);
  }

  /** {@code a.equals(b)} of the record {@link PerFlavour}, spelled out. */
  private static boolean sameNumbers(PerFlavour a, PerFlavour b) {
    return Double.compare(a.nue(), b.nue()) == 0 && Double.compare(a.numu(), b.numu()) == 0
        && Double.compare(a.nutau(), b.nutau()) == 0;
  }

  /**
   * True when the elastic cross sections of {@code flavor} have a term that grows like 1/T at small recoil
   * (magnetic or transition moment, millicharge): the integral over recoils then needs a lower cutoff (the recoil floor).
   */
  public boolean hasInverseRecoilTerm(Flavor flavor) {
    return magneticMomentMuB.acts(PerFlavour.index(flavor)) || millichargeE.get(flavor) != 0;
  }

  /**
   * True when the cross sections of {@code flavor} are generated from the recoil floor upward, with recoil
   * tables in ln T: a 1/T term ({@link #hasInverseRecoilTerm}), or a light mediator (its propagator
   * 1/(2MT + m²) makes dσ/dT peak or fall within T ≲ m²/2M, far below the scale of the Standard-Model shape).
   */
  public boolean needsRecoilFloor(Flavor flavor) {
    return hasInverseRecoilTerm(flavor) || mediators.stream().anyMatch(m -> !m.isInert())
        || ngi.hasLightMediator(PerFlavour.index(flavor));
  }

  /** Value of the parameter with scan name {@code name}. */
  public double get(String name) {
    String[] p = name.split("\\.", 3);
    try {
      switch (p[0]) {
        case "nsi":
          return nsi(p, name).get(part(p, 2, name));
        case "magnetic_moment_mub":
          return magneticMomentMuB.get(part(p, 1, name));
        case "millicharge_e":
          return millichargeE.get(part(p, 1, name));
        case "charge_radius_cm2":
          return chargeRadiusCm2.get(part(p, 1, name));
        case "ngi":
          return ngi.get(part(p, 1, name), part(p, 2, name));
        case "sterile":
          Sterile s = sterile.orElseThrow(() -> new IllegalArgumentException("no sterile neutrino configured"));
          if (name.equals("sterile.mass_mev")) {
            return s.massMeV();
          }
          if (p.length == 3 && p[1].equals("dipole_mub")) {
            return s.dipoleMuB().get(p[2]);
          }
          throw new IllegalArgumentException("allowed: sterile.mass_mev, sterile.dipole_mub.<nue|numu|nutau|all>");
        default:
          Matcher m = MEDIATOR.matcher(name);
          if (m.matches()) {
            return mediator(m).get(m.group(2));
          }
          throw new IllegalArgumentException("unknown parameter");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("physics parameter '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Copy with the parameter {@code name} set to {@code value} (validated as in the configuration). */
  public NewPhysics with(String name, double value) {
    String[] p = name.split("\\.", 3);
    try {
      switch (p[0]) {
        case "nsi": {
          FlavourMatrix changed = nsi(p, name).with(part(p, 2, name), value);
          return switch (p[1]) {
            case "u" -> new NewPhysics(changed, nsiD, nsiE, magneticMomentMuB, millichargeE, chargeRadiusCm2,
                mediators, sterile, ngi);
            case "d" -> new NewPhysics(nsiU, changed, nsiE, magneticMomentMuB, millichargeE, chargeRadiusCm2,
                mediators, sterile, ngi);
            default -> new NewPhysics(nsiU, nsiD, changed, magneticMomentMuB, millichargeE, chargeRadiusCm2,
                mediators, sterile, ngi);
          };
        }
        case "magnetic_moment_mub":
          return new NewPhysics(nsiU, nsiD, nsiE, magneticMomentMuB.with(part(p, 1, name), value), millichargeE,
              chargeRadiusCm2, mediators, sterile, ngi);
        case "millicharge_e":
          return new NewPhysics(nsiU, nsiD, nsiE, magneticMomentMuB, millichargeE.with(part(p, 1, name), value),
              chargeRadiusCm2, mediators, sterile, ngi);
        case "charge_radius_cm2":
          return new NewPhysics(nsiU, nsiD, nsiE, magneticMomentMuB, millichargeE,
              chargeRadiusCm2.with(part(p, 1, name), value), mediators, sterile, ngi);
        case "ngi":
          return new NewPhysics(nsiU, nsiD, nsiE, magneticMomentMuB, millichargeE, chargeRadiusCm2, mediators, sterile,
              ngi.with(part(p, 1, name), part(p, 2, name), value));
        case "sterile": {
          Sterile s = sterile.orElseThrow(() -> new IllegalArgumentException("no sterile neutrino configured"));
          Sterile changed;
          if (name.equals("sterile.mass_mev")) {
            changed = new Sterile(value, s.dipoleMuB());
          } else if (p.length == 3 && p[1].equals("dipole_mub")) {
            changed = new Sterile(s.massMeV(), s.dipoleMuB().with(p[2], value));
          } else {
            throw new IllegalArgumentException("allowed: sterile.mass_mev, sterile.dipole_mub.<nue|numu|nutau|all>");
          }
          return new NewPhysics(nsiU, nsiD, nsiE, magneticMomentMuB, millichargeE, chargeRadiusCm2, mediators,
              Optional.of(changed), ngi);
        }
        default: {
          Matcher m = MEDIATOR.matcher(name);
          if (!m.matches()) {
            throw new IllegalArgumentException("unknown parameter");
          }
          List<Mediator> list = new ArrayList<>(mediators);
          int k = Integer.parseInt(m.group(1));
          list.set(k, mediator(m).with(m.group(2), value));
          return new NewPhysics(nsiU, nsiD, nsiE, magneticMomentMuB, millichargeE, chargeRadiusCm2, list, sterile,
              ngi);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("physics parameter '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Every scan name settable on this point: the NSI, electromagnetic parameters, and those of the configured
   * mediators and sterile neutrino.
   */
  public List<String> parameterNames() {
    List<String> out = new ArrayList<>();
    for (String q : new String[] {"u", "d", "e"}) {
      for (String k : FlavourMatrix.KEYS) {
        out.add("nsi." + q + "." + k);
      }
    }
    for (String f : MagneticMoments.KEYS) {
      out.add("magnetic_moment_mub." + f);
    }
    out.add("magnetic_moment_mub." + MagneticMoments.ALL);
    for (String group : new String[] {"millicharge_e", "charge_radius_cm2"}) {
      for (String f : PerFlavour.KEYS) {
        out.add(group + "." + f);
      }
      out.add(group + "." + PerFlavour.ALL);
    }
    out.addAll(Ngi.parameterNames());
    for (int k = 0; k < mediators.size(); k++) {
      for (String s : Mediator.KEYS) {
        out.add("mediator[" + k + "]." + s);
      }
    }
    if (sterile.isPresent()) {
      out.add("sterile.mass_mev");
      for (String f : PerFlavour.KEYS) {
        out.add("sterile.dipole_mub." + f);
      }
      out.add("sterile.dipole_mub." + PerFlavour.ALL);
    }
    return out;
  }

  /**
   * The parameters of this point that differ from the Standard Model, by scan name, in {@link #parameterNames()}
   * order: non-zero NSI and electromagnetic values, every coupling and mass of a non-inert mediator, the sterile
   * mass and non-zero dipole moments, non-zero NGI couplings (by the flavour-universal name when the three
   * flavours agree, else per flavour) and the masses of NGI structures with a coupling.
   */
  public java.util.Map<String, Double> nonZeroParameters() {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (String name : parameterNames()) {
      if (name.endsWith("].g") || name.endsWith("." + PerFlavour.ALL)) {
        continue; // the common coupling repeats g_nu … g_e, a common value (….all) nue, numu, nutau
      }
      if (name.startsWith("mediator[")) {
        int k = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.indexOf(']')));
        if (mediators.get(k).isInert()) {
          continue;
        }
        out.put(name, get(name));
        continue;
      }
      if (name.startsWith("ngi.")) {
        String[] p = name.split("\\.", 3);
        if (ngi.reported(p[1], p[2])) {
          out.put(name, get(name));
        }
        continue;
      }
      double v = get(name);
      if (v != 0 || name.equals("sterile.mass_mev")) {
        out.put(name, v);
      }
    }
    return out;
  }

  private FlavourMatrix nsi(String[] p, String name) {
    return switch (part(p, 1, name)) {
      case "u" -> nsiU;
      case "d" -> nsiD;
      case "e" -> nsiE;
      default -> throw new IllegalArgumentException("NSI fermion must be u, d or e");
    };
  }

  private Mediator mediator(Matcher m) {
    int k;
    try {
      k = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      k = Integer.MAX_VALUE;
    }
    if (k >= mediators.size()) {
      throw new IllegalArgumentException(mediators.isEmpty() ? "no mediator configured"
          : "mediator index must be in [0, " + (mediators.size() - 1) + "]");
    }
    return mediators.get(k);
  }

  private static String part(String[] p, int i, String name) {
    if (p.length <= i) {
      throw new IllegalArgumentException("incomplete name");
    }
    return p[i];
  }
}
