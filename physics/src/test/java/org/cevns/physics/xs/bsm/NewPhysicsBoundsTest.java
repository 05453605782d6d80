package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bound and reason of each parameter group by scan name, as the three prefix dispatchers of the twenty-fifth
 * session's first version gave them (one {@link NewPhysicsBounds.Group} since): a mass has no bound, whatever its family
 * ({@code ngi.<x>.mass_mev} is a mass here and an NGI name for its default scan scale); the message names the group's
 * reason.
 */
class NewPhysicsBoundsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "nsi.u.ee, EPSILON, 1e3, 1000 x the weak interaction",
    "ngi.v.mass_mev, EPSILON, Infinity, 1000 x the weak interaction",
    "ngi.s.e, EPSILON, 1e3, 1000 x the weak interaction",
    "magnetic_moment_mub.all, MAGNETIC_MOMENT, 1e-6, 1e5 x the laboratory limits",
    "magnetic_moment_mub.emu, MAGNETIC_MOMENT, 1e-6, 1e5 x the laboratory limits",
    "millicharge_e.nue, MILLICHARGE, 1e-3, 1e4 x the weakest laboratory limits",
    "charge_radius_cm2.numu, CHARGE_RADIUS, 1e-28, 1e3 x the limits",
    "sterile.dipole_mub.nue, DIPOLE, 1e-3, 100 x the weakest limits",
    "sterile.mass_mev, COUPLING, Infinity, perturbative",
    "mediator[0].g_u, COUPLING, 3.5449077018110318, perturbative",
    "mediator[1].mass_mev, COUPLING, Infinity, perturbative",
  })
  void boundAndReasonByGroup(String name, NewPhysicsBounds.Group group, double bound, String reason) {
    assertEquals(group, NewPhysicsBounds.Group.of(name));
    assertEquals(bound, NewPhysicsBounds.bound(name), 0.0);
    assertEquals(true, NewPhysicsBounds.reason(name).startsWith(reason), NewPhysicsBounds.reason(name));
  }
}
