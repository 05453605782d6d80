package org.cevns.analysis.reweight;

import java.util.ArrayList;
import java.util.List;

/**
 * New-physics scan names that set several parameters to one value: the flavour-universal values
 * {@code magnetic_moment_mub.all} (μ_ee = μ_μμ = μ_ττ), {@code millicharge_e.all}, {@code charge_radius_cm2.all},
 * {@code sterile.dipole_mub.all}, and a mediator's common coupling {@code mediator[k].g}
 * (g_ν = g_u = g_d = g_e). Such a name and one of its members cannot vary together in one fit: the common parameter
 * sets the member, so the result would depend on the order of the names.
 */
final class TiedParameters {
  private TiedParameters() {}

  /**
   * Refuses a common parameter together with one of its members among {@code names}.
   *
   * @throws IllegalArgumentException naming both
   */
  static void check(List<String> names) {
    for (String n : names) {
      List<String> members = members(n);
      members.stream().filter(names::contains).findFirst().ifPresent(m -> {
        throw new IllegalArgumentException(n + " and " + m + " cannot vary together: " + n + " sets "
            + String.join(", ", members) + " to one value");
      });
    }
  }

  /** The parameters the common parameter {@code name} sets; empty when it is not one. */
  static List<String> members(String name) {
    List<String> members = new ArrayList<>();
    if (name.endsWith(".all")) {
      String stem = name.substring(0, name.length() - "all".length());
      List.of("nue", "numu", "nutau").forEach(f -> members.add(stem + f));
    } else if (name.startsWith("mediator[") && name.endsWith("].g")) {
      String stem = name.substring(0, name.length() - 1);
      List.of("g_nu", "g_u", "g_d", "g_e").forEach(g -> members.add(stem + g));
    }
    return members;
  }
}
