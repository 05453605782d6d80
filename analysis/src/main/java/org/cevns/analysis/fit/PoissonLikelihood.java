package org.cevns.analysis.fit;

/**
 * Binned Poisson likelihood of a {@link BinnedModel} for {@link Observations}, as the deviance (twice the
 * negative log-likelihood relative to the saturated model):
 *
 * <pre>
 *   D(p) = 2 Σ_i [ν_i − n_i + n_i ln(n_i/ν_i)] + Σ_{j constrained} ((θ_j − a_j)/σ_j)²
 * </pre>
 *
 * (Baker &amp; Cousins, NIM 221 (1984) 437; the n_i = 0 term is 2ν_i). Differences of D are differences of
 * 2·NLL, so the profile-likelihood ratio is q(μ) = D(μ, θ̂̂) − D(μ̂, θ̂) (Cowan, Cranmer, Gross, Vitells,
 * EPJC 71 (2011) 1554), and the Poisson part at the best fit is the likelihood-ratio goodness-of-fit χ².
 *
 * <p>Outside the physical region the deviance is continued smoothly so the optimiser never sees NaN or
 * infinity: for n_i &gt; 0 and ν_i &lt; ε = 1e-10, −ln ν is replaced by its second-order Taylor expansion at ε
 * (a steep wall); for n_i = 0 and ν_i &lt; 0 a penalty 1e6·ν_i² is added. Both leave D unchanged wherever all
 * ν_i are physical (ν_i &ge; ε where n_i &gt; 0, ν_i &ge; 0 elsewhere).
 *
 * <p>Systematic nuisances α add (α − a)² (a their global observable, nominal 0), constrained physics
 * parameters ((x − x₀)/σ)². With template statistical errors (Barlow–Beeston-lite, see {@link BinnedModel}),
 * every bin i with relative error δ_i &gt; 0 has its own factor γ_i on ν_i with auxiliary measurement b_i (1, or
 * fluctuated in toys: {@link Observations#statAuxiliary}), profiled analytically: γ̂_i is the
 * positive root of γ² + (ν_i δ_i² − b_i)γ − n_i δ_i² = 0, and the bin contributes
 * 2[γ̂ν − n + n ln(n/(γ̂ν))] + ((γ̂ − b)/δ)²; the gradient of this profiled deviance is that at fixed γ̂ (envelope
 * theorem). The Hessian of such models is analytic too: Σ_i D_i''(ν) ∂ν_i/∂p_k ∂ν_i/∂p_l + D_i'(ν) ∂²ν_i/∂p_k∂p_l
 * ({@link ExpectedCurvature}; the profiled bin's D_i'' includes dγ̂/dν), physics shapes differentiated by central
 * differences.
 *
 * <p>Stateless apart from a scratch buffer: not thread-safe; use one instance per thread.
 */
final class PoissonLikelihood {
  /** Below this expected count (with data) −ln ν is continued quadratically. */
  static final double NU_FLOOR = 1e-10;
  /** Penalty coefficient for negative expected counts in bins without data. */
  static final double NEGATIVE_PENALTY = 1e6;

  private final BinnedModel model;
  private final Observations data;
  private final double[] nu;
  private final double[] invSigma2;
  private final boolean[] constrained;
  private final double[] centre;
  private final double[] delta2;
  private final double[] statAux;
  private final double[] emptyWeight;
  private final double[] emptyAux;
  private final double[] term = new double[2];
  private final boolean plain;
  private double[] jacobianAt;
  private double[] nuAt;
  /** The Jacobian at {@link #jacobianAt}, a buffer refilled in place (~23 kB per point for the CsI model). */
  private final double[][] jacobian;
  private final boolean[] allParameters;
  /** The nonzero span [jacobianFirst[k], jacobianEnd[k]) of each Jacobian row ({@link SpanDots}). */
  private final int[] jacobianFirst;
  private final int[] jacobianEnd;

