package org.cevns.physics.source;

import java.nio.file.Path;
import java.util.List;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;

/**
 * Steady source whose shape comes from a CSV file (design.md type {@code spectrum-file}; format in
 * {@link SpectrumCsv}): one component; the file gives the shape only, the total is a flux at the detector
 * (no position) or an emission rate (point source), see {@link Intensity}. Exposure in live seconds; times
 * uniform over the period's live time. Immutable.
 */
public final class SpectrumFileSource extends AbstractSteadySource {
  /** Default parent label. */
  public static final String DEFAULT_PARENT = "user";

  private final Path file;
  private final TabulatedSpectrum spectrum;
  private final Flavor flavor;
  private final String parent;
  private final Intensity intensity;

  private SpectrumFileSource(String name, Path file, TabulatedSpectrum spectrum, Flavor flavor, String parent,
      Intensity intensity, double periodDurationNs) {
    super(name, periodDurationNs, List.of(new SourceComponent(flavor, parent, spectrum,
        UniformTimeProfile.of(periodDurationNs), intensity.value())), intensity.pointSource());
    this.file = file;
    this.spectrum = spectrum;
    this.flavor = flavor;
    this.parent = parent;
    this.intensity = intensity;
  }

  /**
   * Reads {@code file} (already resolved against the config directory) and builds the source. CSV errors are
   * IllegalArgumentException naming {@code file:line}; unreadable files UncheckedIOException.
   */
  public static SpectrumFileSource of(String name, Path file, Flavor flavor, String parent, Intensity intensity,
      double periodDurationNs) {
    Checks.label("name", name);
    Checks.notNull("file", file);
    Checks.notNull("flavor", flavor);
    Checks.label("parent", parent);
    Checks.notNull("intensity", intensity);
    Checks.positive("periodDurationNs", periodDurationNs);
    return new SpectrumFileSource(name, file, SpectrumCsv.read(file), flavor, parent, intensity, periodDurationNs);
  }

  /** As {@link #of(String, Path, Flavor, String, Intensity, double)} with parent {@value #DEFAULT_PARENT}. */
  public static SpectrumFileSource of(String name, Path file, Flavor flavor, Intensity intensity,
      double periodDurationNs) {
    return of(name, file, flavor, DEFAULT_PARENT, intensity, periodDurationNs);
  }

  /** Same source with times uniform on [0, {@code periodDurationNs}] (the file is not read again). */
  @Override
  public SpectrumFileSource withPeriodDurationNs(double periodDurationNs) {
    Checks.positive("periodDurationNs", periodDurationNs);
    return new SpectrumFileSource(name(), file, spectrum, flavor, parent, intensity, periodDurationNs);
  }

  public Path file() {
    return file;
  }

  public TabulatedSpectrum spectrum() {
    return spectrum;
  }

  public Intensity intensity() {
    return intensity;
  }





  @Override
  public String toString() {
    return "SpectrumFileSource[" + name() + ", " + file + ", " + flavor.columnName() + ", " + intensity + "]";
  }
}
