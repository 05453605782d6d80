package org.cevns.physics.source;

import java.util.Objects;
import org.cevns.physics.Flavor;

/**
 * One neutrino species of one parent process of a source, e.g. delayed ν_e from μ⁺ decay, or ν̄_e from
 * U-235 fissions.
 *
 * @param flavor neutrino flavour
 * @param parent parent label written to the {@code parent} column ({@code pi_prompt}, {@code mu_delayed},
 *     {@code U235}, {@code B8}, ...)
 * @param spectrum normalised energy distribution
 * @param timeProfile emission time distribution (ns) within a pulse, or over a period for steady sources
 * @param neutrinosPerExposureUnit neutrinos emitted per exposure unit of the source (per proton on target,
 *     per second of reactor operation), or, for a source with no position ({@link Source#pointSource()} false,
 *     e.g. the Sun), the flux in neutrinos per cm² per second at the detector
 */
public record SourceComponent(
    Flavor flavor,
    String parent,
    EnergySpectrum spectrum,
    TimeProfile timeProfile,
    double neutrinosPerExposureUnit) {
  public SourceComponent {
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(spectrum, "spectrum");
    Objects.requireNonNull(timeProfile, "timeProfile");
    if (!(neutrinosPerExposureUnit >= 0) || Double.isInfinite(neutrinosPerExposureUnit)) {
      throw new IllegalArgumentException(
          "neutrinosPerExposureUnit must be finite and >= 0, got " + neutrinosPerExposureUnit);
    }
  }
}