  private PoissonLikelihood(BinnedModel model, Observations data) {
    this.model = model;
    this.data = data;
    this.nu = new double[model.nBins()];
    int np = model.nParameters();
    this.invSigma2 = new double[np];
    this.constrained = new boolean[np];
    this.centre = new double[np];
    for (int k = 1; k < model.alphaOffset(); k++) {
      NormParameter p = model.norm(k);
      if (p.kind() == NormParameter.Kind.CONSTRAINED) {
        constrained[k] = true;
        invSigma2[k] = 1.0 / (p.relativeWidth() * p.relativeWidth());
        centre[k] = data.globalObservable(k - 1);
      }
    }
    for (int k = model.alphaOffset(); k < model.physicsOffset(); k++) {
      constrained[k] = true;
      invSigma2[k] = 1.0;
      centre[k] = data.globalObservable(k - 1);
    }
    for (int q = 0; q < model.physics().size(); q++) {
      PhysicsParameter pp = model.physics().get(q);
      int k = model.physicsOffset() + q;
      if (pp.sigma() > 0) {
        constrained[k] = true;
        invSigma2[k] = 1.0 / (pp.sigma() * pp.sigma());
        centre[k] = pp.nominal();
      }
    }
    this.delta2 = new double[model.nBins()];
    this.statAux = new double[model.nBins()];
    for (int i = 0; i < delta2.length; i++) {
      double d = model.relativeStatError(i);
      delta2[i] = d * d;
      statAux[i] = data.statAuxiliary(i);
    }
    this.emptyWeight = new double[model.nBins()];
    this.emptyAux = new double[model.nBins()];
    for (int i = 0; i < emptyWeight.length; i++) {
      emptyWeight[i] = model.emptyBinWeight(i);
      emptyAux[i] = data.emptyBinAuxiliary(i);
    }
    this.plain = model.isPlain();
    this.jacobian = new double[np][model.nBins()];
    this.allParameters = new boolean[np];
    java.util.Arrays.fill(allParameters, true);
    this.jacobianFirst = new int[np];
    this.jacobianEnd = new int[np];
  }

  /** The likelihood of {@code model} for {@code data} (same number of bins). */
  public static PoissonLikelihood of(BinnedModel model, Observations data) {
    if (model == null || data == null) {
      throw new IllegalArgumentException("model and data must not be null");
    }
    if (data.nBins() != model.nBins()) {
      throw new IllegalArgumentException(
          "data must have nBins=" + model.nBins() + " like the model, got " + data.nBins());
    }
    return new PoissonLikelihood(model, data);
  }

  /** The model. */
  public BinnedModel model() {
    return model;
  }

  /** The data. */
  public Observations data() {
    return data;
  }

  /** The deviance D(p): Poisson part plus constraint terms. */
  public double deviance(double[] p) {
    return poissonDeviance(p) + constraintDeviance(p);
  }

  /**
   * True if every expected count at {@code p} (γ = 1) is physical: ν_i &ge; {@link #NU_FLOOR} where n_i &gt; 0 and
   * ν_i &ge; 0 elsewhere, so that the deviance is the Poisson one, not the continuation of the class comment.
   */
  boolean isPhysical(double[] p) {
    expectedAt(p);
    double[] n = data.countsView();
    for (int i = 0; i < nu.length; i++) {
      if (!(nu[i] >= (n[i] > 0 ? NU_FLOOR : 0.0))) {
        return false;
      }
    }
    return true;
  }

  /** Fills {@link #nu} at {@code p} unless it holds that point (a Newton step asks D, gradient, Hessian there). */
  private void expectedAt(double[] p) {
    if (nuAt == null || !java.util.Arrays.equals(p, nuAt)) {
      model.expected(p, nu);
      nuAt = p.clone();
    }
  }

  /** The Poisson part 2 Σ_i [ν_i − n_i + n_i ln(n_i/ν_i)] (the likelihood-ratio χ² of the bins). */
  public double poissonDeviance(double[] p) {
    expectedAt(p);
    double[] n = data.countsView();
    double d = 0;
    for (int i = 0; i < nu.length; i++) {
      if (delta2[i] > 0 || emptyWeight[i] > 0) {
        BarlowBeeston.profiledBin(nu[i], n[i], delta2[i], statAux[i], emptyWeight[i], emptyAux[i], term);
        d += term[0];
      } else {
        d += binDeviance(nu[i], n[i]);
      }
    }
    return d;
  }

  /**
   * The constraint part Σ_j ((θ_j − a_j)/σ_j)² of the constrained norms, α and physics parameters (the
   * Barlow–Beeston-lite constraints belong to {@link #poissonDeviance}).
   */
  public double constraintDeviance(double[] p) {
    double d = 0;
    for (int k = 1; k < p.length; k++) {
      if (constrained[k]) {
        double r = p[k] - centre[k];
        d += r * r * invSigma2[k];
      }
    }
    return d;
  }

  /** 2[ν − n + n ln(n/ν)] with the continuation described in the class comment. */
  static double binDeviance(double nu, double n) {
    if (n > 0) {
      if (nu >= NU_FLOOR) {
        return 2.0 * (nu - n + n * Math.log(n / nu));
      }
      double d = nu - NU_FLOOR;
      double minusLogNu = -Math.log(NU_FLOOR) - d / NU_FLOOR + d * d / (2 * NU_FLOOR * NU_FLOOR);
      return 2.0 * (nu - n + n * (Math.log(n) + minusLogNu));
    }
    return nu >= 0 ? 2.0 * nu : 2.0 * nu + NEGATIVE_PENALTY * nu * nu;
  }

