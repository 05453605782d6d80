package org.cevns.analysis.reweight;

import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.NewPhysicsBounds;

/**
 * The new-physics parameters of a configuration as fit parameters ({@link NewPhysics} scan names) with their
 * default ranges, and the limits a scan's range may not cross. Default range: nominal ± h with
 * h = max(3 |nominal|, a scale of the parameter's group — NSI and NGI ε 1, μ_ν 1e-9 μ_B, Q_ν 1e-6 e, ⟨r²_ν⟩ 1e-30 cm²,
 * mediator coupling 1e-4, sterile dipole 1e-8 μ_B — chosen around the published limits so that a {@code fit}
 * without a grid has a useful table); mediator masses nominal/10 … 10 × nominal (an NGI structure's mass only when
 * configured &gt; 0; 0 is a contact interaction). Limits: masses stay &gt; 0;
 * the sterile mass may only rise above the simulated one (reweighting cannot create events beyond the simulated
 * upscattering kinematics, which a lighter N would have); sterile dipole moments are listed only when non-zero
 * in the configuration (otherwise the template simulation has no upscattering event to reweight). Every range
 * stays within the parameter's validity bound ({@link NewPhysicsBounds}). Every command that fits a μ_ν, Q_ν, ⟨r²⟩,
 * coupling or dipole ({@code fit}, {@code scan}, {@code sensitivity}, {@code run}, {@code analyze}, {@code toys})
 * replaces the fixed scale by the configuration's expected sensitivity
 * ({@code org.cevns.analysis.sim.SensitivityRanges}); the fixed scale remains the first step of that choice and the
 * range of a parameter without a detectable response.
 */
public final class NewPhysicsRanges {
  /** Half-width of the default range of NSI ε (dimensionless). */
  static final double NSI_SCALE = 1.0;
  /** Half-width of the default range of μ_ν, in μ_B. */
  static final double MAGNETIC_MOMENT_SCALE_MUB = 1e-9;
  /** Half-width of the default range of Q_ν, in e. */
  static final double MILLICHARGE_SCALE_E = 1e-6;
  /** Half-width of the default range of ⟨r²_ν⟩, in cm². */
  static final double CHARGE_RADIUS_SCALE_CM2 = 1e-30;
  /** Half-width of the default range of a mediator coupling (dimensionless). */
  static final double COUPLING_SCALE = 1e-4;
  /** Half-width of the default range of a sterile dipole moment, in μ_B. */
  static final double DIPOLE_SCALE_MUB = 1e-8;
  /** Factor between the nominal mass and the ends of a mass's default range. */
  static final double MASS_FACTOR = 10;
  /**
   * Fraction of a scan's span added at each end of its table: keeps the grid's end points (up to rounding)
   * inside the fit bounds and the natural-spline end effects of the table outside the grid.
   */
  static final double SCAN_PADDING = 0.1;
  /** Smallest lower end of a mass range, as a fraction of the nominal mass. */
  static final double MASS_FLOOR_FRACTION = 1e-3;
  /**
   * Ratio upper/lower from which a mass range is padded and tabulated in log(m) ({@link #logNodes}): over a decade
   * or more the signal changes on the scale of m (the propagator 1/(q² + m²)), not on a fixed number of MeV.
   */
  static final double LOG_SPAN = 10;

  private NewPhysicsRanges() {}

  /** The settable parameters of {@code point} with their default ranges. */
  static List<PhysicsParameter> parameters(NewPhysics point) {
    List<PhysicsParameter> out = new ArrayList<>();
    for (String name : point.parameterNames()) {
      double v;
      try {
        v = point.get(name);
      } catch (IllegalArgumentException e) {
        continue; // mediator[k].g or a ….all of unequal values: no common value to start from
      }
      if (name.startsWith("sterile.dipole_mub.") && v == 0) {
        continue;
      }
      if (isMass(name) && v == 0) {
        continue; // a contact NGI structure (ngi.<x>.mass_mev = 0): no mediator mass to vary
      }
      if (isMass(name)) {
        double lo = name.startsWith("sterile.") ? v : v / MASS_FACTOR;
        out.add(PhysicsParameter.free(name, v, lo, v * MASS_FACTOR));
      } else {
        double h = Math.max(3 * Math.abs(v), scale(name));
        double bound = NewPhysicsBounds.bound(name);
        out.add(PhysicsParameter.free(name, v, Math.max(v - h, -bound), Math.min(v + h, bound)));
      }
    }
    return out;
  }

  /**
   * {@code p} with a range spanning [lower, upper] and the nominal, {@value #SCAN_PADDING} of the span wider at
   * each end, clipped to the parameter's limits.
   */
  static PhysicsParameter widened(PhysicsParameter p, double lower, double upper) {
    double lo = Math.min(lower, p.nominal());
    double hi = Math.max(upper, p.nominal());
    if (logRange(p.name(), lo, hi)) {
      // a log-spaced table: pad by the same fraction of the span in log(m)
      double ratio = Math.pow(hi / lo, SCAN_PADDING);
      lo /= ratio;
      hi *= ratio;
    } else {
      double pad = SCAN_PADDING * (hi - lo);
      lo -= pad;
      hi += pad;
    }
    if (isMass(p.name())) {
      lo = p.name().startsWith("sterile.") ? Math.max(lo, p.nominal())
          : Math.max(lo, p.nominal() * MASS_FLOOR_FRACTION);
    }
    // the padding stays within the validity bound (the grid itself is the user's)
    double bound = NewPhysicsBounds.bound(p.name());
    lo = Math.max(lo, Math.min(Math.min(lower, p.nominal()), -bound));
    hi = Math.min(hi, Math.max(Math.max(upper, p.nominal()), bound));
    if (!(hi > lo)) {
      hi = lo + Math.max(Math.abs(lo), scale(p.name()));
    }
    return new PhysicsParameter(p.name(), p.nominal(), lo, hi, p.sigma());
  }

  /**
   * Whether {@code p}'s table ({@link TabulatedSignal}) has log-spaced nodes: a mass whose range spans
   * {@value #LOG_SPAN} or more (e.g. the default nominal/10 … 10 × nominal, or a Z′ mass scanned over decades).
   */
  static boolean logNodes(PhysicsParameter p) {
    return logRange(p.name(), p.lower(), p.upper());
  }

  /** A mass over [lower, upper] spanning {@value #LOG_SPAN} or more, lower &gt; 0. */
  private static boolean logRange(String name, double lower, double upper) {
    return isMass(name) && lower > 0 && upper >= LOG_SPAN * lower;
  }

  /** Whether {@code name} is a mass ({@code ….mass_mev}). */
  public static boolean isMass(String name) {
    return name.endsWith(".mass_mev");
  }

  /** The fixed half-width of the default range of {@code name}'s group (class javadoc). */
  public static double scale(String name) {
    return switch (org.cevns.physics.xs.bsm.NewPhysicsBounds.Group.of(name)) {
      case EPSILON -> NSI_SCALE;
      case MAGNETIC_MOMENT -> MAGNETIC_MOMENT_SCALE_MUB;
      case MILLICHARGE -> MILLICHARGE_SCALE_E;
      case CHARGE_RADIUS -> CHARGE_RADIUS_SCALE_CM2;
      case DIPOLE -> DIPOLE_SCALE_MUB;
      case COUPLING -> COUPLING_SCALE;
    };
  }
}
