/**
 * Binned Poisson likelihood fit with the signal strength μ = σ_meas/σ_SM as parameter of interest and
 * normalisation nuisances, profile likelihood intervals and significances (Cowan, Cranmer, Gross, Vitells,
 * EPJC 71 (2011) 1554).
 *
 * <p>Build the model from arrays (expected counts per bin) or histogram contents:
 *
 * <pre>{@code
 * BinnedModel model = BinnedModel.of(
 *     List.of(Channel.of("on", Sample.signal("cevns", sigOnKeV),            // expected counts at mu = 1
 *                              Sample.background("steady", ssOn, "ss"),
 *                              Sample.background("reactor_n", rnOn, "rn")),
 *             Channel.of("off", Sample.background("steady", ssOff, "ss"))),
 *     List.of(NormParameter.free("ss"), NormParameter.constrained("rn", 0.10)));
 * Observations data = Observations.ofChannels(model, List.of(onCounts, offCounts));
 * ProfileLikelihood pl = ProfileLikelihood.of(model, data, FitOptions.unboundedMu());
 * FitResult best = pl.bestFit();          // mu(), value(name), hesseError(name), gofChi2(), ndf(), gofPValue()
 * Interval i68 = pl.interval68();         // lower(), upper(), muHat()
 * Interval i90 = pl.interval90();
 * Significance z = pl.significance();     // q0, z, pValue (asymptotic)
 * ToySignificance zt = pl.toySignificance(10_000, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
 * List<ScanPoint> scan = pl.scan(muGrid); // for plots of q(mu)
 * PyhfWorkspace.write(model, data, FitOptions.unboundedMu(), "cevns", path);
 * }</pre>
 *
 * Parameter vector convention: index 0 is μ, then the norms in declaration order. Flat bins: the channels
 * concatenated in order. Minimisation: commons-math3 BOBYQA (≥ 2 floating parameters) or Brent (1), in
 * standardised coordinates, then a Newton polish with the analytic gradient and Hessian. Instances of
 * {@link org.cevns.analysis.fit.ProfileLikelihood} and {@link org.cevns.analysis.fit.PoissonLikelihood} are
 * not thread-safe; models and observations are immutable and can be shared.
 */
package org.cevns.analysis.fit;
