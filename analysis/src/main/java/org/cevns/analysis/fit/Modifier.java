package org.cevns.analysis.fit;

import static org.cevns.analysis.hist.BinSums.sum;

/**
 * A systematic variation of one {@link Sample}, driven by a nuisance parameter α with a unit Gaussian
 * constraint (auxiliary measurement a = 0, σ = 1; the deviance gains (α − a)²), with the interpolation of
 * HistFactory (Cranmer et al., CERN-OPEN-2012-016) exactly as pyhf reads a workspace by default (pyhf
 * {@code modifier_settings}: normsys code 4, histosys code 4p; Heinrich, Feickert, Stark, Cranmer, JOSS 6 (2021)
 * 2823), so that an exported workspace reproduces this likelihood ({@link Interpolation}):
 *
 * <ul>
 *   <li>{@link Type#NORMSYS}, interpolation code 4: the sample is multiplied by κ_hi^α for α &ge; 1 and
 *       κ_lo^(−α) for α &le; −1, and by a sixth-order polynomial in between (smooth at α = 0) — a log-normal prior
 *       on the normalisation;
 *   <li>{@link Type#HISTOSYS}, interpolation code 4p: the sample gains α·(hi_i − nominal_i) for α &gt; 1 and
 *       α·(nominal_i − lo_i) for α &lt; −1, and a polynomial in between (linear for symmetric variations, smooth at
 *       α = 0) — a shape (and normalisation) variation with a Gaussian prior.
 *   <li>a Gaussian-constrained normalisation of relative width σ ({@link #gaussianNorm}): the histosys
 *       hi = (1 + σ)·nominal, lo = (1 − σ)·nominal at the nominal physics parameters, whose variation follows the
 *       sample's current template T(φ) when physics parameters move it (δ^± = σ·T(φ), {@link #relativeWidth}): the
 *       content is (1 + σ·α)·T(φ) + the other histosys terms, exactly linear in α (code 4p of a symmetric
 *       variation), clipped at zero with the rest of the content. At the nominal physics point this is the histosys
 *       that pyhf reads ({@link PyhfWorkspace}); before, δ^± = σ·T(φ₀) did not move with φ, so a physics parameter
 *       that scaled the signal by r left its normalisation uncertainty at σ/r of the current rate.
 * </ul>
 *
 * Several samples (and channels) naming the same parameter share one α.
 *
 * @param parameter name of α ([A-Za-z0-9_.-]+)
 * @param type the type
 * @param kappaHi NORMSYS: κ_hi, finite, &gt; 0 (NaN for HISTOSYS)
 * @param kappaLo NORMSYS: κ_lo, finite, &gt; 0 (NaN for HISTOSYS)
 * @param deltaHi HISTOSYS: hi_i − nominal_i per bin, finite (null for NORMSYS)
 * @param deltaLo HISTOSYS: nominal_i − lo_i per bin, finite (null for NORMSYS)
 * @param relativeWidth a Gaussian normalisation ({@link #gaussianNorm}): σ, finite, &gt; 0, the deltas being σ × the
 *     sample's current template; NaN for every other modifier
 */
