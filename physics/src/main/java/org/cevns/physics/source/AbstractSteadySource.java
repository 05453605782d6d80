package org.cevns.physics.source;

import java.util.List;

/**
 * What every steady source shares: a name, the live time of the period its event times are spread over, its
 * components and whether it is a point source. Subclasses add their parameters and
 * {@link #withPeriodDurationNs}. Immutable.
 */
public abstract class AbstractSteadySource implements SteadySource {
  private final String name;
  private final double periodDurationNs;
  private final List<SourceComponent> components;
  private final boolean pointSource;

  /**
   * @param name validated source name
   * @param periodDurationNs validated period live time in ns
   * @param components the components (copied)
   * @param pointSource true when the fluence falls as 1/(4πL²)
   */
  protected AbstractSteadySource(String name, double periodDurationNs, List<SourceComponent> components,
      boolean pointSource) {
    this.name = name;
    this.periodDurationNs = periodDurationNs;
    this.components = List.copyOf(components);
    this.pointSource = pointSource;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final double periodDurationNs() {
    return periodDurationNs;
  }

  @Override
  public final List<SourceComponent> components() {
    return components;
  }

  @Override
  public final boolean pointSource() {
    return pointSource;
  }
}
