package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** {@link UniformTimeProfile}'s written-out equals and hashCode are those a record generates. */
class UniformTimeProfileTest {
  @Test
  void equalityIsTheRecords() {
    UniformTimeProfile a = UniformTimeProfile.of(3.6e12);
    assertEquals(a, UniformTimeProfile.of(3.6e12));
    assertEquals(a.hashCode(), UniformTimeProfile.of(3.6e12).hashCode());
    assertEquals(Double.hashCode(3.6e12), a.hashCode());
    assertNotEquals(a, UniformTimeProfile.of(3.7e12));
    assertNotEquals(a, (Object) "x");
    assertEquals(a.durationNs(), 3.6e12);
  }
}