public record Modifier(String parameter, Type type, double kappaHi, double kappaLo, double[] deltaHi,
    double[] deltaLo, double relativeWidth) {
  /** The interpolation types (pyhf modifier types). */
  public enum Type {
    /** Normalisation, polynomial/exponential interpolation (HistFactory code 4). */
    NORMSYS,
    /** Shape, polynomial/linear additive interpolation (HistFactory code 4p). */
    HISTOSYS
  }

  public Modifier {
    if (parameter == null || !parameter.matches("[A-Za-z0-9_.-]+") || parameter.equals(BinnedModel.POI_NAME)) {
      throw new IllegalArgumentException("modifier parameter must match [A-Za-z0-9_.-]+ and not be 'mu', got '"
          + parameter + "'");
    }
    if (type == null) {
      throw new IllegalArgumentException("type of modifier " + parameter + " must not be null");
    }
    if (type == Type.NORMSYS) {
      if (!(kappaHi > 0) || !(kappaLo > 0) || Double.isInfinite(kappaHi) || Double.isInfinite(kappaLo)) {
        throw new IllegalArgumentException("normsys " + parameter + ": kappaHi and kappaLo must be finite and > 0, got "
            + kappaHi + ", " + kappaLo);
      }
      if (deltaHi != null || deltaLo != null) {
        throw new IllegalArgumentException("normsys " + parameter + " takes no per-bin deltas");
      }
    } else {
      if (deltaHi == null || deltaLo == null || deltaHi.length != deltaLo.length || deltaHi.length == 0) {
        throw new IllegalArgumentException("histosys " + parameter + ": deltaHi and deltaLo must be non-empty arrays"
            + " of equal length");
      }
      for (int i = 0; i < deltaHi.length; i++) {
        if (!Double.isFinite(deltaHi[i]) || !Double.isFinite(deltaLo[i])) {
          throw new IllegalArgumentException("histosys " + parameter + ": delta of bin " + i + " must be finite, got "
              + deltaHi[i] + ", " + deltaLo[i]);
        }
      }
      deltaHi = deltaHi.clone();
      deltaLo = deltaLo.clone();
    }
    if (!Double.isNaN(relativeWidth) && (type != Type.HISTOSYS || !(relativeWidth > 0)
        || Double.isInfinite(relativeWidth))) {
      throw new IllegalArgumentException("modifier " + parameter + ": relativeWidth must be NaN or, for a histosys,"
          + " finite and > 0, got " + relativeWidth);
    }
  }

  /** A modifier whose variations do not follow the physics parameters (relativeWidth NaN). */
  public Modifier(String parameter, Type type, double kappaHi, double kappaLo, double[] deltaHi, double[] deltaLo) {
    this(parameter, type, kappaHi, kappaLo, deltaHi, deltaLo, Double.NaN);
  }

  /** True for a Gaussian normalisation, whose ±1σ variations are σ × the sample's current template. */
  public boolean isRelative() {
    return !Double.isNaN(relativeWidth);
  }

  /** A normalisation variation: κ_hi at α = +1, κ_lo at α = −1 (code 4 interpolation). */
  public static Modifier normsys(String parameter, double kappaHi, double kappaLo) {
    return new Modifier(parameter, Type.NORMSYS, kappaHi, kappaLo, null, null);
  }

  /**
   * True: codes 4 and 4p are twice continuously differentiable in α, also for asymmetric variations (before
   * cevns used codes 1 and 0, whose slope jumps at α = 0 when the variations are asymmetric).
   */
  boolean isSmooth() {
    return true;
  }

  /** A log-normal normalisation prior of relative width σ: κ_hi = 1 + σ, κ_lo = 1/(1 + σ). */
  public static Modifier lognormal(String parameter, double relativeWidth) {
    if (!(relativeWidth > 0) || Double.isInfinite(relativeWidth)) {
      throw new IllegalArgumentException("relative width of " + parameter + " must be finite and > 0, got "
          + relativeWidth);
    }
    return normsys(parameter, 1 + relativeWidth, 1 / (1 + relativeWidth));
  }

  /** A shape variation from the templates at α = ±1 ({@code hi}, {@code lo}) around {@code nominal}. */
  public static Modifier histosys(String parameter, double[] nominal, double[] hi, double[] lo) {
    if (nominal == null || hi == null || lo == null || hi.length != nominal.length || lo.length != nominal.length) {
      throw new IllegalArgumentException("histosys " + parameter + ": nominal, hi and lo must have equal lengths");
    }
    double[] dh = new double[nominal.length];
    double[] dl = new double[nominal.length];
    for (int i = 0; i < dh.length; i++) {
      dh[i] = hi[i] - nominal[i];
      dl[i] = nominal[i] - lo[i];
    }
    return new Modifier(parameter, Type.HISTOSYS, Double.NaN, Double.NaN, dh, dl);
  }

  /**
   * A variation from the templates at α = ±1 split into its normalisation and its shape, both on {@code parameter}:
   * a normsys κ_hi = Σhi/Σnominal, κ_lo = Σlo/Σnominal (code 4: exponential beyond ±1σ, so the sample never
   * reaches zero) and a histosys between hi·Σnominal/Σhi and lo·Σnominal/Σlo (the shape at the nominal total, code
   * 4p). Their product is hi at α = +1 and lo at α = −1, as the one additive histosys of {@link #histosys}; they
   * differ beyond: a variation that removes 80 % of a sample at −1σ leaves 4 % at −2σ, where the additive one is
   * clipped at zero from −1.25σ on. This is how HistFactory workspaces usually carry a large response variation
   * (an OverallSys and a HistoSys of one parameter: pyhf shares one parameter across modifier types since
   * scikit-hep/pyhf#354, and its maintainers describe this split as the usual practice in scikit-hep/pyhf#1437;
   * cabinetry's systematic type {@code NormPlusShape} makes it). When a total is not positive (an empty side) the
   * split has no κ: the additive histosys.
   *
   * @return the normsys then the histosys, or the one additive histosys
   */
  public static java.util.List<Modifier> normPlusShape(String parameter, double[] nominal, double[] hi, double[] lo) {
    Modifier additive = histosys(parameter, nominal, hi, lo);
    double total = sum(nominal);
    double totalHi = sum(hi);
    double totalLo = sum(lo);
    if (!(total > 0) || !(totalHi > 0) || !(totalLo > 0)) {
      return java.util.List.of(additive);
    }
    double[] shapeHi = new double[hi.length];
    double[] shapeLo = new double[lo.length];
    for (int i = 0; i < hi.length; i++) {
      shapeHi[i] = hi[i] * (total / totalHi);
      shapeLo[i] = lo[i] * (total / totalLo);
    }
    return java.util.List.of(normsys(parameter, totalHi / total, totalLo / total),
        histosys(parameter, nominal, shapeHi, shapeLo));
  }

  /**
   * A Gaussian normalisation prior of relative width σ as a histosys: hi = (1 + σ)·nominal, lo = (1 − σ)·nominal
   * at the nominal physics parameters, σ × the current template elsewhere (see the class comment).
   */
  public static Modifier gaussianNorm(String parameter, double[] nominal, double relativeWidth) {
    if (!(relativeWidth > 0) || Double.isInfinite(relativeWidth)) {
      throw new IllegalArgumentException("relative width of " + parameter + " must be finite and > 0, got "
          + relativeWidth);
    }
    double[] hi = new double[nominal.length];
    double[] lo = new double[nominal.length];
    for (int i = 0; i < hi.length; i++) {
      hi[i] = nominal[i] * (1 + relativeWidth);
      lo[i] = nominal[i] * (1 - relativeWidth);
    }
    Modifier h = histosys(parameter, nominal, hi, lo);
    return new Modifier(parameter, Type.HISTOSYS, Double.NaN, Double.NaN, h.deltaHi, h.deltaLo, relativeWidth);
  }

  /** This modifier with the deltas {@code hi}, {@code lo} (same kind, same relative width). */
  Modifier withDeltas(double[] hi, double[] lo) {
    return new Modifier(parameter, type, kappaHi, kappaLo, hi, lo, relativeWidth);
  }

  /** Number of bins (HISTOSYS), 0 for NORMSYS. */
  public int nBins() {
    return deltaHi == null ? 0 : deltaHi.length;
  }

  /** This modifier with its deltas × {@code factor} (a scaled sample). */
  Modifier scaled(double factor) {
    if (type == Type.NORMSYS) {
      return this;
    }
    double[] h = deltaHi.clone();
    double[] l = deltaLo.clone();
    for (int i = 0; i < h.length; i++) {
      h[i] *= factor;
      l[i] *= factor;
    }
    return withDeltas(h, l);
  }

  /** hi_i − nominal_i (a copy). */
  @Override
  public double[] deltaHi() {
    return deltaHi == null ? null : deltaHi.clone();
  }

  /** nominal_i − lo_i (a copy). */
  @Override
  public double[] deltaLo() {
    return deltaLo == null ? null : deltaLo.clone();
  }
}
