package org.cevns.physics.formfactor;

/** F(q) = 1: a point-like nucleus (full coherence at every q); for tests and for comparisons. */
public final class UnityFormFactor implements FormFactor {
  /** The single instance. */
  public static final UnityFormFactor INSTANCE = new UnityFormFactor();

  private UnityFormFactor() {}

  @Override
  public double value(double momentumTransferMeV) {
    return 1.0;
  }

  @Override
  public double rmsRadiusFm() {
    return 0.0;
  }

  @Override
  public String toString() {
    return "Unity";
  }
}
