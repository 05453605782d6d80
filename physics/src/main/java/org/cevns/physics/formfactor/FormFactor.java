package org.cevns.physics.formfactor;

/**
 * Nuclear (weak-charge, proton, neutron or axial) form factor F(q): the Fourier transform of a normalised,
 * spherically symmetric density, so F(0) = 1 and F(q) ≈ 1 − q²⟨r²⟩/6 at small q. The momentum transfer q is in
 * MeV (natural units); implementations convert to fm⁻¹ with ħc = 197.3269804 MeV fm. F is even in q; callers
 * pass q ≥ 0. Implementations are immutable and cheap to evaluate (they are called inside integrals).
 */
public interface FormFactor {

  /** F(q) for momentum transfer {@code momentumTransferMeV} (q ≥ 0, in MeV). */
  double value(double momentumTransferMeV);

  /** Root-mean-square radius of the underlying density in fm (0 for a point nucleus). */
  double rmsRadiusFm();

  /**
   * True when {@code other} returns the same double as this form factor for every q (the same object, or the same
   * model with the same parameters), so that a caller may evaluate one of them for both; identity by default.
   */
  default boolean sameValuesAs(FormFactor other) {
    return this == other;
  }
}
