package org.cevns.physics.xs.bsm;

import org.cevns.physics.Flavor;

/**
 * Neutrino magnetic moments in Bohr magnetons μ_B: the flavour-diagonal moments μ_αα ({@code nue, numu, nutau})
 * and the transition moments μ_αβ = μ_βα, α ≠ β ({@code emu, etau, mutau}; real, CP phases not modelled). The
 * magnetic scattering flips helicity and does not interfere with the weak amplitude, and ν_α scatters through μ_αβ
 * into ν_β: the final flavours add incoherently, so ν_α (and ν̄_α) sees the effective moment
 * μ_α² = Σ_β |μ_αβ|² = μ_αα² + Σ_{β≠α} μ_αβ² (Giunti &amp; Studenikin, Rev. Mod. Phys. 87 (2015) 531, the effective
 * magnetic moment of a flavour state, here with the flavour-basis moments as the parameters).
 *
 * @param nue μ_ee
 * @param numu μ_μμ
 * @param nutau μ_ττ
 * @param emu transition moment μ_eμ = μ_μe
 * @param etau transition moment μ_eτ = μ_τe
 * @param mutau transition moment μ_μτ = μ_τμ
 */
public record MagneticMoments(double nue, double numu, double nutau, double emu, double etau, double mutau) {

  /** All zero. */
  public static final MagneticMoments ZERO = new MagneticMoments(0, 0, 0, 0, 0, 0);

  /** Configuration and scan-name keys, diagonal then transition moments. */
  public static final String[] KEYS = {"nue", "numu", "nutau", "emu", "etau", "mutau"};

  /**
   * Key of the flavour-universal moment μ_ee = μ_μμ = μ_ττ ({@link #with}: sets the three; {@link #get}: their value
   * when they agree). The effective moment a solar-neutrino electron-recoil search quotes (one μ_ν whatever the
   * flavour mixture reaching the detector, e.g. XENONnT, Phys. Rev. Lett. 129 (2022) 161805); transition moments
   * are separate parameters.
   */
  public static final String ALL = PerFlavour.ALL;

  /** Validates that every moment is finite. */
  public MagneticMoments {
    for (double v : new double[] {nue, numu, nutau, emu, etau, mutau}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("magnetic moments must be finite, got " + v);
      }
    }
  }

  /** Flavour-diagonal moments only. */
  public static MagneticMoments of(PerFlavour diagonal) {
    return new MagneticMoments(diagonal.nue(), diagonal.numu(), diagonal.nutau(), 0, 0, 0);
  }

  /** The flavour-diagonal moments μ_αα. */
  public PerFlavour diagonal() {
    return new PerFlavour(nue, numu, nutau);
  }

  /** The effective moment squared μ_α² = Σ_β μ_αβ² of lepton-flavour index 0 (e), 1 (μ), 2 (τ), in μ_B². */
  public double effectiveSquared(int alpha) {
    double d = diagonal().get(alpha);
    double a = alpha == 2 ? etau : emu;
    double b = alpha == 0 ? etau : mutau;
    return d * d + a * a + b * b;
  }

  /** The effective moment squared of {@code flavor} (ν and ν̄ share it), in μ_B². */
  public double effectiveSquared(Flavor flavor) {
    return effectiveSquared(PerFlavour.index(flavor));
  }

  /** True when a moment that scatters lepton-flavour index {@code alpha} (diagonal or transition) is non-zero. */
  public boolean acts(int alpha) {
    return diagonal().get(alpha) != 0 || (alpha == 2 ? etau : emu) != 0 || (alpha == 0 ? etau : mutau) != 0;
  }

  /** Moment named {@code key} ({@link #KEYS}). */
  public double get(String key) {
    return switch (key) {
      case "nue" -> nue;
      case "numu" -> numu;
      case "nutau" -> nutau;
      case "emu" -> emu;
      case "etau" -> etau;
      case "mutau" -> mutau;
      case ALL -> diagonal().get(ALL);
      default -> throw unknown(key);
    };
  }

  /** Copy with the moment {@code key} replaced ({@link #ALL}: the three flavour-diagonal moments). */
  public MagneticMoments with(String key, double v) {
    return switch (key) {
      case "nue" -> new MagneticMoments(v, numu, nutau, emu, etau, mutau);
      case "numu" -> new MagneticMoments(nue, v, nutau, emu, etau, mutau);
      case "nutau" -> new MagneticMoments(nue, numu, v, emu, etau, mutau);
      case "emu" -> new MagneticMoments(nue, numu, nutau, v, etau, mutau);
      case "etau" -> new MagneticMoments(nue, numu, nutau, emu, v, mutau);
      case "mutau" -> new MagneticMoments(nue, numu, nutau, emu, etau, v);
      case ALL -> new MagneticMoments(v, v, v, emu, etau, mutau);
      default -> throw unknown(key);
    };
  }

  /** True when every moment is 0. */
  public boolean isZero() {
    return nue == 0 && numu == 0 && nutau == 0 && emu == 0 && etau == 0 && mutau == 0;
  }

  private static IllegalArgumentException unknown(String key) {
    return new IllegalArgumentException("unknown flavour '" + key + "', allowed: nue, numu, nutau (one flavour), emu,"
        + " etau, mutau (transition moments), all (nue = numu = nutau)");
  }
}
