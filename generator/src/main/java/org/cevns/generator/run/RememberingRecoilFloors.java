package org.cevns.generator.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cevns.generator.model.Channel;
import org.cevns.generator.sample.FluxAveragedXs;

/** {@link RecoilFloors#remembering}: the floors of another, each window's ⟨σ⟩ above its floor computed once. */
final class RememberingRecoilFloors implements RecoilFloors {
  private final RecoilFloors floors;
  /** ⟨σ⟩ in cm² per target of a window, by spectrum, cross section (identity) and floor. */
  private final Map<Window, Double> xsCm2 = new ConcurrentHashMap<>();

  /** A window: spectrum and cross section by identity (the model's shared instances), floor by value. */
  private record Window(IdentityKey spectrum, IdentityKey xs, double minRecoilMeV) {}

  /** An object compared by identity (a record component's equals would call the object's own). */
  private static final class IdentityKey {
    private final Object object;

    IdentityKey(Object object) {
      this.object = object;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.object == object;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(object);
    }
  }

  RememberingRecoilFloors(RecoilFloors floors) {
    this.floors = floors;
  }

  @Override
  public double minRecoilMeV(Channel c) {
    return floors.minRecoilMeV(c);
  }

  @Override
  public double windowXsCm2(Channel c) {
    double floorMeV = minRecoilMeV(c);
    return xsCm2.computeIfAbsent(new Window(new IdentityKey(c.component().spectrum()), new IdentityKey(c.xs()),
        floorMeV), k -> FluxAveragedXs.inWindowCm2(c.component().spectrum(), c.xs(), floorMeV,
        Double.POSITIVE_INFINITY));
  }
}
