package org.cevns.analysis.events;

import java.util.Set;
import org.cevns.physics.Process;
import org.cevns.schema.ExperimentConfig;

/**
 * Which simulated events are the fit's signal, the ones μ scales; decided here, once, from the configuration's
 * {@code physics.processes}, for every command that histograms events (templates simulated in memory or read from
 * files, data files). With CEvNS or sterile-neutrino upscattering simulated, those are the signal and
 * neutrino-electron scattering (EvES) is the Standard-Model-normalised background component
 * {@link EventColumns#EVES_COMPONENT}. With neither ({@code processes: [eves]}: solar electron recoils in xenon, a
 * reactor magnetic-moment search in germanium) EvES is the signal and there is no {@code eves} component.
 */
public enum SignalProcess {
  /** CEvNS (and upscattering) is the signal; EvES rows of the simulated signal form the component {@code eves}. */
  NUCLEAR,
  /** EvES is the signal: no CEvNS or upscattering is simulated. */
  ELECTRON;

  /** The signal of a configuration simulating {@code processes}. */
  public static SignalProcess of(Set<Process> processes) {
    return processes.contains(Process.CEVNS) || processes.contains(Process.UPSCATTER) ? NUCLEAR : ELECTRON;
  }

  /** The signal of {@code config} ({@code physics.processes}). */
  public static SignalProcess of(ExperimentConfig config) {
    return of(config.physics().processes());
  }

  /**
   * True when {@code config} has the background component {@link EventColumns#EVES_COMPONENT}: it simulates EvES and
   * EvES is not its signal (the component's prior and nuisance names exist only then).
   */
  public static boolean hasEvesBackground(ExperimentConfig config) {
    return config.physics().processes().contains(Process.EVES) && of(config).evesIsBackground();
  }

  /** True when EvES events are the background component {@link EventColumns#EVES_COMPONENT} (not the signal). */
  public boolean evesIsBackground() {
    return this == NUCLEAR;
  }

  /**
   * The component a detected row is filed under.
   *
   * @param component the row's {@code component} ({@link EventColumns#SIGNAL} or a background's name)
   * @param eves true when the row's process is EvES
   * @return {@link EventColumns#EVES_COMPONENT} for an EvES row of the signal when EvES is a background, else
   *     {@code component}
   */
  public String component(String component, boolean eves) {
    return eves && this == NUCLEAR && EventColumns.SIGNAL.equals(component) ? EventColumns.EVES_COMPONENT
        : component;
  }
}
