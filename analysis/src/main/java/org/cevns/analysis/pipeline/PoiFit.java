package org.cevns.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.ScanPoint;

/**
 * The profile-likelihood fit of one physics parameter of interest (μ held at 1, every nuisance profiled).
 *
 * @param name parameter name ({@code sin2_theta_w}, {@code rn_fm.Cs133}, …)
 * @param nominal the value the templates were made at
 * @param best best fit
 * @param interval68 68.27 % interval, if found
 * @param interval90 90 % interval, if found
 * @param problem why an interval is missing, if one is
 * @param scan the profile −2Δln L around the best fit
 * @param impacts the impacts of the nuisance groups on the 68.27 % interval ({@link GroupImpacts}), if computed
 */
public record PoiFit(String name, double nominal, double best, Optional<Interval> interval68,
    Optional<Interval> interval90, Optional<String> problem, List<ScanPoint> scan, Optional<GroupImpacts> impacts) {
  public PoiFit {
    scan = List.copyOf(scan);
  }
}
