package org.cevns.physics.formfactor;

import java.util.Locale;

/**
 * Form-factor models selectable in the configuration ({@code physics.form_factor}: {@code helm},
 * {@code klein-nystrand}, {@code symmetrized-fermi}, {@code unity}).
 */
public enum FormFactorModel {
  /** {@link HelmFormFactor}, Lewin–Smith default radius. */
  HELM,
  /** {@link KleinNystrandFormFactor}, R_A = 1.2 A^{1/3} fm default. */
  KLEIN_NYSTRAND,
  /** {@link SymmetrizedFermiFormFactor}, c = 1.23 A^{1/3} − 0.60 fm, a = 0.52 fm default. */
  SYMMETRIZED_FERMI,
  /** {@link UnityFormFactor}: F = 1. */
  UNITY;

  /**
   * The form factor of this model for mass number {@code massNumber}; {@code rmsRadiusFm} imposes the rms radius
   * of the density, {@code Double.NaN} selects the model's default. UNITY ignores both arguments.
   */
  public FormFactor create(int massNumber, double rmsRadiusFm) {
    if (massNumber < 1) {
      throw new IllegalArgumentException("form factor mass number: must be >= 1, got " + massNumber);
    }
    boolean byDefault = Double.isNaN(rmsRadiusFm);
    if (!byDefault && !(rmsRadiusFm > 0 && Double.isFinite(rmsRadiusFm))) {
      throw new IllegalArgumentException("form factor rmsRadiusFm: must be > 0 (or NaN for the default), got "
          + rmsRadiusFm);
    }
    switch (this) {
      case HELM:
        return byDefault ? HelmFormFactor.lewinSmith(massNumber) : HelmFormFactor.withRmsRadius(rmsRadiusFm);
      case KLEIN_NYSTRAND:
        return byDefault ? KleinNystrandFormFactor.of(massNumber) : KleinNystrandFormFactor.withRmsRadius(rmsRadiusFm);
      case SYMMETRIZED_FERMI:
        return byDefault ? SymmetrizedFermiFormFactor.of(massNumber)
            : SymmetrizedFermiFormFactor.withRmsRadius(rmsRadiusFm);
      case UNITY:
        return UnityFormFactor.INSTANCE;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The smallest rms radius in fm this model can be given ({@link #create} refuses a radius at or below it): Helm
   * √3·s (s = 0.9 fm), 1.559 fm; Klein–Nystrand √6·a_k (a_k = 0.7 fm), 1.715 fm; symmetrised Fermi √(7/5)·π·a
   * (a = 0.52 fm), 1.933 fm; 0 for unity (no radius). The fixed skin, range or diffuseness alone has this rms radius,
   * so the proton's 0.84 fm, for instance, is below each of them.
   */
  public double minRmsRadiusFm() {
    switch (this) {
      case HELM:
        return HelmFormFactor.MIN_RMS_RADIUS_FM;
      case KLEIN_NYSTRAND:
        return KleinNystrandFormFactor.MIN_RMS_RADIUS_FM;
      case SYMMETRIZED_FERMI:
        return SymmetrizedFermiFormFactor.MIN_RMS_RADIUS_FM;
      case UNITY:
        return 0;
      default:
        throw new AssertionError(this);
    }
  }

  /** The configuration spelling, e.g. {@code klein-nystrand}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses the configuration spelling. */
  public static FormFactorModel fromConfigName(String s) {
    for (FormFactorModel m : values()) {
      if (m.configName().equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown form factor '" + s
        + "', allowed: helm, klein-nystrand, symmetrized-fermi, unity");
  }
}
