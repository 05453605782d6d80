package org.cevns.analysis.fit;

/** Evaluates the deviance of a {@link Fitter} run and remembers the best point seen. Not thread-safe. */
final class DevianceTracker {
  double[] bestX;
  double bestValue = Double.POSITIVE_INFINITY;
  int evaluations;

  private final PoissonLikelihood likelihood;

  DevianceTracker(PoissonLikelihood likelihood, double[] x0) {
    this.likelihood = likelihood;
    this.bestX = x0.clone();
  }

  /** Keeps {@code x} if its deviance {@code value} is the lowest seen. */
  void offer(double[] x, double value) {
    if (value < bestValue) {
      bestValue = value;
      bestX = x.clone();
    }
  }

  void accept(double[] x, double value) {
    bestX = x.clone();
    bestValue = value;
  }

  double value(double[] x) {
    evaluations++;
    double d = likelihood.deviance(x);
    if (d < bestValue) {
      bestValue = d;
      bestX = x.clone();
    }
    return d;
  }
}
