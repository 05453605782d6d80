package org.cevns.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cevns.physics.xs.bsm.FlavourMatrix;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.PerFlavour;
import org.cevns.physics.xs.bsm.Sterile;

/**
 * Reads the new-physics keys of the {@code physics} section ({@code nsi}, {@code magnetic_moment_mub},
 * {@code millicharge_e}, {@code charge_radius_cm2}, {@code mediators}, {@code sterile}) into a
 * {@link NewPhysics}. Every key is optional and 0 by default; errors name the key path.
 */
final class NewPhysicsParser {
  /** The new-physics keys of {@code physics}. */
  static final String[] KEYS = {
    "nsi", "magnetic_moment_mub", "millicharge_e", "charge_radius_cm2", "mediators", "sterile"
  };

  private NewPhysicsParser() {}

  static NewPhysics parse(ConfigNode p) {
    FlavourMatrix u = FlavourMatrix.ZERO;
    FlavourMatrix d = FlavourMatrix.ZERO;
    FlavourMatrix e = FlavourMatrix.ZERO;
    Optional<ConfigNode> nsi = p.optionalMap("nsi");
    if (nsi.isPresent()) {
      ConfigNode n = nsi.get().allowKeys("u", "d", "e");
      u = n.optionalMap("u").map(NewPhysicsParser::matrix).orElse(FlavourMatrix.ZERO);
      d = n.optionalMap("d").map(NewPhysicsParser::matrix).orElse(FlavourMatrix.ZERO);
      e = n.optionalMap("e").map(NewPhysicsParser::matrix).orElse(FlavourMatrix.ZERO);
      n.requireAllConsumed();
    }
    PerFlavour mu = p.optionalMap("magnetic_moment_mub").map(NewPhysicsParser::perFlavour).orElse(PerFlavour.ZERO);
    PerFlavour q = p.optionalMap("millicharge_e").map(NewPhysicsParser::perFlavour).orElse(PerFlavour.ZERO);
    PerFlavour r = p.optionalMap("charge_radius_cm2").map(NewPhysicsParser::perFlavour).orElse(PerFlavour.ZERO);
    List<Mediator> mediators = new ArrayList<>();
    p.optionalList("mediators").ifPresent(list -> list.forEach(m -> mediators.add(mediator(m))));
    Optional<Sterile> sterile = p.optionalMap("sterile").map(NewPhysicsParser::sterile);
    return new NewPhysics(u, d, e, mu, q, r, mediators, sterile);
  }

  private static FlavourMatrix matrix(ConfigNode m) {
    m.allowKeys(FlavourMatrix.KEYS);
    double[] v = new double[FlavourMatrix.KEYS.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = m.optionalDouble(FlavourMatrix.KEYS[i], DoubleRange.FINITE).orElse(0);
    }
    m.requireAllConsumed();
    return new FlavourMatrix(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  private static PerFlavour perFlavour(ConfigNode m) {
    m.allowKeys(PerFlavour.KEYS);
    double nue = m.optionalDouble("nue", DoubleRange.FINITE).orElse(0);
    double numu = m.optionalDouble("numu", DoubleRange.FINITE).orElse(0);
    double nutau = m.optionalDouble("nutau", DoubleRange.FINITE).orElse(0);
    m.requireAllConsumed();
    return new PerFlavour(nue, numu, nutau);
  }

  private static Mediator mediator(ConfigNode m) {
    m.requireMap().allowKeys("type", "mass_mev", "g", "g_nu", "g_u", "g_d", "g_e");
    Mediator.Type type = m.requiredEnum("type", Mediator.Type.class);
    double mass = m.requiredDouble("mass_mev", DoubleRange.POSITIVE);
    var common = m.optionalDouble("g", DoubleRange.FINITE);
    if (common.isPresent()) {
      for (String k : new String[] {"g_nu", "g_u", "g_d", "g_e"}) {
        if (m.has(k)) {
          throw m.required(k).problem("give either g (one coupling for neutrinos, u, d and e) or the g_* couplings,"
              + " not both");
        }
      }
      m.requireAllConsumed();
      double g = common.getAsDouble();
      return new Mediator(type, mass, g, g, g, g);
    }
    double gNu = m.optionalDouble("g_nu", DoubleRange.FINITE).orElse(0);
    double gU = m.optionalDouble("g_u", DoubleRange.FINITE).orElse(0);
    double gD = m.optionalDouble("g_d", DoubleRange.FINITE).orElse(0);
    double gE = m.optionalDouble("g_e", DoubleRange.FINITE).orElse(0);
    m.requireAllConsumed();
    return new Mediator(type, mass, gNu, gU, gD, gE);
  }

  private static Sterile sterile(ConfigNode s) {
    s.allowKeys("mass_mev", "dipole_mub");
    double mass = s.requiredDouble("mass_mev", DoubleRange.POSITIVE);
    PerFlavour dipole = perFlavour(s.requiredMap("dipole_mub"));
    s.requireAllConsumed();
    return new Sterile(mass, dipole);
  }
}
