package org.cevns.detsim.efficiency;

import java.util.List;
import org.cevns.physics.Checks;

/**
 * Product of independent efficiencies, e.g. trigger × analysis cuts × dead time: ε = Π ε_k. The factors must
 * be independent given the observation.
 */
final class ProductEfficiency implements Efficiency {
  private final List<Efficiency> factors;

  private ProductEfficiency(List<Efficiency> factors) {
    this.factors = factors;
  }

  /** @param factors at least one efficiency, no nulls */
  public static ProductEfficiency of(List<? extends Efficiency> factors) {
    // not factors.contains(null): an immutable list (List.of) throws NullPointerException on that
    if (factors == null || factors.isEmpty() || factors.stream().anyMatch(java.util.Objects::isNull)) {
      throw Checks.fail("factors", "a non-empty list of efficiencies without nulls", factors);
    }
    return new ProductEfficiency(List.copyOf(factors));
  }

  /** Varargs form of {@link #of(List)}. */
  public static ProductEfficiency of(Efficiency... factors) {
    return of(factors == null ? null : java.util.Arrays.asList(factors));
  }

  public List<Efficiency> factors() {
    return factors;
  }

  @Override
  public double probability(double observedKeVee, double photoelectrons) {
    double p = 1.0;
    for (Efficiency e : factors) {
      p *= e.probability(observedKeVee, photoelectrons);
      if (p == 0) {
        return 0.0;
      }
    }
    return p;
  }

  @Override
  public boolean constantFrom(double observedKeVee, double photoelectrons) {
    for (Efficiency e : factors) {
      if (!e.constantFrom(observedKeVee, photoelectrons)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ProductEfficiency" + factors;
  }
}
