package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.generator.run.RecoilFloors;
import org.junit.jupiter.api.Test;

/**
 * Templates simulated above the recoil floors agree with templates of all recoils while simulating far fewer events:
 * dresden-ii's detected CEvNS signal in 30 bins of 0.1–1.6 keVee, from 2e6 events over all recoils and 2e6 / 6
 * above the floors (Ge ≥ 0.38 keVnr: 1/6.6 of the template simulation's expected events), seeds fixed.
 */
class RecoilFloorTemplatesTest {
  private static final long FULL_EVENTS = 2_000_000;

  @Test
  void flooredTemplatesAgreeWithFullRangeOnesFromSixTimesFewerEvents() throws Exception {
    var c = TemplateRecoilFloorsTest.load("dresden-ii.yaml");
    SimulationSetup setup = TemplateRecoilFloorsTest.setup(c);
    AnalysisConfig a = AnalysisConfig.of(c);
    TemplateRecoilFloors.Decision d = TemplateRecoilFloors.of(setup, a);
    assertTrue(d.applied() && d.gain() > 6, d.log());
    HistogramBinning binning = new HistogramBinning(Map.of("ge", BinEdges.uniform(30, 0.1, 1.6)), Map.of(),
        BinEdges.uniform(1, 0, 1), Optional.empty());
    Histogram1D full = signal(setup, a, binning, FULL_EVENTS, RecoilFloors.NONE);
    Histogram1D floored = signal(setup, a, binning, FULL_EVENTS / 6, d.floors());
    double chi2 = 0;
    int bins = 0;
    double w2Full = 0;
    double w2Floored = 0;
    for (int i = 0; i < full.nBins(); i++) {
      double var = full.sumW2(i) + floored.sumW2(i);
      w2Full += full.sumW2(i);
      w2Floored += floored.sumW2(i);
      if (var > 0) {
        chi2 += Math.pow(full.content(i) - floored.content(i), 2) / var;
        bins++;
      }
    }
    // p > 1e-3: a false failure once in 1000 seeds if the two estimate the same spectrum
    double p = ChiSquaredDistribution.of(bins).survivalProbability(chi2);
    assertTrue(p > 1e-3, "chi2 " + chi2 + " / " + bins + ", p " + p);
    // the same detected expectation (totals within 3 combined sigma: false failure 2.7e-3 per seed)
    double total = sum(full) - sum(floored);
    assertTrue(Math.abs(total) < 3 * Math.sqrt(w2Full + w2Floored), "totals " + sum(full) + " vs " + sum(floored));
    // from 6 times fewer events, at least as many detected events: Σw² (the templates' Monte Carlo variance) smaller
    assertTrue(w2Floored < w2Full, "sum w2 " + w2Floored + " vs " + w2Full);
  }

  private static Histogram1D signal(SimulationSetup setup, AnalysisConfig a, HistogramBinning binning, long events,
      RecoilFloors floors) throws Exception {
    var t = TemplateMaker.simulate(setup, setup.model().config().generator(), a.fit(), binning, 17, 2, events, null,
        null, null, floors);
    return t.expected().get(new SpectrumKey("ge", "on", "none", "signal")).orElseThrow().energy();
  }

  private static double sum(Histogram1D h) {
    double s = 0;
    for (int i = 0; i < h.nBins(); i++) {
      s += h.content(i);
    }
    return s;
  }
}
