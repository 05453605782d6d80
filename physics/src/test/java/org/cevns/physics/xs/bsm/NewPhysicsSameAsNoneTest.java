package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link NewPhysics#sameAsNone} is {@code equals(NewPhysics.NONE)} on every kind of point. */
class NewPhysicsSameAsNoneTest {
  @Test
  void agreesWithTheRecordsEquals() {
    List<NewPhysics> points = new ArrayList<>();
    points.add(NewPhysics.NONE);
    // NONE's value in fresh objects (as a configuration binds per-flavour values), -0.0 and NaN (which the record's
    // equals tells from 0.0 by Double.compare; NaN is refused by the records), an inert mediator (isStandardModel,
    // yet not NONE)
    points.add(new NewPhysics(new FlavourMatrix(0, 0, 0, 0, 0, 0), new FlavourMatrix(0, 0, 0, 0, 0, 0),
        new FlavourMatrix(0, 0, 0, 0, 0, 0), new MagneticMoments(0, 0, 0, 0, 0, 0), new PerFlavour(0, 0, 0),
        new PerFlavour(0, 0, 0), new ArrayList<>(), Optional.empty(), new Ngi(Ngi.Structure.ZERO, Ngi.Structure.ZERO,
        Ngi.Structure.ZERO, Ngi.Structure.ZERO, Ngi.Structure.ZERO)));
    for (double v : new double[] {-0.0, 1e-300, 0.25}) {
      for (String name : List.of("millicharge_e.nue", "millicharge_e.numu", "charge_radius_cm2.nutau",
          "charge_radius_cm2.all", "nsi.u.ee", "nsi.d.mutau", "nsi.e.etau", "magnetic_moment_mub.emu",
          "ngi.tensor.e", "ngi.scalar.numu.n")) {
        points.add(NewPhysics.NONE.with(name, v));
      }
    }
    points.add(new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO, List.of(new Mediator(Mediator.Type.VECTOR, 10, 0, 0, 0, 0)),
        Optional.empty(), Ngi.ZERO));
    points.add(new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO, List.of(), Optional.of(new Sterile(5, PerFlavour.ZERO)), Ngi.ZERO));
    for (NewPhysics p : points) {
      assertEquals(p.equals(NewPhysics.NONE), p.sameAsNone(), p.toString());
    }
    assertEquals(2, points.stream().filter(NewPhysics::sameAsNone).count());
  }

  /** sameAsNone spells out the record's components: a component added later must be compared there too. */
  @Test
  void comparesEveryComponent() {
    assertEquals(9, NewPhysics.class.getRecordComponents().length,
        "NewPhysics has another number of components: compare the new one in sameAsNone and count it here");
  }
}
