package org.cevns.analysis.pipeline;

import org.cevns.analysis.fit.PhysicsShape;

/**
 * The physics dependence of a template read from a file ({@code analysis.fit.template_files}), which has no events
 * to reweight: the file's bins {@code f_b} are multiplied by the bin-wise ratio of cevns's own simulated signal,
 * reweighted event by event to the parameter point θ and to the configured point θ₀,
 * {@code f_b(θ) = f_b · S_b(θ) / S_b(θ₀)}. A bin where the simulation has no signal at θ₀ (the file's shape
 * reaches where cevns's simulation does not) takes the ratio of the totals, {@code ΣS(θ)/ΣS(θ₀)}. At θ₀ the result is
 * the file's template exactly.
 *
 * <p>Assumption (documented in docs/physics.md): the file's template and cevns's simulation agree on how θ moves
 * the signal from bin to bin, though not necessarily on the signal itself; for parameters that change the rate
 * and the recoil shape of CEvNS (sin²θ_W, nuclear radii, new physics) this holds as far as both fold the same
 * cross section through similar detector responses. The statistical noise of the simulated ratio is small
 * because numerator and denominator reweight the same events.
 */
public final class FileTemplatePhysics implements PhysicsShape {
  private final double[] file;
  private final PhysicsShape simulated;
  private final double[] atNominal;
  private final double totalAtNominal;
  /** Whether a bin is empty at θ₀, so that {@link #scaled} needs the ratio of the totals. */
  private final boolean anyEmpty;

  private FileTemplatePhysics(double[] file, PhysicsShape simulated, double[] atNominal) {
    this.file = file;
    this.simulated = simulated;
    this.atNominal = atNominal;
    double t = 0;
    boolean empty = false;
    for (double v : atNominal) {
      t += v;
      empty |= !(v > 0);
    }
    this.totalAtNominal = t;
    this.anyEmpty = empty;
  }

  /**
   * @param file the file template's bins (copied)
   * @param simulated the reweighted simulated signal's bins at a parameter point (same binning)
   * @param nominal the configured parameter values θ₀, at which the file template holds
   * @throws IllegalArgumentException if the simulated signal has no events at θ₀ or the lengths differ
   */
  public static FileTemplatePhysics of(double[] file, PhysicsShape simulated, double[] nominal) {
    double[] at = simulated.expected(nominal);
    if (at.length != file.length) {
      throw new IllegalArgumentException("simulated signal has " + at.length + " bins, the file template "
          + file.length);
    }
    FileTemplatePhysics p = new FileTemplatePhysics(file.clone(), simulated, at);
    if (!(p.totalAtNominal > 0)) {
      throw new IllegalArgumentException("the simulated signal has no events in the fit range: a physics parameter"
          + " cannot move the file template (raise --max-template-events)");
    }
    return p;
  }

  @Override
  public double[] expected(double[] values) {
    return scaled(simulated.expected(values));
  }

  /** The simulated shape's derivatives taken through the same bin-wise ratios (null if it has none). */
  @Override
  public double[][] derivatives(double[] values) {
    double[][] d = simulated.derivatives(values);
    return d == null ? null : new double[][] {scaled(d[0]), scaled(d[1])};
  }

  /** {@code s} (the simulated bins, or a derivative of them) times file / simulated-at-θ₀, bin by bin: linear in s. */
  private double[] scaled(double[] s) {
    double total = 0;
    if (anyEmpty) {
      for (double v : s) {
        total += v;
      }
    }
    double totalRatio = total / totalAtNominal;
    double[] out = new double[file.length];
    for (int b = 0; b < out.length; b++) {
      out[b] = file[b] * (atNominal[b] > 0 ? s[b] / atNominal[b] : totalRatio);
    }
    return out;
  }
}
