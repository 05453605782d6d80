package org.cevns.cli;

import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.pipeline.PoiScan;

/** Parsing of the {@code --poi} arguments of {@code cevns fit} and {@code cevns scan}. */
final class InferenceOptions {
  /** Largest number of points per scanned parameter. */
  static final int MAX_POINTS = 10_000;

  private InferenceOptions() {}

  /** {@code NAME[,NAME2]} (fit). */
  static List<String> names(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String n : v.split(",")) {
        String t = n.trim();
        if (t.isEmpty()) {
          throw new UserException("--poi: empty parameter name in '" + v + "'");
        }
        if (out.contains(t)) {
          throw new UserException("--poi: '" + t + "' given twice");
        }
        out.add(t);
      }
    }
    if (out.isEmpty() || out.size() > 2) {
      throw new UserException("--poi: give one or two parameters (NAME or NAME,NAME2), got " + out);
    }
    return out;
  }

  /**
   * Rejects, before any work, a grid of a physics parameter with points outside the values its cross section takes
   * (e.g. a mediator mass of 0, below its floor of a thousandth of the nominal): the range {@code family} gives the
   * parameter for that grid ({@code withRange}), which the fit would meet only after the template simulation.
   * {@code grids} may be null ({@code fit}).
   */
  static void checkGridDomains(List<PoiScan.Grid> grids, org.cevns.analysis.reweight.CevnsFamily family) {
    if (grids == null) {
      return;
    }
    for (PoiScan.Grid g : grids) {
      family.withRange(g.name(), g.lower(), g.upper()).parameters().stream()
          .filter(p -> p.name().equals(g.name())).findFirst().ifPresent(p -> {
            if (g.lower() < p.lower() || g.upper() > p.upper()) {
              throw new UserException("--poi: " + g.name() + ": the grid's points must lie in [" + p.lower() + ", "
                  + p.upper() + "], got " + (g.lower() < p.lower() ? g.lower() : g.upper()));
            }
          });
    }
  }

  /** {@code NAME=A:B:N[:log]} (scan), once or twice. */
  static List<PoiScan.Grid> grids(List<String> values) {
    if (values.isEmpty() || values.size() > 2) {
      throw new UserException("--poi: give one or two NAME=A:B:N, got " + values.size());
    }
    List<PoiScan.Grid> out = new ArrayList<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      String[] parts = eq < 0 ? new String[0] : v.substring(eq + 1).split(":");
      boolean log = parts.length == 4 && parts[3].trim().equals("log");
      if (eq <= 0 || !(parts.length == 3 || log)) {
        throw new UserException("--poi: must be NAME=A:B:N or NAME=A:B:N:log (e.g. sin2_theta_w=0.2:0.3:50,"
            + " 'mediator[0].mass_mev=1:1000:31:log'), got '" + v + "'");
      }
      String name = v.substring(0, eq).trim();
      double a;
      double b;
      int n;
      try {
        a = Double.parseDouble(parts[0]);
        b = Double.parseDouble(parts[1]);
        n = Integer.parseInt(parts[2]);
      } catch (NumberFormatException e) {
        throw new UserException("--poi: A and B must be numbers and N an integer in '" + v + "'");
      }
      if (!Double.isFinite(a) || !Double.isFinite(b) || !(b > a)) {
        throw new UserException("--poi " + name + ": need finite A < B, got " + a + ":" + b);
      }
      if (log && !(a > 0)) {
        throw new UserException("--poi " + name + ": a log grid needs A > 0, got " + a);
      }
      if (n < 2 || n > MAX_POINTS) {
        throw new UserException("--poi " + name + ": N must be in 2.." + MAX_POINTS + ", got " + n);
      }
      if (out.stream().anyMatch(g -> g.name().equals(name))) {
        throw new UserException("--poi: '" + name + "' given twice");
      }
      out.add(new PoiScan.Grid(name, a, b, n, log));
    }
    return out;
  }
}