  /** dD/dν of one bin (consistent with {@link #binDeviance}). */
  static double binDerivative(double nu, double n) {
    if (n > 0) {
      if (nu >= NU_FLOOR) {
        return 2.0 * (1.0 - n / nu);
      }
      double d = nu - NU_FLOOR;
      return 2.0 * (1.0 - n / NU_FLOOR + n * d / (NU_FLOOR * NU_FLOOR));
    }
    return nu >= 0 ? 2.0 : 2.0 + 2.0 * NEGATIVE_PENALTY * nu;
  }

  /** d²D/dν² of one bin. */
  static double binSecondDerivative(double nu, double n) {
    if (n > 0) {
      return nu >= NU_FLOOR ? 2.0 * n / (nu * nu) : 2.0 * n / (NU_FLOOR * NU_FLOOR);
    }
    return nu >= 0 ? 0.0 : 2.0 * NEGATIVE_PENALTY;
  }

  /** The analytic gradient ∂D/∂p_k for every parameter (fixed ones included). */
  public double[] gradient(double[] p) {
    if (!plain) {
      return generalGradient(p);
    }
    double[] g = PlainDerivatives.gradient(model, p, binSlopes(p));
    for (int k = 1; k < p.length; k++) {
      if (constrained[k]) {
        g[k] += 2.0 * (p[k] - centre[k]) * invSigma2[k];
      }
    }
    return g;
  }

  /**
   * ∂ν_i/∂p_k of every parameter at {@code p}, kept for the next call at the same point (a Newton iteration asks
   * for the gradient and then the Hessian at one point), with its rows' spans. Read only, and only until the next
   * call at another point (one buffer).
   */
  private double[][] jacobian(double[] p) {
    if (jacobianAt == null || !java.util.Arrays.equals(p, jacobianAt)) {
      jacobianAt = null; // invalid while refilled (an exception leaves no stale cache)
      for (double[] row : jacobian) {
        java.util.Arrays.fill(row, 0.0);
      }
      model.terms.jacobian(p, allParameters, jacobian);
      SpanDots.spans(jacobian, jacobianFirst, jacobianEnd);
      jacobianAt = p.clone();
    }
    return jacobian;
  }

  /** dD/dν_i of every flat bin at {@code p} (Barlow–Beeston-lite bins profiled; {@link KinkNewton} reads it). */
  double[] binSlopes(double[] p) {
    expectedAt(p);
    double[] n = data.countsView();
    double[] dnu = new double[nu.length];
    for (int i = 0; i < nu.length; i++) {
      if (delta2[i] > 0 || emptyWeight[i] > 0) {
        BarlowBeeston.profiledBin(nu[i], n[i], delta2[i], statAux[i], emptyWeight[i], emptyAux[i], term);
        dnu[i] = term[1];
      } else {
        dnu[i] = binDerivative(nu[i], n[i]);
      }
    }
    return dnu;
  }

  private double[] generalGradient(double[] p) {
    double[][] jac = jacobian(p);
    double[] dnu = binSlopes(p);
    double[] g = new double[p.length];
    // Σ_i ∂_k ν_i · dD/dν_i over the row's nonzero span: the terms outside it are zero (same sum)
    SpanDots.dots(dnu, 0, dnu.length, jac, jacobianFirst, jacobianEnd, 0, p.length, g);
    for (int k = 0; k < p.length; k++) {
      if (constrained[k]) {
        g[k] += 2.0 * (p[k] - centre[k]) * invSigma2[k];
      }
    }
    return g;
  }

  private double[][] generalHessian(double[] p, boolean expected) {
    double[][] jac = jacobian(p);
    expectedAt(p);
    double[][] h = expected ? ModelHessian.expected(jac, nu)
        : ModelHessian.observed(model, p, jac, nu, data.countsView(), delta2, statAux, emptyWeight, emptyAux);
    for (int k = 0; k < p.length; k++) {
      if (constrained[k]) {
        h[k][k] += 2.0 * invSigma2[k];
      }
    }
    return h;
  }

  /**
   * The analytic Hessian ∂²D/∂p_k∂p_l (all parameters). With {@code expected} true the data n_i are replaced by
   * ν_i (the expected, Fisher information form, positive semi-definite; used to scale the optimiser), else
   * the observed Hessian.
   */
  public double[][] hessian(double[] p, boolean expected) {
    if (!plain) {
      return generalHessian(p, expected);
    }
    expectedAt(p);
    double[][] h = PlainDerivatives.hessian(model, p, nu, data.countsView(), expected);
    for (int k = 0; k < p.length; k++) {
      if (constrained[k]) {
        h[k][k] += 2.0 * invSigma2[k];
      }
    }
    return h;
  }
}
